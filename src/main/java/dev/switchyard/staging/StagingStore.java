package dev.switchyard.staging;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.switchyard.connector.ExtractionProblem;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * SQL for staging: a snapshot's partition of {@code staged_record} (created empty, loaded
 * by COPY, de-duplicated, indexed, then attached), its per-object statistics and its
 * problems.
 */
@Component
public class StagingStore {

    private final JdbcTemplate jdbc;

    StagingStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param snapshotId a snapshot
     * @return the name of its partition table
     */
    public static String partition(long snapshotId) {
        return "staged_record_s" + snapshotId;
    }

    public void createPartition(long snapshotId) {
        String table = partition(snapshotId);
        this.jdbc.execute("drop table if exists " + table);
        this.jdbc.execute("create table " + table
                + " (like staged_record including defaults including generated including constraints)");
        // lets ATTACH skip its validation scan
        this.jdbc.execute("alter table " + table + " add constraint " + table + "_snapshot check (snapshot_id = "
                + snapshotId + ")");
    }

    /**
     * Indexes the partition by object and id. Ids are unique per object: when the source
     * repeats one, the first record read is kept, the others are removed and reported
     * with every location, and the index is built again.
     * @param snapshotId the snapshot
     * @return a problem per duplicated id removed (none in the usual case)
     */
    public List<ExtractionProblem> indexPartition(long snapshotId) {
        String table = partition(snapshotId);
        String create = "create unique index " + table + "_id on " + table + " (object, source_id)";
        try {
            this.jdbc.execute(create);
            return List.of();
        }
        catch (org.springframework.dao.DataIntegrityViolationException ex) {
            List<ExtractionProblem> problems = removeDuplicateIds(table);
            this.jdbc.execute(create);
            return problems;
        }
    }

    private List<ExtractionProblem> removeDuplicateIds(String table) {
        List<ExtractionProblem> problems = this.jdbc.query("""
                with duplicated as (
                    select object, source_id from %s group by object, source_id having count(*) > 1
                    order by object, source_id limit 10000
                )
                select r.object, r.source_id, count(*) as copies,
                       (array_agg(r.location order by r.ctid))[1] as kept,
                       string_agg(r.location, ', ' order by r.ctid) as locations
                from %s r join duplicated d on d.object = r.object and d.source_id = r.source_id
                group by r.object, r.source_id order by r.object, r.source_id
                """.formatted(table, table),
                (rs, i) -> new ExtractionProblem(rs.getString("object"), rs.getString("locations"), null,
                        "Id '" + rs.getString("source_id") + "' appears " + rs.getLong("copies")
                                + " times: kept the record at " + rs.getString("kept") + ", skipped the others",
                        rs.getString("source_id")));
        this.jdbc.update("""
                delete from %s d using (
                    select ctid, row_number() over (partition by object, source_id order by ctid) as n from %s
                ) dup where d.ctid = dup.ctid and dup.n > 1
                """.formatted(table, table));
        return problems;
    }

    /**
     * Copies the previous snapshot's records that this one no longer has, marked deleted.
     * @param snapshotId the new snapshot
     * @param baseId the previous snapshot
     * @param object the object
     * @return how many were deleted in the source
     */
    public long carryDeleted(long snapshotId, long baseId, String object) {
        String table = partition(snapshotId);
        return this.jdbc.update("""
                insert into %s (snapshot_id, object, source_id, payload, modified_at, deleted, location)
                select ?, b.object, b.source_id, b.payload, b.modified_at, true, b.location
                from staged_record b
                where b.snapshot_id = ? and b.object = ? and not b.deleted
                  and not exists (select 1 from %s n where n.object = b.object and n.source_id = b.source_id)
                """.formatted(table, table), snapshotId, baseId, object);
    }

    /**
     * Copies the previous snapshot's records of an object that a windowed delta did not
     * read (they did not change), as current records.
     * @param snapshotId the new snapshot
     * @param baseId the previous snapshot
     * @param object the object
     * @return how many were carried over
     */
    public long carryUnread(long snapshotId, long baseId, String object) {
        String table = partition(snapshotId);
        return this.jdbc.update("""
                insert into %s (snapshot_id, object, source_id, payload, modified_at, deleted, location)
                select ?, b.object, b.source_id, b.payload, b.modified_at, false, b.location
                from staged_record b
                where b.snapshot_id = ? and b.object = ? and not b.deleted
                  and not exists (select 1 from %s n where n.object = b.object and n.source_id = b.source_id)
                """.formatted(table, table), snapshotId, baseId, object);
    }

