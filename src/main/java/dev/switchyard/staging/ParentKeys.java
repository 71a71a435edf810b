package dev.switchyard.staging;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.switchyard.profiling.KeyNormal;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finds staged records by a business key: which records of an object have a given value
 * in one of their fields, exactly (ignoring surrounding spaces) or in {@link KeyNormal
 * normal form} (ignoring case, spaces, punctuation and accents). The first lookup of a
 * (snapshot, object, field) indexes that field's keys once ({@code staged_key}, one
 * streaming read of the object); every lookup after is one indexed query for a whole set
 * of values, never one per record.
 */
@Component
public class ParentKeys {

    private static final int BATCH = 5_000;

    private final JdbcTemplate jdbc;

    private final StagedRecords staged;

    private final StagingStore store;

    private final TransactionTemplate transactions;

    /**
     * Key sets known to be built, by snapshot, object and field as asked: a built set
     * never changes, so a run's chunks ask the database once.
     */
    private final Map<String, Keyed> built = new java.util.concurrent.ConcurrentHashMap<>();

    ParentKeys(JdbcTemplate jdbc, StagedRecords staged, StagingStore store, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.staged = staged;
        this.store = store;
        this.transactions = new TransactionTemplate(transactions);
    }

    /**
     * @param snapshotId the snapshot
     * @param object the object holding the keys (any case)
     * @param field the key field (any case)
     * @param normalised whether to match in normal form rather than exactly
     * @param values the values to look up, as the referring records hold them
     * @return for each value found, the ids of the records holding it (several when the
     * key is not unique); values found nowhere are left out
     */
    public Map<String, List<String>> sourceIds(long snapshotId, String object, String field, boolean normalised,
            Collection<String> values) {
        Map<String, List<String>> found = new HashMap<>();
        if (values.isEmpty()) {
            return found;
        }
        Keyed keyed = ensure(snapshotId, object, field);
        if (keyed == null) {
            return found;
        }
        Map<String, List<String>> byKey = new HashMap<>();
        for (String value : values) {
            String key = normalised ? KeyNormal.of(value) : KeyNormal.exact(value);
            if (!key.isEmpty()) {
                byKey.computeIfAbsent(key, (k) -> new ArrayList<>()).add(value);
            }
        }
        if (byKey.isEmpty()) {
            return found;
        }
        String column = normalised ? "normal_key" : "exact_key";
        this.jdbc.query("select " + column + ", source_id from staged_key where snapshot_id = ? and object = ?"
                + " and field = ? and " + column + " = any (?) order by source_id", (rs) -> {
                    for (String value : byKey.getOrDefault(rs.getString(1), List.of())) {
                        found.computeIfAbsent(value, (v) -> new ArrayList<>()).add(rs.getString(2));
                    }
                }, snapshotId, keyed.object(), keyed.field(), byKey.keySet().toArray(String[]::new));
        return found;
    }

    /**
     * @param snapshotId the snapshot
     * @param object an object (any case)
     * @param field a field (any case)
     * @param sourceIds records of the object
     * @return the field's value (trimmed) of each of the records that has one
     */
    public Map<String, String> keysOf(long snapshotId, String object, String field, Collection<String> sourceIds) {
        Map<String, String> keys = new HashMap<>();
        if (sourceIds.isEmpty()) {
            return keys;
        }
        Keyed keyed = ensure(snapshotId, object, field);
        if (keyed == null) {
            return keys;
        }
        this.jdbc.query("select source_id, exact_key from staged_key where snapshot_id = ? and object = ?"
                + " and field = ? and source_id = any (?)", (rs) -> {
                    keys.put(rs.getString(1), rs.getString(2));
                }, snapshotId, keyed.object(), keyed.field(), sourceIds.toArray(String[]::new));
        return keys;
    }

