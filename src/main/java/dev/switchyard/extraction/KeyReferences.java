package dev.switchyard.extraction;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.switchyard.connector.FieldType;
import dev.switchyard.profiling.EditDistance;
import dev.switchyard.profiling.FieldProfile;
import dev.switchyard.profiling.KeyNormal;
import dev.switchyard.profiling.KeyValues;
import dev.switchyard.staging.StagedRecords;

import org.springframework.stereotype.Component;

/**
 * Infers references by business key: a field whose values are the values of a key-like
 * field (unique or nearly, a name or a code) of another object or its own, as exports
 * relate records by an account's name rather than its id. Candidate pairs come from the
 * profiles (the normal forms of both fields' distinct values overlap by at least
 * {@value #PREFILTER}); each candidate is then checked record by record, streaming both
 * fields: a reference when at least {@value #MATCH_RATE} of the values match a key,
 * exactly or in normal form, counted apart. Orphans get the nearest key by edit distance;
 * a self reference gets the depth of its hierarchy.
 */
@Component
class KeyReferences {

    /** Share of a field's values that must match keys for a reference. */
    static final double MATCH_RATE = 0.8;

    /** Share of distinct normal forms a key field's values must have. */
    static final double KEY_UNIQUENESS = 0.95;

    /** Share of a candidate's distinct normal forms that must be keys to check it. */
    static final double PREFILTER = 0.5;

    /** Distinct orphan values given a nearest key. */
    static final int NEAREST_LIMIT = 20;

    private static final int EXAMPLES = 5;

    private final StagedRecords staged;

    KeyReferences(StagedRecords staged) {
        this.staged = staged;
    }

    /**
     * @param snapshotId the snapshot
     * @param fields every field of every staged object with its profile
     * @param confirmed fields ({@code object.field}, lower case) an analyst confirmed as
     * a reference by key, with the target and key field: checked whatever their match
     * rate
     * @return the references found, by {@code object.field} (lower case)
     */
    Map<String, KeyReference> infer(long snapshotId, List<Field> fields, Map<String, String[]> confirmed) {
        List<Field> keys = fields.stream().filter(KeyReferences::keyLike).toList();
        Map<String, KeyReference> found = new LinkedHashMap<>();
        for (Field child : fields) {
            String name = key(child.object(), child.name());
            String[] decided = confirmed.get(name);
            if (decided != null && decided[1] != null) {
                Field key = fields.stream()
                    .filter((f) -> f.object().equalsIgnoreCase(decided[0]) && f.name().equalsIgnoreCase(decided[1]))
                    .findFirst()
                    .orElse(null);
                if (key != null) {
                    KeyReference reference = check(snapshotId, child, key);
                    if (reference != null) {
                        found.put(name, reference);
                    }
                }
                continue;
            }
            if (!candidate(child)) {
                continue;
            }
            KeyReference best = null;
            for (Field key : keys) {
                if (key.object().equals(child.object()) && key.name().equals(child.name())) {
                    continue;
                }
                boolean numeric = key.profile().inferredType() == FieldType.INTEGER
                        || child.profile().inferredType() == FieldType.INTEGER;
                if (numeric && !affine(child, key)) {
                    continue;
                }
                int overlap = child.keys().overlap(key.keys());
                if (overlap < 2 || overlap < PREFILTER * child.keys().size()) {
                    continue;
                }
                KeyReference reference = check(snapshotId, child, key);
                if (reference != null && reference.matchRate() >= MATCH_RATE
                        && (best == null || better(reference, best, child))) {
                    best = reference;
                }
            }
            if (best != null) {
                found.put(name, best);
            }
        }
        return found;
    }

    static String key(String object, String field) {
        return object.toLowerCase(Locale.ROOT) + "." + field.toLowerCase(Locale.ROOT);
    }

    private static boolean better(KeyReference a, KeyReference b, Field child) {
        if (Math.abs(a.matchRate() - b.matchRate()) > 1e-9) {
            return a.matchRate() > b.matchRate();
        }
        if (a.exact() != b.exact()) {
            return a.exact() > b.exact();
        }
        return nameOf(child.name()).contains(nameOf(a.target())) && !nameOf(child.name()).contains(nameOf(b.target()));
    }

    /**
     * A key: text (or a code) whose normal forms are (nearly) all distinct, not the
     * object's id (id references are inferred apart), not itself a reference.
     */
    private static boolean keyLike(Field field) {
        FieldProfile profile = field.profile();
        FieldType type = profile.inferredType();
        boolean text = type == FieldType.TEXT || type == FieldType.EMAIL || type == FieldType.INTEGER
                || type == FieldType.ID;
        return text && !field.isId() && !field.reference() && field.keys() != null && field.keys().available()
                && profile.nonBlankCount() >= 2 && field.keys().size() >= KEY_UNIQUENESS * profile.nonBlankCount();
    }

    private static boolean candidate(Field field) {
        FieldProfile profile = field.profile();
        FieldType type = profile.inferredType();
        boolean text = type == FieldType.TEXT || type == FieldType.PICKLIST || type == FieldType.EMAIL
                || type == FieldType.INTEGER;
        return text && !field.isId() && !field.reference() && !profile.idLike() && field.keys() != null
                && field.keys().available() && field.keys().size() >= 2 && profile.nonBlankCount() >= 3;
    }

    /** A code matches by chance: its reference must name the object or the key. */
    private static boolean affine(Field child, Field key) {
        String name = nameOf(child.name());
        return name.contains(nameOf(key.object())) || name.contains(nameOf(key.name()));
    }

    private static String nameOf(String name) {
        String normal = KeyNormal.of(name);
        return normal.endsWith("c") && name.endsWith("__c") ? normal.substring(0, normal.length() - 1) : normal;
    }