    /**
     * Marks deleted the records of an object whose ids the source no longer lists.
     * @param snapshotId the snapshot
     * @param object the object
     * @param ids streams every id the source has now into the consumer it is given
     * @return how many were marked deleted
     */
    public long markDeletedExcept(long snapshotId, String object,
            java.util.function.Consumer<java.util.function.Consumer<String>> ids) {
        String table = partition(snapshotId);
        return this.jdbc.execute((java.sql.Connection connection) -> {
            try (java.sql.Statement statement = connection.createStatement()) {
                statement.execute("drop table if exists source_ids");
                statement.execute("create temporary table source_ids (id varchar(255))");
            }
            org.postgresql.copy.CopyIn copy = connection.unwrap(org.postgresql.PGConnection.class)
                .getCopyAPI()
                .copyIn("COPY source_ids (id) FROM STDIN");
            StringBuilder buffer = new StringBuilder();
            ids.accept((id) -> {
                StagingWriter.escape(buffer, id);
                buffer.append('\n');
                if (buffer.length() > 256 * 1024) {
                    byte[] bytes = buffer.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    try {
                        copy.writeToCopy(bytes, 0, bytes.length);
                    }
                    catch (java.sql.SQLException ex) {
                        throw new IllegalStateException("Could not list the ids of " + object, ex);
                    }
                    buffer.setLength(0);
                }
            });
            byte[] bytes = buffer.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            copy.endCopy();
            try (java.sql.Statement statement = connection.createStatement()) {
                statement.execute("analyze source_ids");
                java.sql.PreparedStatement update = connection
                    .prepareStatement("update " + table + " n set deleted = true where n.object = ? and not n.deleted"
                            + " and not exists (select 1 from source_ids s where s.id = n.source_id)");
                update.setString(1, object);
                long deleted = update.executeUpdate();
                statement.execute("drop table source_ids");
                return deleted;
            }
        });
    }

    /**
     * @param snapshotId a snapshot
     * @return the current (not deleted) records it holds over all objects
     */
    public long currentRecords(long snapshotId) {
        Long total = this.jdbc.queryForObject(
                "select coalesce(sum(records), 0) from snapshot_object where snapshot_id = ?", Long.class, snapshotId);
        return (total != null) ? total : 0;
    }

    /**
     * @param snapshotId a snapshot
     * @param object an object
     * @return the latest last-modified instant the snapshot saw for it
     */
    public java.time.Instant watermark(long snapshotId, String object) {
        List<java.sql.Timestamp> marks = this.jdbc.queryForList(
                "select watermark from snapshot_object where snapshot_id = ? and name = ?", java.sql.Timestamp.class,
                snapshotId, object);
        return (marks.isEmpty() || marks.get(0) == null) ? null : marks.get(0).toInstant();
    }

    /**
     * @param snapshotId the new snapshot
     * @param baseId the previous snapshot
     * @param object the object
     * @return counts {@code new_records}, {@code changed_records}, {@code unchanged} of
     * the records read now, compared by id and content hash
     */
    public Map<String, Object> compare(long snapshotId, long baseId, String object) {
        return this.jdbc.queryForMap(
                """
                        select count(*) filter (where b.source_id is null) as new_records,
                               count(*) filter (where b.source_id is not null and b.content_hash <> n.content_hash) as changed_records,
                               count(*) filter (where b.content_hash = n.content_hash) as unchanged
                        from %s n
                        left join staged_record b on b.snapshot_id = ? and b.object = n.object and b.source_id = n.source_id
                                                  and not b.deleted
                        where n.object = ? and not n.deleted
                        """
                    .formatted(partition(snapshotId)),
                baseId, object);
    }

    public void attachPartition(long snapshotId) {
        String table = partition(snapshotId);
        this.jdbc.execute("analyze " + table);
        this.jdbc
            .execute("alter table staged_record attach partition " + table + " for values in (" + snapshotId + ")");
    }

    public void dropPartition(long snapshotId) {
        this.jdbc.update("delete from staged_key_set where snapshot_id = ?", snapshotId);
        this.jdbc.execute("drop table if exists " + partition(snapshotId));
    }

    public void insertObject(long snapshotId, String name, String origin, String idField, String modifiedField,
            String status) {
        this.jdbc.update("""
                insert into snapshot_object (snapshot_id, name, origin, id_field, modified_field, status)
                values (?, ?, ?, ?, ?, ?)
                on conflict (snapshot_id, name) do nothing
                """, snapshotId, name, origin, idField, modifiedField, status);
    }

