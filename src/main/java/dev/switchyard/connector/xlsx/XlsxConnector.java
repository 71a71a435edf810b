package dev.switchyard.connector.xlsx;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
 * A folder of {@code .xlsx} workbooks: every sheet is an object named after the sheet.
 * When two workbooks have a sheet of the same name, the first workbook (by file name)
 * wins and the other sheet is reported.
 */
final class XlsxConnector implements SourceConnector {

    private final ConnectionSettings settings;

    private final Map<String, SheetSource> sheets = new LinkedHashMap<>();

    private final List<ExtractionProblem> problems = new ArrayList<>();

    XlsxConnector(ConnectionSettings settings, List<XlsxWorkbook> workbooks) {
        this.settings = settings;
        for (XlsxWorkbook workbook : workbooks) {
            try {
                workbook.sheetNames().forEach((sheet) -> add(new SheetSource(workbook, sheet)));
            }
            catch (ConnectorException ex) {
                this.problems.add(new ExtractionProblem(null, workbook.name(), null, ex.getMessage(), null));
            }
        }
    }

    private void add(SheetSource source) {
        SheetSource earlier = this.sheets.putIfAbsent(key(source.sheet()), source);
        if (earlier != null) {
            this.problems
                .add(new ExtractionProblem(source.sheet(), source.location(), null, "the sheet name is also used by "
                        + earlier.location() + "; only that sheet is read as object '" + earlier.sheet() + "'", null));
        }
    }

    @Override
    public SchemaSnapshot describe() {
        List<ObjectSchema> objects = new ArrayList<>();
        List<ExtractionProblem> found = new ArrayList<>(this.problems);
        for (SheetSource source : this.sheets.values()) {
            try {
                SheetHeader header = readHeader(source);
                List<FieldSchema> fields = header.names().values().stream().map(FieldSchema::named).toList();
                objects.add(new ObjectSchema(source.sheet(), header.idField(), fields, null, source.location()));
                header.problems()
                    .forEach((message) -> found
                        .add(new ExtractionProblem(source.sheet(), source.location(1), null, message, null)));
                if (header.idField() == null) {
                    found.add(new ExtractionProblem(source.sheet(), source.location(), null,
                            "no id column: the sheet cannot be extracted", String.join(", ", header.names().values())));
                }
            }
            catch (ConnectorException ex) {
                found.add(new ExtractionProblem(source.sheet(), source.location(), null, ex.getMessage(), null));
            }
        }
        return new SchemaSnapshot(objects, found);
    }

    private SheetHeader readHeader(SheetSource source) {
        SheetHeader[] header = new SheetHeader[1];
        source.workbook().read(source.sheet(), (row) -> {
            header[0] = SheetHeader.of(row, idField(source.sheet()));
            throw new StopReading();
        });
        return (header[0] != null) ? header[0] : new SheetHeader(Map.of(), null, List.of("the sheet is empty"));
    }

    @Override
    public void extract(String object, ExtractWindow window, ExtractionSink sink) {
        SheetSource source = this.sheets.get(key(object));
        if (source == null) {
            throw new ConnectorException("No sheet named '" + object + "' in " + this.settings.files());
        }
        this.problems.stream().filter((problem) -> source.sheet().equals(problem.object())).forEach(sink::problem);
        new SheetExtraction(source, idField(source.sheet()), sink).run();
    }

    private String idField(String sheet) {
        return this.settings.idFields().get(sheet);
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    @Override
    public void close() {
        // every read opens and closes its own workbook
    }

}
