package dev.switchyard.connector.csv;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvRecord;

import dev.switchyard.connector.ConnectorException;
import dev.switchyard.connector.ExtractWindow;
import dev.switchyard.connector.ExtractionProblem;
import dev.switchyard.connector.ExtractionSink;
import dev.switchyard.connector.FieldSchema;
import dev.switchyard.connector.ObjectSchema;
import dev.switchyard.connector.SchemaSnapshot;
import dev.switchyard.connector.SourceConnector;

/**
 * A folder of CSV files, one per object. {@link #describe()} reads only the header rows.
 * A file without an id column is still described, with a null id field and a problem
 * saying so, and cannot be extracted; an empty or undecodable header leaves the file out
 * of the snapshot, with a problem. Every record is returned whatever the window: the
 * extraction filters deltas itself.
 */
final class CsvSourceConnector implements SourceConnector {

    private final CsvFolder folder;

    private final CsvOptions options;

    private final Map<String, String> idFields;

    CsvSourceConnector(CsvFolder folder, CsvOptions options, Map<String, String> idFields) {
        this.folder = folder;
        this.options = options;
        this.idFields = idFields;
    }

    @Override
    public SchemaSnapshot describe() {
        List<ObjectSchema> objects = new ArrayList<>();
        List<ExtractionProblem> problems = new ArrayList<>(this.folder.problems());
        this.folder.files().forEach((object, file) -> {
            String name = file.getFileName().toString();
            try (CsvTable table = CsvTable.open(file, this.options)) {
                CsvRecord first = table.next();
                if (first == null) {
                    problems.add(new ExtractionProblem(object, name, null, name + " is empty: a header row is required",
                            null));
                    return;
                }
                CsvHeader header = CsvHeader.of(object, name, first.getFields(), this.idFields.get(object));
                problems.addAll(header.problems());
                objects.add(new ObjectSchema(object, header.idField(),
                        header.names().stream().map(FieldSchema::named).toList(), null, name));
            }
            catch (UndecodableInputException ex) {
                problems.add(new ExtractionProblem(object, name + ":" + ex.line(), null,
                        "The header cannot be read: " + ex.getMessage() + " (check the encoding)", null));
            }
            catch (IOException | CsvParseException ex) {
                problems
                    .add(new ExtractionProblem(object, name, null, name + " cannot be read: " + ex.getMessage(), null));
            }
        });
        return new SchemaSnapshot(objects, problems);
    }

    @Override
    public void extract(String object, ExtractWindow window, ExtractionSink sink) {
        Map.Entry<String, Path> found = this.folder.find(object)
            .orElseThrow(() -> new ConnectorException("There is no CSV file for object '" + object + "'"));
        String name = found.getKey();
        new CsvExtraction(name, found.getValue(), this.options, this.idFields.get(name)).run(sink);
    }

    @Override
    public void close() {
        // every file is closed after each use
    }

}
