package dev.switchyard.connector.sobjecttree;

import java.util.ArrayList;
import java.util.List;

import dev.switchyard.connector.ConnectionSettings;
import dev.switchyard.connector.ConnectorException;
import dev.switchyard.connector.ExtractWindow;
import dev.switchyard.connector.ExtractionProblem;
import dev.switchyard.connector.ExtractionSink;
import dev.switchyard.connector.FieldSchema;
import dev.switchyard.connector.ObjectSchema;
import dev.switchyard.connector.SchemaSnapshot;
import dev.switchyard.connector.SourceConnector;

/**
 * A folder of Salesforce sObject-tree files. Opening it reads every file once to index
 * reference ids and ids; extracting an object reads again only the files that hold it,
 * one at a time.
 */
final class SObjectTreeConnector implements SourceConnector {

    private final ConnectionSettings settings;

    private final TreeSource source;

    private final TreeFileReader reader;

    private final TreeIndex index;

    SObjectTreeConnector(ConnectionSettings settings, TreeSource source) {
        this.settings = settings;
        this.source = source;
        this.reader = new TreeFileReader(settings.idFields());
        this.index = TreeIndex.build(source, this.reader);
    }

    @Override
    public SchemaSnapshot describe() {
        List<ObjectSchema> objects = new ArrayList<>();
        for (TreeIndex.TreeObject object : this.index.objects.values()) {
            List<FieldSchema> fields = object.fields.stream()
                .map((name) -> new FieldSchema(name, null, null, null, false, false, false,
                        object.referenceTo.get(name), List.of()))
                .toList();
            objects.add(new ObjectSchema(object.name, idField(object.name), fields, object.count, origin(object)));
        }
        return new SchemaSnapshot(objects, this.index.fileProblems);
    }

    private String origin(TreeIndex.TreeObject object) {
        String files = String.join(", ", object.files.stream().map(TreeFile::name).toList());
        List<String> plans = object.files.stream().map(TreeFile::plan).filter((p) -> p != null).distinct().toList();
        return plans.isEmpty() ? files
                : files + " (data plan" + ((plans.size() > 1) ? "s " : " ") + String.join(", ", plans) + ")";
    }

    private String idField(String object) {
        return this.settings.idFields().getOrDefault(object, TreeIndex.REFERENCE_ID);
    }

    @Override
    public void extract(String object, ExtractWindow window, ExtractionSink sink) {
        TreeIndex.TreeObject found = this.index.objects.values()
            .stream()
            .filter((candidate) -> candidate.name.equalsIgnoreCase(object))
            .findFirst()
            .orElseThrow(() -> new ConnectorException("No object '" + object + "' in the tree files of "
                    + this.settings.files() + (this.source.plans().isEmpty() ? ""
                            : " (data plans " + String.join(", ", this.source.plans()) + ")")));
        this.index.fileProblems.stream()
            .filter((problem) -> found.name.equals(problem.object()))
            .forEach(sink::problem);
        this.index.recordProblems.getOrDefault(found.name, List.of()).forEach(sink::problem);
        TreeValues values = new TreeValues(this.index.targets);
        for (TreeFile file : found.files) {
            if (sink.cancelled()) {
                return;
            }
            try {
                this.reader.read(file, (record) -> {
                    if (found.name.equals(record.type()) && !this.index.skipped.contains(record.key())
                            && !sink.cancelled()) {
                        sink.accept(values.toRecord(record, sink));
                    }
                });
            }
            catch (ConnectorException ex) {
                sink.problem(new ExtractionProblem(found.name, file.name(), null, ex.getMessage(), null));
            }
        }
    }

    @Override
    public void close() {
        // files are opened and closed per read
    }

}
