package dev.switchyard.connector.csv;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvRecord;

import dev.switchyard.connector.ConnectorException;
import dev.switchyard.connector.ExtractionProblem;
import dev.switchyard.connector.ExtractionSink;
import dev.switchyard.connector.SourceRecord;

/**
 * Streams one file's rows into a sink. Ragged rows and rows without an id become
 * problems; undecodable bytes or broken quoting end the file with a problem naming the
 * line.
 *
 * @param object the object name
 * @param file the file
 * @param options the connection's options
 * @param idField the id field chosen for the object, or null for the default
 */
record CsvExtraction(String object, Path file, CsvOptions options, String idField) {

    private static final int CANCEL_CHECK_INTERVAL = 256;

    /**
     * @param sink where records and problems go
     * @throws ConnectorException when the file cannot be read at all: unreadable, empty,
     * undecodable header, no id column
     */
    void run(ExtractionSink sink) {
        String name = this.file.getFileName().toString();
        if (sink.cancelled()) {
            return;
        }
        boolean headerRead = false;
        try (CsvTable table = CsvTable.open(this.file, this.options)) {
            CsvRecord first = table.next();
            if (first == null) {
                throw new ConnectorException(name + " is empty: a header row is required");
            }
            headerRead = true;
            CsvHeader header = CsvHeader.of(this.object, name, first.getFields(), this.idField);
            if (header.idIndex() < 0) {
                throw new ConnectorException(
                        "Cannot extract " + this.object + ": " + header.problems().get(header.problems().size() - 1));
            }
            stream(table, header, name, sink);
        }
        catch (UndecodableInputException ex) {
            if (!headerRead) {
                throw new ConnectorException(name + ":" + ex.line() + ": " + ex.getMessage(), ex);
            }
            sink.problem(new ExtractionProblem(this.object, name + ":" + ex.line(), null,
                    ex.getMessage() + " (check the encoding); the rest of " + name + " was not read", null));
        }
        catch (CsvParseException ex) {
            if (!headerRead) {
                throw new ConnectorException(name + ": " + ex.getMessage(), ex);
            }
            String message = (ex.getCause() != null) ? ex.getMessage() + ": " + ex.getCause().getMessage()
                    : ex.getMessage();
            sink.problem(new ExtractionProblem(this.object, name, null,
                    message + "; the rest of " + name + " was not read", null));
        }
        catch (IOException ex) {
            throw new ConnectorException("Cannot read " + name + ": " + ex.getMessage(), ex);
        }
    }

    private void stream(CsvTable table, CsvHeader header, String name, ExtractionSink sink) throws IOException {
        String[] names = header.names().toArray(String[]::new);
        Map<String, Integer> index = new HashMap<>(names.length * 2);
        for (int i = 0; i < names.length; i++) {
            index.put(names[i], i);
        }
        int width = names.length;
        int idIndex = header.idIndex();
        String prefix = name + ":";
        long count = 0;
        CsvRecord row;
        while ((row = table.next()) != null) {
            if (++count % CANCEL_CHECK_INTERVAL == 0 && sink.cancelled()) {
                return;
            }
            String location = prefix + row.getStartingLineNumber();
            if (row.getFieldCount() != width) {
                sink.problem(new ExtractionProblem(this.object, location, null, "The row has " + row.getFieldCount()
                        + " fields where the header has " + width + "; it was left out", table.raw(row)));
            }
            else if (row.getField(idIndex).isBlank()) {
                sink.problem(new ExtractionProblem(this.object, location, names[idIndex],
                        "The record has no " + names[idIndex] + "; it was left out", table.raw(row)));
            }
            else {
                String[] values = new String[width];
                for (int i = 0; i < width; i++) {
                    values[i] = row.getField(i);
                }
                sink.accept(
                        new SourceRecord(this.object, values[idIndex], new RowValues(names, index, values), location));
            }
        }
    }

}
