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

import dev.switchyard.system.NotFoundException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads stored archives and streams them as ZIP files for download.
 */
@Component
public class ArchiveStore {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private static final String COLUMNS = "id, project_id, snapshot_id, scope_version, folder, records, created_by,"
            + " created_at, manifest::text as manifest";

    private final JdbcTemplate jdbc;

    private final JsonMapper json;

    ArchiveStore(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * @param projectId a project
     * @return its archives, newest first
     */
    public List<ArchiveSnapshot> list(long projectId) {
        return this.jdbc.query("select " + COLUMNS + " from archive_snapshot where project_id = ? order by id desc",
                this::row, projectId);
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
     * @throws IOException when reading a file or writing fails
     */
    public void zip(long archiveId, OutputStream out) throws IOException {
        Path folder = Path.of(get(archiveId).folder());
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
            zip.putNextEntry(new ZipEntry(file.getFileName().toString()));
            Files.copy(file, zip);
            zip.closeEntry();
        }
        zip.finish();
        zip.flush();
    }

    private ArchiveSnapshot row(ResultSet rs, int rowNum) throws SQLException {
        return new ArchiveSnapshot(rs.getLong("id"), rs.getLong("project_id"), rs.getLong("snapshot_id"),
                (Integer) rs.getObject("scope_version"), rs.getString("folder"), rs.getLong("records"),
                rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                this.json.readValue(rs.getString("manifest"), MAP));
    }

}
