package dev.switchyard.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.switchyard.connector.ObjectSchema;
import dev.switchyard.connector.SchemaSnapshot;
import dev.switchyard.dictionary.DictionaryObject;
import dev.switchyard.dictionary.DictionaryStore;
import dev.switchyard.dictionary.SchemaDictionary;
import dev.switchyard.staging.Snapshot;
import dev.switchyard.staging.SnapshotObject;
import dev.switchyard.staging.StagingStore;

import org.springframework.stereotype.Component;

/**
 * Builds what an extraction leaves behind besides the staged records: the source
 * dictionary of the snapshot.
 */
@Component
class SnapshotAnalysis {

    private final DictionaryStore dictionary;

    private final StagingStore store;

    SnapshotAnalysis(DictionaryStore dictionary, StagingStore store) {
        this.dictionary = dictionary;
        this.store = store;
    }

    ObjectSink.RecordListener listener(long snapshotId, ObjectSchema object) {
        return (id, values) -> {
        };
    }

    void complete(Snapshot snapshot, SchemaSnapshot schema, List<ObjectSchema> extracted) {
        Map<String, Long> counts = new java.util.HashMap<>();
        for (SnapshotObject object : this.store.objects(snapshot.getId())) {
            counts.put(object.name(), object.records());
        }
        List<DictionaryObject> objects = new ArrayList<>();
        for (ObjectSchema object : schema.objects()) {
            DictionaryObject declared = SchemaDictionary.of(object);
            objects.add(new DictionaryObject(null, declared.name(), declared.origin(), declared.idField(),
                    counts.getOrDefault(object.name(), 0L), declared.profile(), declared.fields()));
        }
        this.dictionary.saveSource(snapshot.getProjectId(), snapshot.getId(), objects);
    }

    void forget(long snapshotId) {
    }

}