    /**
     * Checks a candidate record by record.
     * @return the reference with its counts, or null when most matches are the record
     * itself (a copied column, not a self reference)
     */
    private KeyReference check(long snapshotId, Field child, Field key) {
        Map<String, List<String>> exactIds = new HashMap<>();
        Map<String, List<String>> normalIds = new HashMap<>();
        Map<String, String> written = new HashMap<>();
        this.staged.fieldValues(snapshotId, key.object(), key.name(), (id, value) -> {
            String exact = KeyNormal.exact(value);
            if (!exact.isEmpty()) {
                exactIds.computeIfAbsent(exact, (k) -> new ArrayList<>(1)).add(id);
                String normal = KeyNormal.of(exact);
                normalIds.computeIfAbsent(normal, (k) -> new ArrayList<>(1)).add(id);
                written.putIfAbsent(normal, exact);
            }
        });
        boolean self = key.object().equals(child.object());
        long[] counts = new long[6];
        Map<String, Orphan> orphans = new LinkedHashMap<>();
        List<KeyReference.Orphan> variants = new ArrayList<>();
        Map<String, String> parentOf = self ? new HashMap<>() : null;
        List<String> records = self ? new ArrayList<>() : null;
        this.staged.fieldValues(snapshotId, child.object(), child.name(), (id, value) -> {
            if (self) {
                records.add(id);
            }
            String exact = KeyNormal.exact(value);
            if (exact.isEmpty()) {
                return;
            }
            counts[0]++;
            List<String> ids = exactIds.get(exact);
            String normal = KeyNormal.of(exact);
            if (ids != null) {
                counts[1]++;
            }
            else {
                ids = normalIds.get(normal);
                if (ids != null) {
                    counts[2]++;
                    if (variants.size() < EXAMPLES) {
                        variants.add(new KeyReference.Orphan(id, exact, 1, written.get(normal), 0));
                    }
                }
            }
            if (ids == null) {
                counts[4]++;
                orphans.computeIfAbsent(exact, (v) -> new Orphan(id, normal)).records++;
                return;
            }
            if (ids.size() > 1) {
                counts[3]++;
            }
            if (self && ids.size() == 1 && ids.get(0).equals(id)) {
                counts[5]++;
            }
            if (self) {
                ids.stream().filter((parent) -> !parent.equals(id)).findFirst().ifPresent((p) -> parentOf.put(id, p));
            }
        });
        long hits = counts[1] + counts[2];
        if (self && hits > 0 && counts[5] * 2 >= hits) {
            return null;
        }
        List<KeyReference.Orphan> examples = nearest(orphans, written);
        Integer depth = self ? depth(records, parentOf) : null;
        return new KeyReference(child.object(), child.name(), key.object(), key.name(), counts[2] > 0, counts[0],
                counts[1], counts[2], counts[3], counts[4], examples, variants, depth);
    }

    /**
     * The most frequent orphan values with their nearest key, by edit distance between
     * normal forms.
     */
    private static List<KeyReference.Orphan> nearest(Map<String, Orphan> orphans, Map<String, String> keys) {
        List<Map.Entry<String, Orphan>> sorted = new ArrayList<>(orphans.entrySet());
        sorted.sort(Comparator.comparingLong((Map.Entry<String, Orphan> e) -> e.getValue().records).reversed());
        List<KeyReference.Orphan> result = new ArrayList<>();
        for (Map.Entry<String, Orphan> entry : sorted.subList(0, Math.min(NEAREST_LIMIT, sorted.size()))) {
            Orphan orphan = entry.getValue();
            String nearest = null;
            int best = Integer.MAX_VALUE;
            for (Map.Entry<String, String> key : keys.entrySet()) {
                int limit = (best == Integer.MAX_VALUE) ? Integer.MAX_VALUE : best - 1;
                if (limit < 0) {
                    break;
                }
                int edits = EditDistance.of(orphan.normal, key.getKey(), limit);
                if (edits < best) {
                    best = edits;
                    nearest = key.getValue();
                }
            }
            result.add(new KeyReference.Orphan(orphan.recordId, entry.getKey(), orphan.records, nearest,
                    (nearest != null) ? best : 0));
        }
        return result;
    }

    /**
     * @return the levels of the deepest chain of parents (1 when no record has one),
     * following at most 100 levels (a cycle counts as deep as that)
     */
    private static int depth(List<String> records, Map<String, String> parentOf) {
        Map<String, Integer> depths = new HashMap<>();
        int deepest = records.isEmpty() ? 0 : 1;
        for (String record : records) {
            List<String> chain = new ArrayList<>();
            String current = record;
            Integer known = null;
            while (current != null && chain.size() < 100) {
                known = depths.get(current);
                if (known != null) {
                    break;
                }
                chain.add(current);
                current = parentOf.get(current);
            }
            int level = (known != null) ? known : 0;
            for (int i = chain.size() - 1; i >= 0; i--) {
                level++;
                depths.put(chain.get(i), level);
            }
            deepest = Math.max(deepest, level);
        }
        return deepest;
    }

    /**
     * A field of a staged object, as inference needs it.
     *
     * @param object the object
     * @param name the field
     * @param profile its profile
     * @param keys its distinct values in normal form, or null
     * @param isId whether it is the object's id field
     * @param reference whether it is a reference already (declared, or by id)
     */
    record Field(String object, String name, FieldProfile profile, KeyValues keys, boolean isId, boolean reference) {
    }

    private static final class Orphan {

        final String recordId;

        final String normal;

        long records;

        Orphan(String recordId, String normal) {
            this.recordId = recordId;
            this.normal = normal;
        }

    }

}
