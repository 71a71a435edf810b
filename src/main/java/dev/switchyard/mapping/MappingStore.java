package dev.switchyard.mapping;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Stores the versions of mapping sets as JSON documents. Versions are only ever added;
 * the unique (project, version) key makes two concurrent saves of the same next version
 * fail for one of them instead of one silently replacing the other.
 */
@Component
class MappingStore {

    private final JdbcTemplate jdbc;

    private final JsonMapper json;

    MappingStore(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Optional<MappingVersion> latest(Long projectId) {
        return this.jdbc.query("""
                select version, document::text as document, saved_by, saved_at, summary from mapping_version
                where project_id = ? order by version desc limit 1""", this::row, projectId).stream().findFirst();
    }

    Optional<MappingVersion> version(Long projectId, int version) {
        return this.jdbc.query("""
                select version, document::text as document, saved_by, saved_at, summary from mapping_version
                where project_id = ? and version = ?""", this::row, projectId, version).stream().findFirst();
    }

    List<MappingVersion> history(Long projectId, int limit) {
        return this.jdbc.query("""
                select version, document::text as document, saved_by, saved_at, summary from mapping_version
                where project_id = ? order by version desc limit ?""", this::row, projectId, limit);
    }

    /**
     * @return false when the version was taken by a concurrent save
     */
    boolean insert(Long projectId, int version, MappingDocument document, String savedBy, String summary) {
        try {
            this.jdbc.update(
                    "insert into mapping_version (project_id, version, document, saved_by, summary) values (?, ?, ?::jsonb, ?, ?)",
                    projectId, version, this.json.writeValueAsString(document.withVersion(version)), savedBy,
                    (summary != null && summary.length() > 500) ? summary.substring(0, 500) : summary);
            return true;
        }
        catch (DuplicateKeyException ex) {
            return false;
        }
    }

    private MappingVersion row(ResultSet rs, int row) throws SQLException {
        MappingDocument document = this.json.readValue(rs.getString("document"), MappingDocument.class);
        int version = rs.getInt("version");
        return new MappingVersion(version, document.withVersion(version), rs.getString("saved_by"),
                rs.getTimestamp("saved_at").toInstant(), rs.getString("summary"));
    }

}
