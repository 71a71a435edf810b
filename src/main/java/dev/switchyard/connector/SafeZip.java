package dev.switchyard.connector;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Unpacks an uploaded ZIP into a folder without trusting it: entries that would land
 * outside the folder (absolute paths, drive letters, {@code ..}) are refused, as are two
 * entries that would become the same file (in any case); directories, {@code __MACOSX}
 * and dot-files are skipped. Sizes are counted as bytes are actually written, never taken
 * from the entry headers, and the limits stop a ZIP bomb early. Any refusal throws a
 * {@link ConnectorException} naming the entry, after deleting what was already unpacked.
 */
public final class SafeZip {

    private final Limits limits;

    public SafeZip(Limits limits) {
        this.limits = limits;
    }

    /**
     * Unpacks a ZIP file.
     * @param zip the ZIP file
     * @param target the folder to unpack into (created if needed)
     * @return the files written, in entry order
     * @throws ConnectorException when the ZIP is unsafe, broken or over a limit
     */
    public List<Path> extract(Path zip, Path target) {
        try (InputStream in = Files.newInputStream(zip)) {
            return extract(in, target);
        }
        catch (IOException ex) {
            throw new ConnectorException("Cannot read the ZIP " + zip.getFileName() + ": " + ex.getMessage(), ex);
        }
    }

    /**
     * Unpacks a ZIP stream.
     * @param zip the ZIP content
     * @param target the folder to unpack into (created if needed)
     * @return the files written, in entry order
     * @throws ConnectorException when the ZIP is unsafe, broken or over a limit
     */
    public List<Path> extract(InputStream zip, Path target) {
        List<Path> written = new ArrayList<>();
        try {
            Path root = Files.createDirectories(target).toRealPath();
            unpack(new CountingInputStream(zip), root, written);
            return written;
        }
        catch (IOException | RuntimeException ex) {
            deleteQuietly(written);
            if (ex instanceof ConnectorException connectorException) {
                throw connectorException;
            }
            throw new ConnectorException("The ZIP cannot be unpacked: " + ex.getMessage(), ex);
        }
    }

    private void unpack(CountingInputStream counted, Path root, List<Path> written) throws IOException {
        Map<String, String> seen = new HashMap<>();
        long total = 0;
        int entries = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipInputStream in = new ZipInputStream(counted)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                String name = entry.getName();
                if (++entries > this.limits.maxEntries()) {
                    throw refuse(name, "the ZIP holds more than " + this.limits.maxEntries() + " entries");
                }
                Path file = resolve(root, name);
                if (file == null) {
                    total = copy(in, OutputStream.nullOutputStream(), name, counted, total, buffer);
                    continue;
                }
                String earlier = seen.putIfAbsent(root.relativize(file).toString().toLowerCase(Locale.ROOT), name);
                if (earlier != null) {
                    throw refuse(name, "it would overwrite entry '" + earlier + "' (same file name)");
                }
                Files.createDirectories(file.getParent());
                try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW)) {
                    written.add(file);
                    total = copy(in, out, name, counted, total, buffer);
                }
                catch (FileAlreadyExistsException ex) {
                    throw refuse(name, "a file of that name is already in the folder");
                }
            }
        }
        if (entries == 0) {
            throw new ConnectorException("The upload is not a ZIP file, or the ZIP is empty");
        }
    }

    /**
     * Copies one entry, counting what is actually inflated against the limits. Skipped
     * entries are drained the same way, so that a bomb cannot hide in {@code __MACOSX}.
     * @return the bytes unpacked so far, this entry included
     */
    private long copy(InputStream in, OutputStream out, String name, CountingInputStream counted, long total,
            byte[] buffer) throws IOException {
        long unpacked = total;
        long compressedStart = counted.count();
        long size = 0;
        int read;
        while ((read = in.read(buffer)) > 0) {
            size += read;
            unpacked += read;
            if (unpacked > this.limits.maxTotalBytes()) {
                throw refuse(name, "the ZIP unpacks to more than " + this.limits.maxTotalBytes() + " bytes");
            }
            long compressed = Math.max(1, counted.count() - compressedStart);
            if (size > this.limits.ratioThreshold() && size / compressed > this.limits.maxRatio()) {
                throw refuse(name, "it expands more than " + this.limits.maxRatio() + " times (a ZIP bomb?)");
            }
            out.write(buffer, 0, read);
        }
        return unpacked;
    }

    /**
     * @return the entry's file inside root, or null for an entry that is skipped
     */
    private static Path resolve(Path root, String name) {
        String path = name.replace('\\', '/');
        if (path.endsWith("/")) {
            return null;
        }
        if (path.startsWith("/") || (path.length() > 1 && path.charAt(1) == ':') || path.indexOf('\0') >= 0) {
            throw refuse(name, "it has an absolute path");
        }
        boolean skipped = false;
        for (String part : path.split("/")) {
            if (part.equals("..")) {
                throw refuse(name, "its path leads out of the folder");
            }
            skipped = skipped || (part.startsWith(".") && !part.equals(".")) || part.equals("__MACOSX");
        }
        Path file = root.resolve(path).normalize();
        if (!file.startsWith(root) || file.equals(root)) {
            throw refuse(name, "its path leads out of the folder");
        }
        return skipped ? null : file;
    }

    private static ConnectorException refuse(String entry, String reason) {
        return new ConnectorException("The ZIP entry '" + entry + "' was refused: " + reason);
    }

    private static void deleteQuietly(List<Path> files) {
        for (Path file : files) {
            try {
                Files.deleteIfExists(file);
            }
            catch (IOException ex) {
                // best effort: the folder is a throwaway upload folder
            }
        }
    }

    /**
     * What an upload may unpack to.
     *
     * @param maxTotalBytes the most bytes all entries together may unpack to
     * @param maxEntries the most entries the ZIP may hold
     * @param maxRatio the most an entry may expand (uncompressed ÷ compressed bytes) once
     * it is past the threshold
     * @param ratioThreshold the size from which the ratio is checked, so that tiny
     * well-compressed files pass
     */
    public record Limits(long maxTotalBytes, int maxEntries, long maxRatio, long ratioThreshold) {

        /**
         * @return 4 GB, 1,000 entries, 100:1 past 1 MB
         */
        public static Limits defaults() {
            return new Limits(4L * 1024 * 1024 * 1024, 1000, 100, 1024 * 1024);
        }

    }

}
