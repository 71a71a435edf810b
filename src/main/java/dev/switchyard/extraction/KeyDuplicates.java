package dev.switchyard.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.switchyard.connector.FieldType;
import dev.switchyard.dictionary.DictionaryField;
import dev.switchyard.dictionary.DictionaryObject;
import dev.switchyard.profiling.Example;
import dev.switchyard.profiling.Finding;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Finds the repeated values of a key: a field named as one (an external or legacy id, an
 * account number, a SKU) whose values are distinct but for a few, so that an upsert or a
 * reference by it would merge or mix up different records (two contacts with one
 * {@code External_Id__c}). In SQL over the snapshot's staged records, one query per such
 * field.
 */
@Component
class KeyDuplicates {

    /** A key's values are distinct but for at most this share (or two values). */
    static final double DISTINCT_SHARE = 0.98;

    private final JdbcTemplate jdbc;

    KeyDuplicates(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<Finding> find(long snapshotId, List<DictionaryObject> objects) {
        List<Finding> findings = new ArrayList<>();
        for (DictionaryObject object : objects) {
            for (DictionaryField field : object.fields()) {
                if (!candidate(object, field)) {
                    continue;
                }
                List<Example> examples = new ArrayList<>();
                long[] totals = new long[2];
                this.jdbc.query("""
                        select btrim(payload ->> ?) as value, count(*), count(*) over (), sum(count(*)) over ()
                        from staged_record where snapshot_id = ? and object = ? and not deleted
                            and btrim(coalesce(payload ->> ?, '')) <> ''
                        group by 1 having count(*) > 1 order by 2 desc, 1 limit 5""", (rs) -> {
                    examples.add(new Example(null, rs.getString(1) + " ×" + rs.getLong(2)));
                    totals[0] = rs.getLong(3);
                    totals[1] = rs.getLong(4);
                }, field.name(), snapshotId, object.name(), field.name());
                if (totals[0] > 0) {
                    findings.add(new Finding(Finding.Kind.DUPLICATE_KEY_VALUES, object.name(), field.name(), totals[1],
                            examples,
                            totals[1] + " records share " + totals[0] + " value" + ((totals[0] == 1) ? "" : "s")
                                    + " of " + field.name() + ", whose other values are all distinct: an upsert or a "
                                    + "reference by " + field.name() + " would merge or mix up different records"));
                }
            }
        }
        return findings;
    }

    private static boolean candidate(DictionaryObject object, DictionaryField field) {
        if (field.unique() || field.fillRate() == null || field.distinctCount() == null || object.recordCount() == null
                || field.name().equals(object.idField()) || field.type() == FieldType.BOOLEAN
                || field.type() == FieldType.PHONE) {
            return false;
        }
        double nonBlank = field.fillRate() * object.recordCount();
        double repeats = nonBlank - field.distinctCount();
        return nonBlank >= 20 && repeats > 0 && repeats <= Math.max(2, (1 - DISTINCT_SHARE) * nonBlank)
                && keyName(field.name());
    }

    private static boolean keyName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        boolean notKey = lower.contains("zip") || lower.contains("postal") || lower.contains("phone")
                || lower.contains("fax");
        return !notKey && (lower.contains("external") || lower.contains("legacy") || lower.endsWith("_id")
                || lower.endsWith("id__c") || lower.endsWith("number") || lower.endsWith("number__c")
                || lower.endsWith("key") || lower.contains("sku"));
    }

}
