package dev.switchyard.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Test files: the real exports under {@code src/test/resources/data}, and ZIPs built from
 * them.
 */
public final class TestFiles {

    private TestFiles() {
    }

    /**
     * @param relative a path under {@code src/test/resources/data}
     * @return the file
     */
    public static Path data(String relative) {
        return Path.of("src/test/resources/data").resolve(relative);
    }

    /**
     * @param set a data set folder, e.g. {@code sf-export-mashmatrix}
     * @param names file names in it
     * @return a ZIP of those files, byte for byte
     */
    public static byte[] zipOf(String set, String... names) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try {
            for (String name : names) {
                entries.put(name, Files.readAllBytes(data(set).resolve(name)));
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return zip(entries);
    }

    /**
     * @param entries file names and contents
     * @return a ZIP holding them
     */
    public static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return bytes.toByteArray();
    }

}
