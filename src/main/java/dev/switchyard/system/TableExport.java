package dev.switchyard.system;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import de.siegmar.fastcsv.writer.CsvWriter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes a table (a header row, then rows of values) as XLSX or CSV. Every XLSX value is
 * a typed or text cell, never a formula; every CSV cell that a spreadsheet would read as
 * a formula (starting with = + - @, tab or carriage return) is neutralised with a leading
 * apostrophe.
 */
public final class TableExport {

    /** Rows kept in memory while an XLSX sheet is streamed. */
    private static final int WINDOW = 200;

    private TableExport() {
    }

    /**
     * Streams the table as an XLSX workbook with one sheet.
     * @param sheetName the sheet's name
     * @param headers the column names
     * @param rows the rows; values may be strings, numbers, booleans, dates, instants or
     * null
     * @param out where to write
     * @throws IOException when writing fails
     */
    public static void xlsx(String sheetName, List<String> headers, Stream<List<?>> rows, OutputStream out)
            throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW)) {
            CreationHelper helper = workbook.getCreationHelper();
            CellStyle dateTime = workbook.createCellStyle();
            dateTime.setDataFormat(helper.createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss"));
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(helper.createDataFormat().getFormat("yyyy-mm-dd"));
            CellStyle header = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            header.setFont(bold);
            Sheet sheet = workbook.createSheet(sheetName);
            Row headerRow = sheet.createRow(0);
            for (int i = 0; i < headers.size(); i++) {
                Cell cell = headerRow.createCell(i);
                cell.setCellValue(headers.get(i));
                cell.setCellStyle(header);
            }
            int[] rowIndex = { 1 };
            rows.forEach((values) -> {
                Row row = sheet.createRow(rowIndex[0]++);
                for (int i = 0; i < values.size(); i++) {
                    writeCell(row.createCell(i), values.get(i), date, dateTime);
                }
            });
            sheet.createFreezePane(0, 1);
            workbook.write(out);
        }
    }

    private static void writeCell(Cell cell, Object value, CellStyle date, CellStyle dateTime) {
        if (value == null) {
            cell.setBlank();
        }
        else if (value instanceof Number number && !(value instanceof BigDecimal big && big.precision() > 15)) {
            cell.setCellValue(number.doubleValue());
        }
        else if (value instanceof Boolean bool) {
            cell.setCellValue(bool);
        }
        else if (value instanceof Instant instant) {
            cell.setCellValue(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
            cell.setCellStyle(dateTime);
        }
        else if (value instanceof LocalDateTime localDateTime) {
            cell.setCellValue(localDateTime);
            cell.setCellStyle(dateTime);
        }
        else if (value instanceof LocalDate localDate) {
            cell.setCellValue(localDate);
            cell.setCellStyle(date);
        }
        else {
            // setCellValue(String) always makes a string cell: "=1+1" stays text, never a
            // formula.
            String text = value.toString();
            cell.setCellValue((text.length() > 32_767) ? text.substring(0, 32_767) : text);
        }
    }

    /**
     * Streams the table as UTF-8 CSV (with a byte-order mark so that spreadsheets detect
     * the encoding), neutralising formula-like cells.
     * @param headers the column names
     * @param rows the rows
     * @param out where to write
     * @throws IOException when writing fails
     */
    public static void csv(List<String> headers, Stream<List<?>> rows, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        CsvWriter csv = CsvWriter.builder().build(writer);
        csv.writeRecord(neutraliseAll(headers));
        rows.forEach((values) -> csv.writeRecord(neutraliseAll(values)));
        csv.flush();
    }

    static List<String> neutraliseAll(List<?> values) {
        List<String> cells = new ArrayList<>(values.size());
        for (Object value : values) {
            cells.add(neutralise(value));
        }
        return cells;
    }

    /**
     * Makes a cell safe for spreadsheets: a value starting with = + - @, a tab or a
     * carriage return gets a leading apostrophe, so that it is shown as text and never
     * evaluated.
     * @param value the value
     * @return the cell text
     */
    public static String neutralise(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        String text = value.toString();
        if (!text.isEmpty()) {
            char first = text.charAt(0);
            if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
                return "'" + text;
            }
        }
        return text;
    }

}
