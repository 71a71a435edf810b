package dev.switchyard.extraction;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.switchyard.connector.FieldSchema;
import dev.switchyard.connector.FieldType;
import dev.switchyard.connector.ObjectSchema;
import dev.switchyard.dictionary.ReferenceDecisions;
import dev.switchyard.profiling.Example;
import dev.switchyard.profiling.FieldProfile;
import dev.switchyard.profiling.Finding;
import dev.switchyard.profiling.ObjectProfile;
import dev.switchyard.profiling.ObjectProfiler;

import org.springframework.stereotype.Component;

/**
 * Every reference of a snapshot: declared by the source, inferred by id
 * ({@link ReferenceAnalysis}), inferred by business key ({@link KeyReferences}), or
 * pointing at an object the export left out; with their statistics for the dictionary
 * (fill and match rates, orphans with the nearest key, hierarchy depth) and their
 * findings. Analysts' confirmed references are kept whatever their match rate.
 */
@Component
class SnapshotReferences {

    private final ReferenceAnalysis ids;

    private final KeyReferences keys;

    private final ReferenceDecisions decisions;

    SnapshotReferences(ReferenceAnalysis ids, KeyReferences keys, ReferenceDecisions decisions) {
        this.ids = ids;
        this.keys = keys;
        this.decisions = decisions;
    }

    /**
     * @param snapshotId the snapshot
     * @param projectId its project
     * @param objects the source's objects
     * @param profilers each staged object's profiler, by name
     * @param results each profiled object's profile, by name
     * @param idPrefixes the Salesforce key prefixes of the staged objects' ids
     * @return the references, their statistics and findings
     */
    Result resolve(long snapshotId, Long projectId, List<ObjectSchema> objects, Map<String, ObjectProfiler> profilers,
            Map<String, ObjectProfile> results, Set<String> idPrefixes) {
        Map<String, String[]> confirmed = ReferenceDecisions.confirmed(this.decisions.all(projectId));
        List<String> staged = new ArrayList<>(profilers.keySet());
        Map<String, Resolved> resolved = new LinkedHashMap<>();
        List<KeyReferences.Field> candidates = new ArrayList<>();
        Map<String, Map<String, FieldProfile>> profiles = new LinkedHashMap<>();
        for (ObjectSchema object : objects) {
            ObjectProfiler profiler = profilers.get(object.name());
            ObjectProfile result = results.get(object.name());
            Map<String, FieldProfile> fields = (profiler != null && result != null) ? result.fieldsByName() : Map.of();
            profiles.put(object.name(), fields);
            for (FieldSchema declared : object.fields()) {
                FieldProfile fp = fields.get(declared.name());
                boolean isId = declared.name().equals(object.idField());
                String key = KeyReferences.key(object.name(), declared.name());
                String target = declared.referenceTo();
                boolean inferred = false;
                if (target == null && !isId && fp != null && profiler != null
                        && looksLikeIdReference(declared.name(), fp, idPrefixes)) {
                    target = this.ids
                        .inferTarget(snapshotId, object.name(), declared.name(), fp.nonBlankCount(), staged)
                        .orElse(null);
                    inferred = target != null;
                }
                String[] decided = confirmed.get(key);
                if (target == null && !isId && decided != null && decided[1] == null && staged.contains(decided[0])) {
                    target = decided[0];
                    inferred = true;
                }
                if (target != null) {
                    resolved.put(key, new Resolved(target, inferred, null, false));
                }
                if (fp != null && profiler != null) {
                    candidates.add(new KeyReferences.Field(object.name(), declared.name(), fp,
                            profiler.keyValues(declared.name()), isId, target != null));
                }
            }
        }
        Map<String, KeyReference> byKey = this.keys.infer(snapshotId, candidates, confirmed);
        byKey.forEach((key, reference) -> resolved.put(key,
                new Resolved(reference.target(), true, reference.keyField(), reference.normalised())));
        Result result = new Result(resolved, new LinkedHashMap<>(), new LinkedHashMap<>(), new ArrayList<>());
        for (ObjectSchema object : objects) {
            Map<String, FieldProfile> fields = profiles.get(object.name());
            for (FieldSchema declared : object.fields()) {
                FieldProfile fp = fields.get(declared.name());
                String key = KeyReferences.key(object.name(), declared.name());
                Resolved reference = resolved.get(key);
                if (fp == null || !profilers.containsKey(object.name())) {
                    continue;
                }
                if (reference == null) {
                    absent(object, declared.name(), fp, idPrefixes, staged, result);
                }
                else if (byKey.containsKey(key)) {
                    keyStatistics(byKey.get(key), fp, result);
                }
                else if (staged.contains(reference.target())) {
                    idStatistics(snapshotId, object.name(), declared.name(), reference.target(), fp, result);
                }
            }
        }
        return result;
    }

