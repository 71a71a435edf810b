package dev.switchyard.connector.salesforce;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;

/**
 * Reads and writes the CSV of Bulk API 2.0 (comma-separated, LF line endings, a header
 * row) with FastCSV.
 */
final class BulkCsv {

    private BulkCsv() {
    }

    /**
     * @param text a CSV page with its header row
     * @param before rows read before this page
     * @param rows receives each row by column
     * @return rows read so far
     */
    static long read(String text, long before, BulkQuery.RowConsumer rows) {
        long row = before;
        try (CsvReader<NamedCsvRecord> reader = CsvReader.builder().ofNamedCsvRecord(text)) {
            for (NamedCsvRecord record : reader) {
                rows.accept(record.getFieldsAsMap(), ++row);
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return row;
    }

    /**
     * @param header the columns
     * @param rows the rows, each as long as the header
     * @return the CSV text
     */
    static String write(List<String> header, List<List<String>> rows) {
        StringWriter text = new StringWriter();
        try (CsvWriter writer = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(text)) {
            writer.writeRecord(header);
            for (List<String> row : rows) {
                writer.writeRecord(row);
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return text.toString();
    }

}
