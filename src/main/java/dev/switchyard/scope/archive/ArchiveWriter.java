package dev.switchyard.scope.archive;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import javax.sql.DataSource;

import de.siegmar.fastcsv.writer.CsvWriter;
import dev.switchyard.dictionary.DictionaryField;
import dev.switchyard.dictionary.DictionaryObject;
import dev.switchyard.dictionary.DictionaryStore;
import dev.switchyard.system.SwitchyardProperties;
import dev.switchyard.system.TableExport;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.StatementCreatorUtils;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * Writes an archive: the staged records that the scope document archives, one CSV file
 * per object with a {@code manifest.json} (record counts, sizes and SHA-256 of every
 * file), under {@code <dataDir>/archives/project-<id>/archive-<id>/}, recorded in
 * {@code archive_snapshot}. Records are streamed from the database with a server-side
 * cursor, never held in memory. Every text cell is neutralised for spreadsheets
 * ({@link TableExport#neutralise(Object)}); JSON numbers and booleans are written as
 * their JSON text. Once written, the archive is read back and checked against its
 * manifest ({@link ArchiveVerifier}) and only then marked verified. When writing or
 * verifying fails, the folder and the row are removed.
 */
@Component
public class ArchiveWriter {

    /** The manifest's file name in an archive folder. */
    public static final String MANIFEST = "manifest.json";

    static final int FETCH_SIZE = 1000;

    private static final String NOTE = "Text cells starting with = + - @, a tab or a carriage return were prefixed"
            + " with an apostrophe (') so that spreadsheets never evaluate them; JSON numbers and booleans were"
            + " written as they are.";

    private final JdbcTemplate jdbc;

    private final DataSource dataSource;

    private final DictionaryStore dictionary;

    private final SwitchyardProperties properties;

    private final JsonMapper json;

    private final Clock clock;

    private final ArchiveVerifier verifier;

    ArchiveWriter(JdbcTemplate jdbc, DictionaryStore dictionary, SwitchyardProperties properties, JsonMapper json,
            Clock clock, ArchiveVerifier verifier) {
        this.verifier = verifier;
        this.jdbc = jdbc;
        this.dataSource = jdbc.getDataSource();
        this.dictionary = dictionary;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Writes an archive of a snapshot's records.
     * @param projectId the project
     * @param snapshotId the snapshot whose staged records are archived
     * @param scopeVersion the scope version that decided what to archive, or null
     * @param selections what to archive, one selection per object
     * @param createdBy who writes it
     * @return the archive
     * @throws IllegalArgumentException when an object is not in the snapshot's dictionary
     * or appears twice
     * @throws ArchiveException when writing fails (nothing is kept)
     */
    public ArchiveResult write(long projectId, long snapshotId, Integer scopeVersion, List<ArchiveSelection> selections,
            String createdBy) {
        return write(projectId, snapshotId, scopeVersion, selections, createdBy, null);
    }

    /**
     * Writes an archive of a snapshot's records for a migration run: one object, linked
     * to the run (at most one archive per run and object).
     * @param projectId the project
     * @param snapshotId the snapshot whose staged records are archived
     * @param scopeVersion the scope version that decided what to archive, or null
     * @param selection what to archive
     * @param createdBy who writes it
     * @param runId the run
     * @return the archive, verified
     * @throws ArchiveException when writing or verifying fails (nothing is kept)
     */
    public ArchiveResult write(long projectId, long snapshotId, Integer scopeVersion, ArchiveSelection selection,
            String createdBy, long runId) {
        return write(projectId, snapshotId, scopeVersion, List.of(selection), createdBy, runId);
    }

    private ArchiveResult write(long projectId, long snapshotId, Integer scopeVersion,
            List<ArchiveSelection> selections, String createdBy, Long runId) {
        List<Plan> plans = plan(snapshotId, selections);
        Instant createdAt = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
        long id = insert(projectId, snapshotId, scopeVersion, createdBy, createdAt, runId,
                (runId != null) ? selections.get(0).object() : null);
        Path folder = folder(projectId, id);
        String current = null;
        try {
            Files.createDirectories(folder);
            List<ArchiveFile> files = new ArrayList<>();
            long records = 0;
            long neutralised = 0;
            for (Plan plan : plans) {
                current = plan.selection().object();
                Written written = writeObject(snapshotId, plan, folder.resolve(plan.file()));
                files.add(written.file());
                records += written.file().records();
                neutralised += written.neutralised();
            }
            current = null;
            Map<String, Object> manifest = manifest(id, projectId, snapshotId, scopeVersion, createdBy, createdAt,
                    files, selections, records, neutralised);
            byte[] manifestBytes = this.json.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest);
            Files.write(folder.resolve(MANIFEST), manifestBytes);
            this.jdbc.update("update archive_snapshot set records = ?, folder = ?, manifest = ?::jsonb where id = ?",
                    records, folder.toString(), this.json.writeValueAsString(manifest), id);
            this.verifier.verify(folder, manifest);
            this.jdbc.update("update archive_snapshot set verified_at = now() where id = ?", id);
            return new ArchiveResult(id, folder, records, files);
        }
        catch (Exception ex) {
            discard(id, folder, ex);
            String message = (current != null) ? "Archiving " + current + " failed: " + ex.getMessage()
                    : "Writing archive " + id + " failed: " + ex.getMessage();
            throw new ArchiveException(current, message, ex);
        }
    }

    private List<Plan> plan(long snapshotId, List<ArchiveSelection> selections) {
        Map<String, DictionaryObject> objects = new LinkedHashMap<>();
        for (DictionaryObject object : this.dictionary.forSnapshot(snapshotId)) {
            objects.put(object.name(), object);
        }
        List<Plan> plans = new ArrayList<>();
        Set<String> files = new HashSet<>();
        for (ArchiveSelection selection : selections) {
            DictionaryObject object = objects.get(selection.object());
            if (object == null) {
                throw new IllegalArgumentException(
                        "Object " + selection.object() + " is not in the dictionary of snapshot " + snapshotId);
            }
            String file = fileName(selection.object()) + ".csv";
            if (!files.add(file.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("Object " + selection.object() + " is selected twice");
            }
            List<String> fields = new ArrayList<>();
            for (DictionaryField field : object.fields()) {
                // the source id is the first column; its own field is not repeated
                boolean isIdField = field.name().equals(object.idField()) && "Id".equalsIgnoreCase(field.name());
                if (!isIdField) {
                    fields.add(field.name());
                }
            }
            plans.add(new Plan(selection, file, fields));
        }
        return plans;
    }

    /**
     * Makes an object's name safe as a file name: anything outside {@code [A-Za-z0-9._-]}
     * becomes {@code _}, {@code ..} becomes {@code __}, and a name never starts with a
     * dot (nor is empty).
     * @param object the object's name
     * @return the file name, without extension
     */
    static String fileName(String object) {
        String safe = object.replaceAll("[^A-Za-z0-9._-]", "_").replace("..", "__");
        return (safe.isEmpty() || safe.startsWith(".")) ? "_" + safe : safe;
    }

    private long insert(long projectId, long snapshotId, Integer scopeVersion, String createdBy, Instant createdAt,
            Long runId, String object) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        this.jdbc.update((connection) -> {
            PreparedStatement ps = connection.prepareStatement(
                    """
                            insert into archive_snapshot (project_id, snapshot_id, scope_version, folder, created_by, created_at,
                                run_id, object)
                            values (?, ?, ?, '', ?, ?, ?, ?)
                            """,
                    new String[] { "id" });
            ps.setLong(1, projectId);
            ps.setLong(2, snapshotId);
            ps.setObject(3, scopeVersion, Types.INTEGER);
            ps.setString(4, createdBy);
            ps.setTimestamp(5, Timestamp.from(createdAt));
            ps.setObject(6, runId, Types.BIGINT);
            ps.setString(7, object);
            return ps;
        }, key);
        return key.getKey().longValue();
    }

    private Path folder(long projectId, long id) {
        return this.properties.dataDir()
            .resolve("archives")
            .resolve("project-" + projectId)
            .resolve("archive-" + id)
            .toAbsolutePath()
            .normalize();
    }

    private Written writeObject(long snapshotId, Plan plan, Path path) throws SQLException, IOException {
        StringBuilder sql = new StringBuilder("select s.source_id");
        for (int i = 0; i < plan.fields().size(); i++) {
            // 'n' for a JSON number or boolean (written as is), 't' for text; null stays
            // null
            sql.append(", (case jsonb_typeof(s.payload -> ?) when 'number' then 'n' when 'boolean' then 'n'"
                    + " else 't' end) || (s.payload ->> ?)");
        }
        sql.append(" from staged_record s where s.snapshot_id = ? and s.object = ? and not s.deleted");
        if (!plan.selection().selectsAll()) {
            sql.append(" and (").append(plan.selection().predicateSql()).append(')');
        }
        sql.append(" order by s.source_id");
        MessageDigest sha256 = sha256();
        long records = 0;
        long neutralised = 0;
        try (Connection connection = this.dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            boolean readOnly = connection.isReadOnly();
            // a cursor needs a transaction; read-only, so that a predicate can never
            // write
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            try (PreparedStatement statement = connection.prepareStatement(sql.toString(), ResultSet.TYPE_FORWARD_ONLY,
                    ResultSet.CONCUR_READ_ONLY)) {
                statement.setFetchSize(FETCH_SIZE);
                int index = 1;
                for (String field : plan.fields()) {
                    statement.setString(index++, field);
                    statement.setString(index++, field);
                }
                statement.setLong(index++, snapshotId);
                statement.setString(index++, plan.selection().object());
                for (Object param : plan.selection().params()) {
                    StatementCreatorUtils.setParameterValue(statement, index++, SqlTypeValue.TYPE_UNKNOWN, param);
                }
                try (ResultSet rs = statement.executeQuery();
                        OutputStream file = Files.newOutputStream(path);
                        DigestOutputStream digest = new DigestOutputStream(new BufferedOutputStream(file, 64 * 1024),
                                sha256);
                        Writer writer = new OutputStreamWriter(digest, StandardCharsets.UTF_8)) {
                    writer.write('\uFEFF');
                    CsvWriter csv = CsvWriter.builder().build(writer);
                    List<String> header = new ArrayList<>(plan.fields().size() + 1);
                    header.add("Id");
                    header.addAll(plan.fields());
                    csv.writeRecord(header.stream().map(TableExport::neutralise).toList());
                    String[] cells = new String[plan.fields().size() + 1];
                    while (rs.next()) {
                        cells[0] = TableExport.neutralise(rs.getString(1));
                        if (!cells[0].equals(rs.getString(1))) {
                            neutralised++;
                        }
                        for (int i = 0; i < plan.fields().size(); i++) {
                            String value = rs.getString(i + 2);
                            if (value == null) {
                                cells[i + 1] = "";
                            }
                            else if (value.charAt(0) == 'n') {
                                cells[i + 1] = value.substring(1);
                            }
                            else {
                                String text = value.substring(1);
                                cells[i + 1] = TableExport.neutralise(text);
                                if (cells[i + 1].length() != text.length()) {
                                    neutralised++;
                                }
                            }
                        }
                        csv.writeRecord(cells);
                        records++;
                    }
                    csv.flush();
                }
            }
            finally {
                connection.rollback();
                connection.setReadOnly(readOnly);
                connection.setAutoCommit(autoCommit);
            }
        }
        String hex = HexFormat.of().formatHex(sha256.digest());
        ArchiveFile file = new ArchiveFile(plan.selection().object(), plan.file(), records, Files.size(path), hex);
        return new Written(file, neutralised);
    }

    private Map<String, Object> manifest(long id, long projectId, long snapshotId, Integer scopeVersion,
            String createdBy, Instant createdAt, List<ArchiveFile> files, List<ArchiveSelection> selections,
            long records, long neutralised) {
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("archive", id);
        manifest.put("project", projectId);
        manifest.put("snapshot", snapshotId);
        manifest.put("scopeVersion", scopeVersion);
        manifest.put("createdBy", createdBy);
        manifest.put("createdAt", DateTimeFormatter.ISO_INSTANT.format(createdAt));
        List<Map<String, Object>> entries = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            ArchiveFile file = files.get(i);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("object", file.object());
            entry.put("file", file.file());
            entry.put("records", file.records());
            entry.put("bytes", file.bytes());
            entry.put("sha256", file.sha256());
            entry.put("selection", selections.get(i).fingerprint());
            entries.add(entry);
        }
        manifest.put("files", entries);
        manifest.put("records", records);
        manifest.put("neutralisedCells", neutralised);
        manifest.put("note", NOTE);
        return manifest;
    }

    /**
     * Removes an archive's folder and row, for an archive a stopped run left unverified.
     * @param id the archive
     * @param folder its folder
     */
    void discard(long id, Path folder) {
        IllegalStateException failure = new IllegalStateException("Discarding archive " + id);
        discard(id, folder, failure);
        if (failure.getSuppressed().length > 0) {
            throw new ArchiveException(null,
                    "Archive " + id + " could not be discarded: " + failure.getSuppressed()[0].getMessage(), failure);
        }
    }

    /**
     * @param projectId a project
     * @param id an archive
     * @return the folder it is written to
     */
    Path folderOf(long projectId, long id) {
        return folder(projectId, id);
    }

    private void discard(long id, Path folder, Exception failure) {
        try {
            deleteTree(folder);
        }
        catch (IOException | UncheckedIOException ex) {
            failure.addSuppressed(ex);
        }
        try {
            this.jdbc.update("delete from archive_snapshot where id = ?", id);
        }
        catch (RuntimeException ex) {
            failure.addSuppressed(ex);
        }
    }

    static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private record Plan(ArchiveSelection selection, String file, List<String> fields) {
    }

    private record Written(ArchiveFile file, long neutralised) {
    }

}
