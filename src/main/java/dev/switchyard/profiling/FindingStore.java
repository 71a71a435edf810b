package dev.switchyard.profiling;

import java.util.List;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Stores and reads the data-quality findings of snapshots.
 */
@Component
public class FindingStore {

    private static final TypeReference<List<Example>> EXAMPLES = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;

    private final JsonMapper json;

    FindingStore(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Replaces a snapshot's findings.
     * @param snapshotId the snapshot
     * @param findings its findings
     */
    public void replace(long snapshotId, List<Finding> findings) {
        this.jdbc.update("delete from finding where snapshot_id = ?", snapshotId);
        this.jdbc.batchUpdate("""
                insert into finding (snapshot_id, kind, object, field, count, message, examples)
                values (?, ?, ?, ?, ?, ?, ?::jsonb)
                """, findings, 200, (ps, f) -> {
            ps.setLong(1, snapshotId);
            ps.setString(2, f.kind().name());
            ps.setString(3, f.object());
            ps.setString(4, f.field());
            ps.setLong(5, f.count());
            ps.setString(6, (f.message().length() > 2000) ? f.message().substring(0, 2000) : f.message());
            ps.setString(7, this.json.writeValueAsString(f.examples()));
        });
    }

    /**
     * Replaces a snapshot's findings of one kind, leaving the others (e.g. the mapping's
     * findings beside profiling's).
     * @param snapshotId the snapshot
     * @param kind the kind
     * @param findings the new findings of that kind
     */
    public void replaceKind(long snapshotId, Finding.Kind kind, List<Finding> findings) {
        this.jdbc.update("delete from finding where snapshot_id = ? and kind = ?", snapshotId, kind.name());
        this.jdbc.batchUpdate("""
                insert into finding (snapshot_id, kind, object, field, count, message, examples)
                values (?, ?, ?, ?, ?, ?, ?::jsonb)
                """, findings, 200, (ps, f) -> {
            ps.setLong(1, snapshotId);
            ps.setString(2, f.kind().name());
            ps.setString(3, f.object());
            ps.setString(4, f.field());
            ps.setLong(5, f.count());
            ps.setString(6, (f.message().length() > 2000) ? f.message().substring(0, 2000) : f.message());
            ps.setString(7, this.json.writeValueAsString(f.examples()));
        });
    }

    /**
     * @param snapshotId a snapshot
     * @return its findings with their ids, ordered by kind, object and field
     */
    public List<StoredFinding> list(long snapshotId) {
        return this.jdbc.query("""
                select id, kind, object, field, count, message, examples::text from finding
                where snapshot_id = ? order by kind, object, field, id
                """, (rs, i) -> new StoredFinding(rs.getLong(1), Finding.Kind.valueOf(rs.getString(2)), rs.getString(3),
                rs.getString(4), rs.getLong(5), rs.getString(6), this.json.readValue(rs.getString(7), EXAMPLES)),
                snapshotId);
    }

    /**
     * @param findingId a finding
     * @return the snapshot it belongs to, or null when it does not exist
     */
    public Long snapshotOf(long findingId) {
        List<Long> ids = this.jdbc.queryForList("select snapshot_id from finding where id = ?", Long.class, findingId);
        return ids.isEmpty() ? null : ids.get(0);
    }

    /**
     * A finding as stored.
     *
     * @param id its id
     * @param kind its kind
     * @param object the object
     * @param field the field, or null
     * @param count how many records or values it concerns
     * @param message what it means
     * @param examples up to five examples (record id and value)
     */
    public record StoredFinding(long id, Finding.Kind kind, String object, String field, long count, String message,
            List<Example> examples) {
    }

}
