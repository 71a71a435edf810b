package dev.switchyard.connector.xlsx;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import dev.switchyard.connector.ExtractionProblem;
import dev.switchyard.connector.ExtractionSink;
import dev.switchyard.connector.SourceRecord;
import org.apache.poi.ss.util.CellReference;

/**
 * Turns the streamed rows of one sheet into records: the first row names the fields, each
 * later row is a record. Rows without an id, with cells beyond the header or with an id
 * already seen are reported and skipped; unreadable cells are reported and left empty.
 */
final class SheetExtraction implements Consumer<SheetRow> {

    private final SheetSource source;

    private final String configuredId;

    private final ExtractionSink sink;

    private final Map<String, Integer> seenIds = new HashMap<>();

    private SheetHeader header;

    SheetExtraction(SheetSource source, String configuredId, ExtractionSink sink) {
        this.source = source;
        this.configuredId = configuredId;
        this.sink = sink;
    }

    /**
     * Reads the whole sheet into the sink.
     */
    void run() {
        this.source.workbook().read(this.source.sheet(), this);
        if (this.header == null) {
            problem(this.source.location(), null, "the sheet is empty: it has no header row", null);
        }
    }

    @Override
    public void accept(SheetRow row) {
        if (this.sink.cancelled()) {
            throw new StopReading();
        }
        if (this.header == null) {
            this.header = SheetHeader.of(row, this.configuredId);
            this.header.problems()
                .forEach((message) -> problem(this.source.location(row.number()), null, message, null));
            if (this.header.idField() == null) {
                problem(this.source.location(), null, "no id column: expected "
                        + ((this.configuredId != null) ? "'" + this.configuredId + "'" : "'Id'") + " in the first row",
                        String.join(", ", this.header.names().values()));
                throw new StopReading();
            }
            return;
        }
        record(row);
    }

    private void record(SheetRow row) {
        String location = this.source.location(row.number());
        row.unreadable().forEach((message) -> problem(location, null, message, null));
        List<Integer> outside = row.cells()
            .keySet()
            .stream()
            .filter((column) -> !this.header.names().containsKey(column))
            .toList();
        if (!outside.isEmpty()) {
            List<String> cells = outside.stream()
                .map((column) -> CellReference.convertNumToColString(column) + row.number())
                .toList();
            String raw = outside.stream()
                .map((column) -> SheetHeader.text(row.cells().get(column)))
                .collect(Collectors.joining(", "));
            problem(location, null, "ragged row: cells " + cells + " have no header; the row is skipped", raw);
            return;
        }
        Map<String, Object> values = new LinkedHashMap<>();
        this.header.names().forEach((column, name) -> values.put(name, row.cells().get(column)));
        Object idValue = values.get(this.header.idField());
        String id = (idValue != null) ? SheetHeader.text(idValue).trim() : "";
        if (id.isEmpty()) {
            problem(location, this.header.idField(), "the row has no id; it is skipped", null);
            return;
        }
        Integer first = this.seenIds.putIfAbsent(id, row.number());
        if (first != null) {
            problem(location, this.header.idField(), "id '" + id + "' was already used in "
                    + this.source.location(first) + "; only the first row is kept", id);
            return;
        }
        this.sink.accept(new SourceRecord(this.source.sheet(), id, values, location));
    }

    private void problem(String location, String field, String message, String raw) {
        this.sink.problem(new ExtractionProblem(this.source.sheet(), location, field, message, raw));
    }

}
