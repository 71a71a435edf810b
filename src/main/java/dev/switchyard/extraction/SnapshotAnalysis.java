package dev.switchyard.extraction;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import dev.switchyard.connector.FieldSchema;
import dev.switchyard.connector.FieldType;
import dev.switchyard.connector.ObjectSchema;
import dev.switchyard.connector.SchemaSnapshot;
import dev.switchyard.dictionary.DictionaryField;
import dev.switchyard.dictionary.DictionaryObject;
import dev.switchyard.dictionary.DictionaryStore;
import dev.switchyard.dictionary.SchemaDictionary;
import dev.switchyard.profiling.DuplicateDetector;
import dev.switchyard.profiling.FieldProfile;
import dev.switchyard.profiling.Finding;
import dev.switchyard.profiling.FindingStore;
import dev.switchyard.profiling.Findings;
import dev.switchyard.profiling.ObjectProfile;
import dev.switchyard.profiling.ObjectProfiler;
import dev.switchyard.profiling.ProfilingProperties;
import dev.switchyard.profiling.ValueCount;
import dev.switchyard.staging.Snapshot;
import dev.switchyard.staging.SnapshotObject;
import dev.switchyard.staging.StagingStore;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Profiles every record as it is staged, and once the snapshot is staged builds its
 * dictionary (declared and inferred types, references, picklists, fill rates) and its
 * data-quality findings (formats, duplicates, orphans …).
 */
@Component
class SnapshotAnalysis {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final DictionaryStore dictionary;

    private final FindingStore findings;

    private final StagingStore store;

    private final SnapshotReferences references;

    private final Contradictions contradictions;

    private final KeyDuplicates keyDuplicates;

    private final JsonMapper json;

    private final ProfilingProperties profiling;

    private final Map<Long, Map<String, ObjectState>> running = new ConcurrentHashMap<>();

    SnapshotAnalysis(DictionaryStore dictionary, FindingStore findings, StagingStore store,
            SnapshotReferences references, Contradictions contradictions, KeyDuplicates keyDuplicates, JsonMapper json,
            ProfilingProperties profiling) {
        this.dictionary = dictionary;
        this.findings = findings;
        this.store = store;
        this.references = references;
        this.contradictions = contradictions;
        this.keyDuplicates = keyDuplicates;
        this.json = json;
        this.profiling = profiling;
    }

    ObjectSink.RecordListener listener(long snapshotId, ObjectSchema object, String categoryField) {
        ObjectState state = new ObjectState(
                new ObjectProfiler(object.name(), object.idField(), categoryField, this.profiling.twoDigitYearPivot()),
                DuplicateKeys.of(object));
        this.running.computeIfAbsent(snapshotId, (k) -> new ConcurrentHashMap<>()).put(object.name(), state);
        return state::accept;
    }

    void complete(Snapshot snapshot, SchemaSnapshot schema, List<ObjectSchema> extracted) {
        long snapshotId = snapshot.getId();
        Map<String, ObjectState> states = this.running.getOrDefault(snapshotId, Map.of());
        Map<String, Long> counts = this.store.objects(snapshotId)
            .stream()
            .collect(Collectors.toMap(SnapshotObject::name, SnapshotObject::records));
        Set<String> staged = extracted.stream().map(ObjectSchema::name).collect(Collectors.toSet());
        List<Finding> found = new ArrayList<>();
        List<DictionaryObject> objects = new ArrayList<>();
        Set<String> idPrefixes = new java.util.HashSet<>();
        Map<String, ObjectProfiler> profilers = new LinkedHashMap<>();
        Map<String, ObjectProfile> profiles = new LinkedHashMap<>();
        for (ObjectSchema object : schema.objects()) {
            ObjectState state = states.get(object.name());
            if (state == null) {
                continue;
            }
            ObjectProfile profile = state.profiler.result();
            profiles.put(object.name(), profile);
            if (staged.contains(object.name())) {
                profilers.put(object.name(), state.profiler);
            }
            FieldProfile id = (object.idField() != null) ? profile.fieldsByName().get(object.idField()) : null;
            if (id != null && id.idPrefix() != null) {
                idPrefixes.add(id.idPrefix());
            }
        }
        SnapshotReferences.Result references = this.references.resolve(snapshotId, snapshot.getProjectId(),
                schema.objects(), profilers, profiles, idPrefixes);
        found.addAll(references.findings());
        for (ObjectSchema object : schema.objects()) {
            ObjectState state = states.get(object.name());
            ObjectProfile profile = profiles.get(object.name());
            Map<String, Object> objectProfile = new LinkedHashMap<>(SchemaDictionary.declared(object.attributes()));
            List<DictionaryField> fields = fields(object, profile, references, objectProfile);
            if (profile != null) {
                found.addAll(Findings.of(profile, (state.duplicates != null) ? state.duplicates.groups() : List.of()));
            }
            objects.add(new DictionaryObject(null, object.name(), object.origin(), object.idField(),
                    counts.getOrDefault(object.name(), 0L), objectProfile, fields));
        }
        found.addAll(this.contradictions.find(snapshotId, objects));
        found.addAll(this.keyDuplicates.find(snapshotId, objects));
        this.dictionary.saveSource(snapshot.getProjectId(), snapshotId, objects);
        this.findings.replace(snapshotId, found);
    }

    /**
     * @param snapshotId a running snapshot
     * @return seconds spent profiling its records so far
     */
    double profilingSeconds(long snapshotId) {
        return this.running.getOrDefault(snapshotId, Map.of()).values().stream().mapToLong((state) -> state.nanos).sum()
                / 1e9;
    }

