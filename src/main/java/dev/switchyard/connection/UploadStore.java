package dev.switchyard.connection;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import dev.switchyard.connector.SafeZip;
import dev.switchyard.system.InvalidInputException;
import dev.switchyard.system.SwitchyardProperties;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Keeps uploaded source files under the data directory
 * ({@code uploads/project-<id>/connection-<id>/files}). A ZIP is unpacked with
 * {@link SafeZip} (no path traversal, no zip bombs); any other file is stored as it is. A
 * new upload replaces the previous files only once it has been stored completely and has
 * passed the caller's check.
 */
@Component
class UploadStore {

    private final Path root;

    private final long maxBytes;

    private final SafeZip safeZip;

    UploadStore(SwitchyardProperties properties, Environment environment) {
        this.root = properties.dataDir().resolve("uploads");
        this.maxBytes = environment.getProperty("switchyard.uploads.max-bytes", Long.class, 2L * 1024 * 1024 * 1024);
        this.safeZip = new SafeZip(new SafeZip.Limits(this.maxBytes * 4, 10_000, 200, 1024 * 1024));
    }

    long maxBytes() {
        return this.maxBytes;
    }

    /**
     * Stores an upload as the connection's files.
     * @param projectId the project
     * @param connectionId the connection
     * @param filename the uploaded file's name
     * @param content its bytes
     * @return the folder now holding the connection's files, and how many bytes came in
     */
    Stored store(Long projectId, Long connectionId, String filename, InputStream content) {
        return store(projectId, connectionId, filename, content, (files) -> {
        });
    }

    /**
     * Stores an upload as the connection's files once it has passed a check.
     * @param projectId the project
     * @param connectionId the connection
     * @param filename the uploaded file's name
     * @param content its bytes
     * @param check looks at the unpacked files before they replace the current ones, and
     * throws to refuse them (the current files then stay)
     * @return the folder now holding the connection's files, and how many bytes came in
     */
    Stored store(Long projectId, Long connectionId, String filename, InputStream content, Consumer<Path> check) {
        String name = safeName(filename);
        Path base = this.root.resolve("project-" + projectId).resolve("connection-" + connectionId);
        Path incoming = base.resolve("incoming-" + UUID.randomUUID());
        Path files = base.resolve("files");
        try {
            Files.createDirectories(incoming);
            Path upload = incoming.resolve("upload.bin");
            long bytes = copyLimited(content, upload, name);
            Path unpacked = Files.createDirectories(incoming.resolve("files"));
            if (name.toLowerCase(Locale.ROOT).endsWith(".zip")) {
                List<Path> extracted;
                try (InputStream zip = Files.newInputStream(upload)) {
                    extracted = this.safeZip.extract(zip, unpacked);
                }
                catch (RuntimeException ex) {
                    throw new InvalidInputException("file", name + ": " + ex.getMessage());
                }
                if (extracted.isEmpty()) {
                    throw new InvalidInputException("file", name + " holds no files");
                }
            }
            else {
                Files.move(upload, unpacked.resolve(name));
            }
            Files.deleteIfExists(upload);
            check.accept(unpacked);
            Path old = base.resolve("replaced-" + UUID.randomUUID());
            if (Files.exists(files)) {
                Files.move(files, old, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(unpacked, files, StandardCopyOption.ATOMIC_MOVE);
            deleteTree(old);
            return new Stored(files, bytes);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not store the upload " + name, ex);
        }
        finally {
            deleteTree(incoming);
        }
    }

    /**
     * Removes everything stored for a connection (after its creation failed).
     * @param projectId the project
     * @param connectionId the connection
     */
    void discard(Long projectId, Long connectionId) {
        deleteTree(this.root.resolve("project-" + projectId).resolve("connection-" + connectionId));
    }

    /**
     * @param files a connection's folder of files
     * @return the files in it, by name
     */
    static List<Path> list(Path files) {
        if (files == null || !Files.isDirectory(files)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(files)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private long copyLimited(InputStream content, Path target, String name) throws IOException {
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(target)) {
            int read;
            while ((read = content.read(buffer)) != -1) {
                total += read;
                if (total > this.maxBytes) {
                    throw new InvalidInputException("file", name + " is larger than the upload limit of "
                            + (this.maxBytes / (1024 * 1024)) + " MB (switchyard.uploads.max-bytes)");
                }
                out.write(buffer, 0, read);
            }
        }
        if (total == 0) {
            throw new InvalidInputException("file", name + " is empty");
        }
        return total;
    }

    private static String safeName(String filename) {
        String path = (filename != null) ? filename.replace('\\', '/') : "";
        String name = path.substring(path.lastIndexOf('/') + 1).trim();
        if (name.isBlank() || name.startsWith(".")) {
            throw new InvalidInputException("file", "Choose a file to upload");
        }
        return name;
    }

    static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
        }
        catch (IOException ex) {
            // best effort: a leftover folder only costs disk space
        }
    }

    /**
     * An upload stored.
     *
     * @param files the folder with the connection's files
     * @param bytes the size of the upload
     */
    record Stored(Path files, long bytes) {
    }

}
