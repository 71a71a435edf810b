package dev.switchyard.scope.archive;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Checks a written archive against its manifest by reading it back: the
 * {@code manifest.json} on disk says what the stored manifest says, and every CSV file it
 * lists exists, has its size and SHA-256, and holds its number of records (parsed as CSV,
 * so that line breaks inside values count right); the records add up to the archive's.
 */
@Component
public class ArchiveVerifier {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final JsonMapper json;

    ArchiveVerifier(JsonMapper json) {
        this.json = json;
    }

    /**
     * @param folder the archive's folder
     * @param manifest the manifest as stored with the archive
     * @return the files checked, as the manifest lists them
     * @throws ArchiveException naming the first difference
     */
    public List<ArchiveFile> verify(Path folder, Map<String, Object> manifest) {
        Path manifestFile = folder.resolve(ArchiveWriter.MANIFEST);
        if (!Files.isRegularFile(manifestFile, LinkOption.NOFOLLOW_LINKS)) {
            throw failed(null, "its manifest " + manifestFile + " is missing");
        }
        Map<String, Object> onDisk;
        try {
            onDisk = this.json.readValue(Files.readAllBytes(manifestFile), MAP);
        }
        catch (IOException | RuntimeException ex) {
            throw failed(null, "its manifest cannot be read: " + ex.getMessage());
        }
        // both as JSON text read again, so that numbers compare by value whatever their
        // Java type
        if (!Objects.equals(this.json.readTree(this.json.writeValueAsString(onDisk)),
                this.json.readTree(this.json.writeValueAsString(manifest)))) {
            throw failed(null, "manifest.json differs from the manifest recorded when it was written");
        }
        List<ArchiveFile> files = new ArrayList<>();
        long total = 0;
        for (Object entry : list(manifest.get("files"))) {
            if (!(entry instanceof Map<?, ?> file)) {
                throw failed(null, "its manifest lists a file without its facts");
            }
            ArchiveFile expected = new ArchiveFile(String.valueOf(file.get("object")), String.valueOf(file.get("file")),
                    number(file.get("records")), number(file.get("bytes")), String.valueOf(file.get("sha256")));
            files.add(check(folder, expected));
            total += expected.records();
        }
        if (total != number(manifest.get("records"))) {
            throw failed(null, "its files hold " + total + " records, its manifest says " + manifest.get("records"));
        }
        return files;
    }

    private ArchiveFile check(Path folder, ArchiveFile expected) {
        Path path = folder.resolve(expected.file()).normalize();
        if (!path.startsWith(folder) || !Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
            throw failed(expected.object(), expected.file() + " is missing");
        }
        long bytes;
        String hash;
        try {
            bytes = Files.size(path);
            hash = sha256(path);
        }
        catch (IOException | RuntimeException ex) {
            throw failed(expected.object(), expected.file() + " cannot be read: " + ex.getMessage());
        }
        if (bytes != expected.bytes()) {
            throw failed(expected.object(),
                    expected.file() + " has " + bytes + " bytes, its manifest says " + expected.bytes());
        }
        if (!hash.equals(expected.sha256())) {
            throw failed(expected.object(),
                    expected.file() + " has SHA-256 " + hash + ", its manifest says " + expected.sha256());
        }
        long rows = 0;
        try (CsvReader<CsvRecord> csv = CsvReader.builder()
            .ofCsvRecord(new InputStreamReader(new BufferedInputStream(Files.newInputStream(path), 64 * 1024),
                    StandardCharsets.UTF_8))) {
            for (CsvRecord ignored : csv) {
                rows++;
            }
        }
        catch (IOException | RuntimeException ex) {
            throw failed(expected.object(), expected.file() + " cannot be read as CSV: " + ex.getMessage());
        }
        long records = Math.max(0, rows - 1);
        if (records != expected.records()) {
            throw failed(expected.object(),
                    expected.file() + " holds " + records + " records, its manifest says " + expected.records());
        }
        return expected;
    }

    private static String sha256(Path path) throws IOException {
        MessageDigest sha256 = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(path), sha256)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    private static List<?> list(Object value) {
        return (value instanceof List<?> list) ? list : List.of();
    }

    private static long number(Object value) {
        return (value instanceof Number number) ? number.longValue() : -1;
    }

    private static ArchiveException failed(String object, String what) {
        return new ArchiveException(object, "The archive does not verify: " + what, null);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

}