    void forget(long snapshotId) {
        this.running.remove(snapshotId);
    }

    private List<DictionaryField> fields(ObjectSchema object, ObjectProfile profile,
            SnapshotReferences.Result references, Map<String, Object> objectProfile) {
        List<DictionaryField> fields = new ArrayList<>();
        Map<String, FieldProfile> profiles = (profile != null) ? profile.fieldsByName() : Map.of();
        int position = 0;
        for (FieldSchema declared : object.fields()) {
            FieldProfile fp = profiles.get(declared.name());
            boolean isId = declared.name().equals(object.idField());
            SnapshotReferences.Resolved reference = isId ? null : references.of(object.name(), declared.name());
            fields.add(field(position++, declared, fp, isId, reference));
        }
        List<Map<String, Object>> stats = references.statistics().get(object.name());
        if (stats != null) {
            objectProfile.put("references", stats);
        }
        List<Map<String, Object>> absent = references.absent().get(object.name());
        if (absent != null) {
            objectProfile.put("absentReferences", absent);
        }
        if (profile != null) {
            objectProfile.put("records", profile.recordCount());
            if (profile.categoryField() != null) {
                objectProfile.put("categoryField", profile.categoryField());
                objectProfile.put("categories",
                        profile.categories()
                            .stream()
                            .map((c) -> Map.<String, Object>of("value", c.value(), "count", c.count()))
                            .toList());
            }
        }
        return fields;
    }

    private DictionaryField field(int position, FieldSchema declared, FieldProfile fp, boolean isId,
            SnapshotReferences.Resolved reference) {
        String referenceTo = (reference != null) ? reference.target() : null;
        boolean referenceInferred = reference != null && reference.inferred();
        String referenceKey = (reference != null) ? reference.keyField() : null;
        String referenceMatch = (referenceKey == null) ? null : reference.normalised() ? "NORMALISED" : "EXACT";
        FieldType declaredType = declared.type();
        FieldType inferredType = (fp != null) ? fp.inferredType() : null;
        FieldType type = (declaredType != null) ? declaredType : isId ? FieldType.ID
                : (referenceTo != null) ? FieldType.REFERENCE : (inferredType != null) ? inferredType : FieldType.TEXT;
        List<Map<String, Object>> picklist = picklist(declared, fp, type);
        return new DictionaryField(position, declared.name(), declared.nativeType(), declaredType, inferredType, type,
                declared.length(), (fp != null && fp.lengths() != null) ? fp.lengths().maxLength() : null,
                declared.required() || isId || (fp != null && fp.requiredInferred()), declared.required(),
                declared.unique() || isId || (fp != null && fp.uniqueInferred()), declared.generated(), referenceTo,
                referenceInferred, (fp != null) ? fp.fillRate() : null, (fp != null) ? fp.distinctCount() : null,
                fp != null && fp.distinctEstimated(), picklist, profile(declared, fp), referenceKey, referenceMatch,
                null);
    }

    private Map<String, Object> profile(FieldSchema declared, FieldProfile fp) {
        Map<String, Object> profile = (fp != null) ? this.json.convertValue(fp, MAP) : Map.of();
        if (declared.attributes().isEmpty()) {
            return profile;
        }
        Map<String, Object> withDeclared = new LinkedHashMap<>(profile);
        withDeclared.putAll(SchemaDictionary.declared(declared.attributes()));
        return withDeclared;
    }

    private static List<Map<String, Object>> picklist(FieldSchema declared, FieldProfile fp, FieldType type) {
        Map<String, Long> seen = new LinkedHashMap<>();
        if (fp != null) {
            for (ValueCount value : fp.topValues()) {
                seen.put(value.value(), value.count());
            }
        }
        List<Map<String, Object>> values = new ArrayList<>();
        if (!declared.picklistValues().isEmpty()) {
            for (String value : declared.picklistValues()) {
                values.add(Map.of("value", value, "count", seen.getOrDefault(value, 0L)));
            }
        }
        else if (type == FieldType.MULTI_PICKLIST && fp != null && !fp.multiValues().isEmpty()) {
            // a multi-select's options, each with the records holding it
            fp.multiValues().forEach((v) -> values.add(Map.of("value", v.value(), "count", v.count())));
        }
        else if (type == FieldType.PICKLIST || type == FieldType.MULTI_PICKLIST || type == FieldType.BOOLEAN) {
            seen.forEach((value, count) -> values.add(Map.of("value", value, "count", count)));
        }
        return values;
    }

    /**
     * What is collected for one object while it is staged.
     */
    private static final class ObjectState {

        final ObjectProfiler profiler;

        final DuplicateKeys keys;

        final DuplicateDetector duplicates;

        ObjectState(ObjectProfiler profiler, DuplicateKeys keys) {
            this.profiler = profiler;
            this.keys = keys;
            this.duplicates = (keys != null) ? new DuplicateDetector() : null;
        }

        long nanos;

        void accept(String id, Map<String, Object> values) {
            long start = System.nanoTime();
            this.profiler.accept(id, values);
            if (this.duplicates != null) {
                this.duplicates.add(id, this.keys.nameOf(values), this.keys.value(values, this.keys.email()),
                        this.keys.value(values, this.keys.phone()), this.keys.value(values, this.keys.website()));
            }
            this.nanos += System.nanoTime() - start;
        }

    }

}