    /**
     * Indexes the keys of a field of a snapshot's object, once.
     * @return the object and field as staged, or null when the snapshot has no such
     * object
     */
    private Keyed ensure(long snapshotId, String object, String field) {
        String asked = snapshotId + "/" + object + "/" + field;
        Keyed known = this.built.get(asked);
        if (known != null) {
            return known;
        }
        Keyed keyed = build(snapshotId, object, field);
        if (keyed != null) {
            if (this.built.size() > 10_000) {
                this.built.clear();
            }
            this.built.put(asked, keyed);
        }
        return keyed;
    }

    private Keyed build(long snapshotId, String object, String field) {
        String stagedObject = this.store.objects(snapshotId)
            .stream()
            .map(SnapshotObject::name)
            .filter((name) -> name.equalsIgnoreCase(object))
            .findFirst()
            .orElse(null);
        if (stagedObject == null) {
            return null;
        }
        String stagedField = fieldName(snapshotId, stagedObject, field);
        Keyed keyed = new Keyed(stagedObject, stagedField);
        if (built(snapshotId, keyed)) {
            return keyed;
        }
        this.transactions.executeWithoutResult((status) -> {
            // one builder per key set; the others wait and find it built
            this.jdbc.queryForList("select pg_advisory_xact_lock(hashtext(?))",
                    snapshotId + "/" + stagedObject + "/" + stagedField.toLowerCase(Locale.ROOT));
            if (built(snapshotId, keyed)) {
                return;
            }
            this.jdbc.update("insert into staged_key_set (snapshot_id, object, field, keys) values (?, ?, ?, 0)",
                    snapshotId, stagedObject, stagedField);
            List<String[]> batch = new ArrayList<>(BATCH);
            long[] count = new long[1];
            this.staged.fieldValues(snapshotId, stagedObject, stagedField, (id, value) -> {
                String exact = KeyNormal.exact(value);
                if (exact.isEmpty() || exact.length() > 255) {
                    return;
                }
                batch.add(new String[] { exact, KeyNormal.of(exact), id });
                count[0]++;
                if (batch.size() == BATCH) {
                    insert(snapshotId, keyed, batch);
                    batch.clear();
                }
            });
            insert(snapshotId, keyed, batch);
            this.jdbc.update("update staged_key_set set keys = ? where snapshot_id = ? and object = ? and field = ?",
                    count[0], snapshotId, stagedObject, stagedField);
        });
        this.jdbc.execute("analyze staged_key");
        return keyed;
    }

    private boolean built(long snapshotId, Keyed keyed) {
        Integer found = this.jdbc.queryForObject(
                "select count(*) from staged_key_set where snapshot_id = ? and object = ? and field = ?", Integer.class,
                snapshotId, keyed.object(), keyed.field());
        return found != null && found > 0;
    }

    private void insert(long snapshotId, Keyed keyed, List<String[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        String[] exact = new String[rows.size()];
        String[] normal = new String[rows.size()];
        String[] ids = new String[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            exact[i] = rows.get(i)[0];
            normal[i] = rows.get(i)[1];
            ids[i] = rows.get(i)[2];
        }
        this.jdbc.update("""
                insert into staged_key (snapshot_id, object, field, exact_key, normal_key, source_id)
                select ?, ?, ?, u.exact, u.normal, u.id from unnest(?::varchar[], ?::varchar[], ?::varchar[])
                    as u (exact, normal, id)""", snapshotId, keyed.object(), keyed.field(), exact, normal, ids);
    }

    /**
     * @return the field as the object's records spell it (the given name when a record
     * has it, else the first of any case)
     */
    private String fieldName(long snapshotId, String object, String field) {
        Set<String> names = new LinkedHashSet<>(this.jdbc.queryForList("""
                select distinct k from (select payload from staged_record where snapshot_id = ? and object = ?
                    and not deleted limit 100) s, jsonb_object_keys(s.payload) k""", String.class, snapshotId, object));
        if (names.contains(field)) {
            return field;
        }
        return names.stream().filter((name) -> name.equalsIgnoreCase(field)).findFirst().orElse(field);
    }

    private record Keyed(String object, String field) {
    }

}
