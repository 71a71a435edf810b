package dev.switchyard.scope.archive;

import java.nio.file.Path;
import java.util.List;

/**
 * A written archive.
 *
 * @param id the {@code archive_snapshot} row's id
 * @param folder the folder holding the CSV files and {@code manifest.json}
 * @param records the records archived, over all files
 * @param files the CSV files, in the order of the selections
 */
public record ArchiveResult(long id, Path folder, long records, List<ArchiveFile> files) {

    public ArchiveResult {
        files = List.copyOf(files);
    }

}
