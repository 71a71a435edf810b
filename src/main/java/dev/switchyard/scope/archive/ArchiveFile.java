package dev.switchyard.scope.archive;

/**
 * One CSV file of an archive.
 *
 * @param object the object whose records it holds
 * @param file the file's name in the archive folder
 * @param records how many records it holds (rows after the header)
 * @param bytes its size in bytes
 * @param sha256 the SHA-256 of its bytes, lower-case hex
 */
public record ArchiveFile(String object, String file, long records, long bytes, String sha256) {

}
