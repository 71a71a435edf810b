package dev.switchyard.staging;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads staged records back as values for transforms: by id, as a random sample, or all
 * of an object in id order, always leaving out records deleted in the source. Numbers
 * come back as {@code Long} or {@code BigDecimal} (never a binary double), text as
 * {@code String}, checkboxes as {@code Boolean}.
 */
@Component
public class StagedRecords {

    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;

    private final ObjectReader reader;

    /** Fetches rows in batches: inside a transaction PostgreSQL then streams a cursor. */
    private final JdbcTemplate cursor;

    private final org.springframework.transaction.support.TransactionTemplate transactions;

    StagedRecords(JdbcTemplate jdbc, JsonMapper json,
            org.springframework.transaction.PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.cursor = new JdbcTemplate(jdbc.getDataSource());
        this.cursor.setFetchSize(2_000);
        this.transactions = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.transactions.setReadOnly(true);
        this.reader = json.readerFor(MAP)
            .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, DeserializationFeature.USE_LONG_FOR_INTS);
    }

    /**
     * @param snapshotId the snapshot
     * @param object the object as staged
     * @param ids source ids
     * @return the records found, in the order of {@code ids} (ids not staged are left
     * out)
     */
    public List<Staged> byIds(long snapshotId, String object, Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, Staged> found = new LinkedHashMap<>();
        this.jdbc.query(
                "select source_id, payload::text from staged_record where snapshot_id = ? and object = ? and not deleted"
                        + " and source_id = any (?)",
                (rs) -> {
                    found.put(rs.getString(1), new Staged(rs.getString(1), parse(rs.getString(2))));
                }, snapshotId, object, ids.toArray(String[]::new));
        List<Staged> result = new ArrayList<>();
        for (String id : ids) {
            Staged staged = found.get(id);
            if (staged != null) {
                result.add(staged);
            }
        }
        return result;
    }

    /**
     * @param snapshotId the snapshot
     * @param object the object as staged
     * @param size how many
     * @return up to {@code size} records chosen at random
     */
    public List<Staged> sample(long snapshotId, String object, int size) {
        List<Staged> result = new ArrayList<>();
        this.jdbc.query(
                "select source_id, payload::text from staged_record where snapshot_id = ? and object = ? and not deleted"
                        + " order by random() limit ?",
                (rs) -> {
                    result.add(new Staged(rs.getString(1), parse(rs.getString(2))));
                }, snapshotId, object, size);
        return result;
    }

    /**
     * Streams an object's records in id order.
     * @param snapshotId the snapshot
     * @param object the object as staged
     * @param limit the most to read
     * @param consumer what to do with each
     */
    public void each(long snapshotId, String object, int limit, Consumer<Staged> consumer) {
        this.jdbc.query(
                "select source_id, payload::text from staged_record where snapshot_id = ? and object = ? and not deleted"
                        + " order by source_id limit ?",
                (rs) -> {
                    consumer.accept(new Staged(rs.getString(1), parse(rs.getString(2))));
                }, snapshotId, object, limit);
    }

    /**
     * @param snapshotId the snapshot
     * @param object the object as staged
     * @return how many of its records were not deleted in the source
     */
    public long count(long snapshotId, String object) {
        Long count = this.jdbc.queryForObject(
                "select count(*) from staged_record where snapshot_id = ? and object = ? and not deleted", Long.class,
                snapshotId, object);
        return (count != null) ? count : 0;
    }

    /**
     * @param snapshotId the snapshot
     * @param object the object as staged
     * @param field one of its fields
     * @param limit the most values to return
     * @return its distinct non-blank values (trimmed) with their counts, most frequent
     * first
     */
    public List<Map.Entry<String, Long>> distinctValues(long snapshotId, String object, String field, int limit) {
        List<Map.Entry<String, Long>> values = new ArrayList<>();
        this.jdbc.query("""
                select btrim(payload ->> ?) as value, count(*) from staged_record
                where snapshot_id = ? and object = ? and not deleted and btrim(coalesce(payload ->> ?, '')) <> ''
                group by 1 order by 2 desc, 1 limit ?""", (rs) -> {
            values.add(Map.entry(rs.getString(1), rs.getLong(2)));
        }, field, snapshotId, object, field, limit);
        return values;
    }

    /**
     * @param snapshotId the snapshot
     * @param object the object as staged
     * @param predicate a condition over the alias {@code s} (a staged record)
     * @param params its parameters
     * @param ids the records to test, or null for all
     * @return how many of the records match
     */
    public long countMatching(long snapshotId, String object, String predicate, List<Object> params,
            Collection<String> ids) {
        List<Object> all = new ArrayList<>(List.of(snapshotId, object));
        String restrict = "";
        if (ids != null) {
            restrict = " and s.source_id = any (?)";
            all.add(ids.toArray(String[]::new));
        }
        all.addAll(params);
        Long count = this.jdbc.queryForObject("select count(*) from staged_record s where s.snapshot_id = ? and "
                + "s.object = ? and not s.deleted" + restrict + " and (" + predicate + ")", Long.class, all.toArray());
        return (count != null) ? count : 0;
    }

    /**
     * @param snapshotId the snapshot
     * @param object the object as staged
     * @param predicate a condition over the alias {@code s} (a staged record)
     * @param params its parameters
     * @param ids the records to test
     * @return the ids among {@code ids} that match
     */
    public java.util.Set<String> matching(long snapshotId, String object, String predicate, List<Object> params,
            Collection<String> ids) {
        List<Object> all = new ArrayList<>(List.of(snapshotId, object, ids.toArray(String[]::new)));
        all.addAll(params);
        return new java.util.HashSet<>(this.jdbc.queryForList("select s.source_id from staged_record s where "
                + "s.snapshot_id = ? and s.object = ? and not s.deleted and s.source_id = any (?) and (" + predicate
                + ")", String.class, all.toArray()));
    }

    /**
     * Streams one field of an object's records (all of them, in no particular order),
     * through a cursor: memory stays flat whatever the object's size.
     * @param snapshotId the snapshot
     * @param object the object as staged
     * @param field the field
     * @param consumer receives each record's id and the field's value as text (null when
     * absent)
     */
    public void fieldValues(long snapshotId, String object, String field,
            java.util.function.BiConsumer<String, String> consumer) {
        this.transactions.executeWithoutResult((status) -> this.cursor.query(
                "select source_id, payload ->> ? from staged_record where snapshot_id = ? and object = ? and not deleted",
                (rs) -> {
                    consumer.accept(rs.getString(1), rs.getString(2));
                }, field, snapshotId, object));
    }

    /**
     * @param payload a staged payload
     * @return its values
     */
    public Map<String, Object> parse(String payload) {
        return this.reader.readValue(payload);
    }

    /**
     * A staged record.
     *
     * @param sourceId its id in the source
     * @param values its values by field
     */
    public record Staged(String sourceId, Map<String, Object> values) {
    }

}