    private void idStatistics(long snapshotId, String object, String field, String target, FieldProfile fp,
            Result result) {
        ReferenceAnalysis.Orphans orphans = this.ids.orphans(snapshotId, object, field, target);
        Map<String, Object> stat = new LinkedHashMap<>();
        stat.put("field", field);
        stat.put("to", target);
        stat.put("fillRate", fp.fillRate());
        if (fp.nonBlankCount() > 0) {
            stat.put("matchRate", (double) (fp.nonBlankCount() - orphans.count()) / fp.nonBlankCount());
        }
        stat.put("orphans", orphans.count());
        if (target.equals(object)) {
            stat.put("hierarchyDepth", this.ids.hierarchyDepth(snapshotId, object, field));
        }
        result.statistics.computeIfAbsent(object, (k) -> new ArrayList<>()).add(stat);
        if (orphans.count() > 0) {
            result.findings.add(new Finding(Finding.Kind.ORPHAN_REFERENCES, object, field, orphans.count(),
                    orphans.examples(), orphans.count() + " value" + ((orphans.count() == 1) ? "" : "s") + " of "
                            + object + "." + field + " point to no " + target + " record"));
        }
    }

    private static void keyStatistics(KeyReference reference, FieldProfile fp, Result result) {
        String object = reference.object();
        String field = reference.field();
        String parent = reference.target() + "." + reference.keyField();
        Map<String, Object> stat = new LinkedHashMap<>();
        stat.put("field", field);
        stat.put("to", reference.target());
        stat.put("by", reference.keyField());
        stat.put("match", reference.normalised() ? "NORMALISED" : "EXACT");
        stat.put("fillRate", fp.fillRate());
        stat.put("matchRate", reference.matchRate());
        stat.put("exactMatches", reference.exact());
        stat.put("normalisedMatches", reference.normalisedMatches());
        stat.put("ambiguous", reference.ambiguous());
        stat.put("orphans", reference.orphans());
        stat.put("orphanExamples", reference.orphanExamples().stream().map((o) -> {
            Map<String, Object> example = new LinkedHashMap<>();
            example.put("recordId", o.recordId());
            example.put("value", o.value());
            example.put("records", o.records());
            example.put("nearest", o.nearest());
            example.put("edits", o.edits());
            return example;
        }).toList());
        if (reference.hierarchyDepth() != null) {
            stat.put("hierarchyDepth", reference.hierarchyDepth());
        }
        result.statistics.computeIfAbsent(object, (k) -> new ArrayList<>()).add(stat);
        if (reference.orphans() > 0) {
            List<Example> examples = reference.orphanExamples()
                .stream()
                .map((o) -> new Example(o.recordId(),
                        o.value() + ((o.nearest() != null) ? " (nearest " + parent + ": '" + o.nearest() + "', "
                                + o.edits() + " edit" + ((o.edits() == 1) ? "" : "s") + ")" : "")))
                .toList();
            result.findings
                .add(new Finding(Finding.Kind.ORPHAN_REFERENCES, object, field, reference.orphans(), examples,
                        reference.orphans() + ((reference.orphans() == 1) ? " value" : " values") + " of " + object
                                + "." + field + ((reference.orphans() == 1) ? " matches" : " match") + " no " + parent
                                + " (a reference by key, " + percent(reference.matchRate())
                                + " of the values match); each example names the nearest " + reference.keyField()));
        }
        if (reference.normalisedMatches() > 0) {
            result.findings
                .add(new Finding(Finding.Kind.KEY_SPELLING_VARIANTS, object, field, reference.normalisedMatches(),
                        reference.variantExamples()
                            .stream()
                            .map((o) -> new Example(o.recordId(), o.value() + " → " + o.nearest()))
                            .toList(),
                        reference.normalisedMatches() + ((reference.normalisedMatches() == 1) ? " value" : " values")
                                + " of " + object + "." + field
                                + ((reference.normalisedMatches() == 1) ? " matches " : " match ") + parent
                                + " only ignoring case, spaces or punctuation: resolve by the normalised key, "
                                + "or correct them"));
        }
    }