    public void finishObject(long snapshotId, String name, String status, long records, int problems, Instant watermark,
            double seconds) {
        this.jdbc.update("""
                update snapshot_object set status = ?, records = ?, problems = ?, watermark = ?, seconds = ?
                where snapshot_id = ? and name = ?
                """, status, records, problems, (watermark != null) ? Timestamp.from(watermark) : null, seconds,
                snapshotId, name);
    }

    public void recordDelta(long snapshotId, String name, long newRecords, long changed, long unchanged, long deleted) {
        this.jdbc.update("""
                update snapshot_object set new_records = ?, changed_records = ?, unchanged = ?, deleted = ?,
                       records = ?
                where snapshot_id = ? and name = ?
                """, newRecords, changed, unchanged, deleted, newRecords + changed + unchanged, snapshotId, name);
    }

    public void insertProblems(long snapshotId, List<ExtractionProblem> problems) {
        if (problems.isEmpty()) {
            return;
        }
        this.jdbc.batchUpdate("""
                insert into extraction_problem (snapshot_id, object, location, field, message, raw_value)
                values (?, ?, ?, ?, ?, ?)
                """, problems, 500, (ps, p) -> {
            ps.setLong(1, snapshotId);
            ps.setString(2, p.object());
            ps.setString(3, truncate(p.location(), 500));
            ps.setString(4, truncate(p.field(), 200));
            ps.setString(5, truncate(p.message(), 2000));
            ps.setString(6, truncate(p.rawValue(), 1000));
        });
    }

    public void progress(long snapshotId, int objectsTotal, int objectsDone, long records, int problems) {
        this.jdbc.update("""
                update snapshot set objects_total = ?, objects_done = ?, records = ?, problems = ?
                where id = ?
                """, objectsTotal, objectsDone, records, problems, snapshotId);
    }

    /**
     * Asks a queued or running extraction to stop.
     * @param snapshotId the snapshot
     * @return whether it was still queued or running
     */
    public boolean requestCancel(long snapshotId) {
        return this.jdbc.update(
                "update snapshot set cancel_requested = true where id = ? and status in ('QUEUED', 'RUNNING')",
                snapshotId) > 0;
    }

    public boolean cancelRequested(long snapshotId) {
        return Boolean.TRUE.equals(this.jdbc.queryForObject("select cancel_requested from snapshot where id = ?",
                Boolean.class, snapshotId));
    }

    public void status(long snapshotId, String status, Instant startedAt, Instant finishedAt, String message) {
        this.jdbc.update("""
                update snapshot set status = ?, started_at = coalesce(?, started_at), finished_at = ?,
                       message = ?, version = version + 1
                where id = ?
                """, status, (startedAt != null) ? Timestamp.from(startedAt) : null,
                (finishedAt != null) ? Timestamp.from(finishedAt) : null, truncate(message, 4000), snapshotId);
    }

    /**
     * @param snapshotId a snapshot
     * @return its objects with their statistics, in name order
     */
    public List<SnapshotObject> objects(long snapshotId) {
        return this.jdbc.query("""
                select name, origin, id_field, modified_field, status, records, new_records, changed_records,
                       unchanged, deleted, problems, watermark, seconds
                from snapshot_object where snapshot_id = ? order by lower(name)
                """,
                (rs, i) -> new SnapshotObject(rs.getString("name"), rs.getString("origin"), rs.getString("id_field"),
                        rs.getString("modified_field"), rs.getString("status"), rs.getLong("records"),
                        rs.getLong("new_records"), rs.getLong("changed_records"), rs.getLong("unchanged"),
                        rs.getLong("deleted"), rs.getInt("problems"),
                        (rs.getTimestamp("watermark") != null) ? rs.getTimestamp("watermark").toInstant() : null,
                        rs.getDouble("seconds")),
                snapshotId);
    }

    /**
     * @param snapshotId a snapshot
     * @param offset rows to skip
     * @param limit rows to return
     * @return its problems in the order found
     */
    public List<ExtractionProblem> problems(long snapshotId, int offset, int limit) {
        return this.jdbc.query("""
                select object, location, field, message, raw_value from extraction_problem
                where snapshot_id = ? order by id offset ? limit ?
                """, (rs, i) -> new ExtractionProblem(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5)), snapshotId, offset, limit);
    }

    public long problemCount(long snapshotId) {
        Long count = this.jdbc.queryForObject("select count(*) from extraction_problem where snapshot_id = ?",
                Long.class, snapshotId);
        return (count != null) ? count : 0;
    }

    private static String truncate(String text, int max) {
        return (text == null || text.length() <= max) ? text : text.substring(0, max - 1) + "…";
    }

}
