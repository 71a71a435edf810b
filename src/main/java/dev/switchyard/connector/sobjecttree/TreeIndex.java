package dev.switchyard.connector.sobjecttree;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.switchyard.connector.ConnectorException;
import dev.switchyard.connector.ExtractionProblem;

/**
 * What a first pass over all tree files learns, keeping only this and never the records:
 * each reference id's object and id, each object's fields, files and count, and the
 * records that cannot be extracted (no id, an id already used: the first keeps it).
 */
final class TreeIndex {

    /** The synthetic first field of every record: its {@code attributes.referenceId}. */
    static final String REFERENCE_ID = "referenceId";

    final Map<String, TreeObject> objects = new LinkedHashMap<>();

    final Map<String, References.Target> targets = new HashMap<>();

    final List<ExtractionProblem> fileProblems = new ArrayList<>();

    final Map<String, List<ExtractionProblem>> recordProblems = new HashMap<>();

    final Set<String> skipped = new HashSet<>();

    private final Map<String, Map<String, String>> firstById = new HashMap<>();

    /**
     * Reads every file once.
     * @param source the files
     * @param reader reads one file
     * @return the index
     */
    static TreeIndex build(TreeSource source, TreeFileReader reader) {
        TreeIndex index = new TreeIndex();
        index.fileProblems.addAll(source.problems());
        for (TreeFile file : source.files()) {
            try {
                reader.read(file, index::add);
            }
            catch (ConnectorException ex) {
                index.fileProblems.add(new ExtractionProblem(file.sobject(), file.name(), null, ex.getMessage(), null));
            }
        }
        index.objects.values().forEach((object) -> object.resolveReferences(index.targets));
        return index;
    }

    private void add(TreeRecord record) {
        if (record.type() == null || record.type().isBlank()) {
            this.fileProblems.add(new ExtractionProblem(null, record.location(), null,
                    "the record has no attributes.type; it is skipped", null));
            this.skipped.add(record.key());
            return;
        }
        TreeObject object = this.objects.computeIfAbsent(record.type(), TreeObject::new);
        object.add(record);
        if (record.referenceId() != null && this.targets.putIfAbsent(record.referenceId(),
                new References.Target(record.type(), record.id())) != null) {
            recordProblem(record, REFERENCE_ID, record.referenceId(),
                    "the reference id " + record.referenceId() + " was already used by another record");
        }
        if (record.id() == null || record.id().isBlank()) {
            recordProblem(record, record.idField(), null, "the record has no id; it is skipped");
            this.skipped.add(record.key());
            return;
        }
        String first = this.firstById.computeIfAbsent(record.type(), (type) -> new HashMap<>())
            .putIfAbsent(record.id(), record.location());
        if (first != null) {
            recordProblem(record, record.idField(), record.id(), "the id " + record.id() + " is also used by " + first
                    + " (kept); " + record.location() + " is skipped");
            this.skipped.add(record.key());
            return;
        }
        object.count++;
    }

    private void recordProblem(TreeRecord record, String field, String raw, String message) {
        this.recordProblems.computeIfAbsent(record.type(), (type) -> new ArrayList<>())
            .add(new ExtractionProblem(record.type(), record.location(), field, message, raw));
    }

    /**
     * One object as the files show it.
     */
    static final class TreeObject {

        final String name;

        final Set<String> fields = new LinkedHashSet<>(List.of(REFERENCE_ID));

        final Map<String, String> referenceTo = new LinkedHashMap<>();

        final Set<TreeFile> files = new LinkedHashSet<>();

        long count;

        private final Map<String, Set<String>> referenceIds = new LinkedHashMap<>();

        TreeObject(String name) {
            this.name = name;
        }

        void add(TreeRecord record) {
            this.files.add(record.file());
            record.fields().forEach((field, value) -> {
                this.fields.add(field);
                String target = References.target(value);
                if (target != null) {
                    this.referenceIds.computeIfAbsent(field, (f) -> new LinkedHashSet<>()).add(target);
                }
            });
            if (record.parentType() != null) {
                this.fields.add(record.parentField());
                this.referenceTo.putIfAbsent(record.parentField(), record.parentType());
            }
        }

        void resolveReferences(Map<String, References.Target> targets) {
            this.referenceIds.forEach((field, ids) -> ids.stream()
                .map(targets::get)
                .filter((t) -> t != null)
                .findFirst()
                .ifPresent((target) -> this.referenceTo.putIfAbsent(field, target.type())));
            this.referenceIds.clear();
        }

    }

}
