package dev.switchyard.connector.csv;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

/**
 * One CSV file opened for streaming: strictly decoded, delimiter declared or detected,
 * parsed by FastCSV. Rows of any length come through, so that the caller can quarantine
 * ragged ones.
 */
final class CsvTable implements Closeable {

    private final CsvReader<CsvRecord> reader;

    private final CloseableIterator<CsvRecord> rows;

    private final char delimiter;

    private CsvTable(CsvReader<CsvRecord> reader, char delimiter) {
        this.reader = reader;
        this.rows = reader.iterator();
        this.delimiter = delimiter;
    }

    /**
     * @param file the file
     * @param options the connection's options
     * @return the open table, positioned at the header
     * @throws IOException when the file cannot be opened
     */
    static CsvTable open(Path file, CsvOptions options) throws IOException {
        char delimiter;
        if (options.delimiter() != null) {
            delimiter = options.delimiter();
        }
        else {
            try (Reader sample = CsvEncoding.open(file, options.encoding())) {
                delimiter = DelimiterDetector.detect(sample);
            }
        }
        Reader text = CsvEncoding.open(file, options.encoding());
        CsvReader<CsvRecord> reader = CsvReader.builder()
            .fieldSeparator(delimiter)
            .quoteCharacter('"')
            .skipEmptyLines(true)
            .allowExtraFields(true)
            .allowMissingFields(true)
            .ofCsvRecord(text);
        return new CsvTable(reader, delimiter);
    }

    /**
     * @return the next row, or null at the end of the file
     * @throws UndecodableInputException at bytes the encoding cannot decode
     * @throws IOException when the file cannot be read
     * @throws de.siegmar.fastcsv.reader.CsvParseException when the CSV is broken beyond
     * one row (an unclosed quote, a huge field)
     */
    CsvRecord next() throws IOException {
        try {
            return this.rows.hasNext() ? this.rows.next() : null;
        }
        catch (UncheckedIOException ex) {
            throw ex.getCause();
        }
    }

    /**
     * @param record a row
     * @return the row as it would appear in the file (quoted where needed)
     */
    String raw(CsvRecord record) {
        StringBuilder raw = new StringBuilder();
        List<String> fields = record.getFields();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                raw.append(this.delimiter);
            }
            String field = fields.get(i);
            if (field.indexOf('"') >= 0 || field.indexOf(this.delimiter) >= 0 || field.indexOf('\n') >= 0
                    || field.indexOf('\r') >= 0) {
                raw.append('"').append(field.replace("\"", "\"\"")).append('"');
            }
            else {
                raw.append(field);
            }
        }
        return raw.toString();
    }

    @Override
    public void close() throws IOException {
        this.reader.close();
    }

}
