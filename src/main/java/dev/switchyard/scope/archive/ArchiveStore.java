package dev.switchyard.scope.archive;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import dev.switchyard.system.ConflictException;
import dev.switchyard.system.NotFoundException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads stored archives and streams verified ones as ZIP files for download.
 */
@Component
public class ArchiveStore {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private static final String COLUMNS = "id, project_id, snapshot_id, scope_version, folder, records, created_by,"
            + " created_at, manifest::text as manifest, run_id, object, verified_at";

    private final JdbcTemplate jdbc;

    private final JsonMapper json;

    ArchiveStore(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * @param projectId a project
     * @return its verified archives, newest first (an archive a stopped run left half
     * written is not listed; the run discards it when it resumes)
     */
    public List<ArchiveSnapshot> list(long projectId) {
        return this.jdbc.query(
                "select " + COLUMNS
                        + " from archive_snapshot where project_id = ? and verified_at is not null order by id desc",
                this::row, projectId);
    }

    /**
     * @param runId a migration run
     * @param object a source object
     * @return the run's archive of the object, verified or not, when there is one
     */
    public Optional<ArchiveSnapshot> ofRun(long runId, String object) {
        return this.jdbc
            .query("select " + COLUMNS + " from archive_snapshot where run_id = ? and object = ?", this::row, runId,
                    object)
            .stream()
            .findFirst();
    }

    /**
     * @param archiveId an archive's id
     * @return the archive with its manifest, or empty when there is none
     */
    public Optional<ArchiveSnapshot> find(long archiveId) {
        return this.jdbc.query("select " + COLUMNS + " from archive_snapshot where id = ?", this::row, archiveId)
            .stream()
            .findFirst();
    }

    /**
     * @param archiveId an archive's id
     * @return the archive with its manifest
     * @throws NotFoundException when there is none
     */
    public ArchiveSnapshot get(long archiveId) {
        return find(archiveId).orElseThrow(() -> NotFoundException.of("Archive", archiveId));
    }

    /**
     * Streams an archive's files (the CSV files and the manifest, manifest first) as a
     * ZIP. The stream is finished but not closed.
     * @param archiveId an archive's id
     * @param out where to write
     * @throws NotFoundException when there is no such archive
     * @throws ConflictException when it was not written to the end and verified
     * @throws IOException when reading a file or writing fails
     */
    public void zip(long archiveId, OutputStream out) throws IOException {
        ArchiveSnapshot archive = get(archiveId);
        if (!archive.verified()) {
            throw unverified(archiveId);
        }
        Path folder = Path.of(archive.folder());
        List<Path> files = new ArrayList<>();
        try (Stream<Path> paths = Files.list(folder)) {
            paths.filter((path) -> Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS))
                .sorted(Comparator
                    .comparing((Path path) -> !path.getFileName().toString().equals(ArchiveWriter.MANIFEST))
                    .thenComparing((Path path) -> path.getFileName().toString()))
                .forEach(files::add);
        }
        ZipOutputStream zip = new ZipOutputStream(out);
        for (Path file : files) {
            ZipEntry entry = new ZipEntry(file.getFileName().toString());
            // the file's own time, so that every download of an archive is the same bytes
            entry.setLastModifiedTime(Files.getLastModifiedTime(file));
            zip.putNextEntry(entry);
            Files.copy(file, zip);
            zip.closeEntry();
        }
        zip.finish();
        zip.flush();
    }

    /**
     * @param archiveId an archive
     * @return the refusal to download it while it is not verified
     */
    static ConflictException unverified(long archiveId) {
        return new ConflictException("archive",
                "Archive " + archiveId + " was not written to the end and verified: resume the run that writes it");
    }

    private ArchiveSnapshot row(ResultSet rs, int rowNum) throws SQLException {
        return new ArchiveSnapshot(rs.getLong("id"), rs.getLong("project_id"), rs.getLong("snapshot_id"),
                (Integer) rs.getObject("scope_version"), rs.getString("folder"), rs.getLong("records"),
                rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                this.json.readValue(rs.getString("manifest"), MAP), (Long) rs.getObject("run_id", Long.class),
                rs.getString("object"), instant(rs.getObject("verified_at", OffsetDateTime.class)));
    }

    private static java.time.Instant instant(OffsetDateTime time) {
        return (time != null) ? time.toInstant() : null;
    }

}