    /**
     * A field that points at an object the export does not hold: Salesforce ids whose key
     * prefix no staged object has (owners, creators, record types), or ids or values of a
     * field named like a reference that match no staged object.
     */
    private static void absent(ObjectSchema object, String field, FieldProfile fp, Set<String> idPrefixes,
            List<String> staged, Result result) {
        if (fp.nonBlankCount() == 0 || field.equals(object.idField())) {
            return;
        }
        String named = KeyPrefixes.objectNamed(field);
        String byPrefix = KeyPrefixes.objectOf(fp.idPrefix());
        String likely;
        String basis;
        if (fp.idPrefix() != null && !idPrefixes.contains(fp.idPrefix())) {
            likely = (byPrefix != null) ? byPrefix : (named != null) ? named : null;
            basis = "key prefix " + fp.idPrefix() + ((byPrefix == null && named != null) ? " and field name" : "");
        }
        else if (named != null && looksLikeReferenceName(field) && !fp.uniqueInferred()
                && (fp.idLike() || fp.inferredType() == FieldType.INTEGER)) {
            likely = named;
            basis = "field name";
        }
        else {
            return;
        }
        if (likely == null || staged.stream().anyMatch((s) -> s.equalsIgnoreCase(likely))) {
            return;
        }
        Map<String, Object> stat = new LinkedHashMap<>();
        stat.put("field", field);
        stat.put("object", likely);
        stat.put("basis", basis);
        stat.put("values", fp.nonBlankCount());
        stat.put("distinct", fp.distinctCount());
        result.absent.computeIfAbsent(object.name(), (k) -> new ArrayList<>()).add(stat);
        List<Example> examples = fp.topValues()
            .stream()
            .limit(Finding.EXAMPLE_LIMIT)
            .map((v) -> new Example(null, v.value() + " ×" + v.count()))
            .toList();
        result.findings
            .add(new Finding(Finding.Kind.REFERENCES_ABSENT_OBJECT, object.name(), field, fp.nonBlankCount(), examples,
                    fp.nonBlankCount() + " value" + ((fp.nonBlankCount() == 1) ? "" : "s") + " of " + object.name()
                            + "." + field + " (" + fp.distinctCount() + " distinct) point at " + likely
                            + " records (by " + basis + "), which the export does not include: add " + likely
                            + " to the export, or map a default in its place"));
    }

    private static boolean looksLikeReferenceName(String field) {
        String lower = field.toLowerCase(Locale.ROOT);
        boolean excluded = lower.contains("external") || lower.contains("legacy") || lower.startsWith("source")
                || lower.equals("id");
        return !excluded && (lower.endsWith("id") || lower.endsWith("_id") || lower.endsWith("id__c"));
    }

    /**
     * Whether a field is worth testing as an id reference: its values look like ids, or
     * its name ends in id. Values with a Salesforce key prefix that no object's ids share
     * (OwnerId → users, not extracted) are skipped without a query.
     */
    private static boolean looksLikeIdReference(String name, FieldProfile fp, Set<String> idPrefixes) {
        if (fp.nonBlankCount() == 0) {
            return false;
        }
        if (fp.idPrefix() != null && !idPrefixes.isEmpty() && !idPrefixes.contains(fp.idPrefix())) {
            return false;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        return fp.idLike() || lower.endsWith("id") || lower.endsWith("_id");
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    /**
     * How a field references.
     *
     * @param target the referenced object
     * @param inferred whether inferred from the values (else declared)
     * @param keyField for a reference by key: the target's key field, else null
     * @param normalised whether values match the key only in normal form
     */
    record Resolved(String target, boolean inferred, String keyField, boolean normalised) {
    }

    /**
     * The references of a snapshot.
     *
     * @param byField how each referring field references, by {@code object.field} (lower
     * case)
     * @param statistics per object, its references' statistics for the dictionary
     * @param absent per object, its fields pointing at objects the export left out
     * @param findings orphans, spelling variants and references to absent objects
     */
    record Result(Map<String, Resolved> byField, Map<String, List<Map<String, Object>>> statistics,
            Map<String, List<Map<String, Object>>> absent, List<Finding> findings) {

        Resolved of(String object, String field) {
            return this.byField.get(KeyReferences.key(object, field));
        }

    }

}
