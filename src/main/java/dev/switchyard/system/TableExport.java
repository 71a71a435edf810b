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
 * a typed or text cell, never a formula; every text that a spreadsheet would read as a
 * formula (starting with = + - @, tab or carriage return; in XLSX once the cell is
 * edited) is neutralised with a leading apostrophe, in both formats.
 */
public final class TableExport {

    /** The most characters an XLSX cell holds. */
    public static final int MAX_CELL_LENGTH = 32_767;

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
            String text = xlsxText(neutralise(value));
            cell.setCellValue((text.length() > MAX_CELL_LENGTH) ? text.substring(0, MAX_CELL_LENGTH) : text);
        }
    }

    /**
     * Escapes text for an XLSX string cell so that it reads back exactly as given. XLSX
     * stores text as XML, which cannot hold most control characters, and spreadsheets
     * read {@code _xHHHH_} in a cell as the character with that hex code (ECMA-376
     * ST_Xstring). So a control character (or an unpaired surrogate, or U+FFFE/U+FFFF) is
     * written as its {@code _xHHHH_} escape, and the underscore of a literal
     * {@code _xHHHH_} as {@code _x005F_}; Excel and Apache POI decode both on reading.
     * @param text the text
     * @return the text to put in the cell (the same string when nothing needs escaping)
     */
    public static String xlsxText(String text) {
        StringBuilder escaped = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = null;
            if (c == '_' && escapeLike(text, i)) {
                replacement = "_x005F_";
            }
            else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                if (escaped != null) {
                    escaped.append(c).append(text.charAt(i + 1));
                }
                i++;
                continue;
            }
            else if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || Character.isSurrogate(c) || c == '\uFFFE'
                    || c == '\uFFFF') {
                replacement = String.format("_x%04X_", (int) c);
            }
            if (replacement != null && escaped == null) {
                escaped = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (escaped != null) {
                if (replacement != null) {
                    escaped.append(replacement);
                }
                else {
                    escaped.append(c);
                }
            }
        }
        return (escaped != null) ? escaped.toString() : text;
    }

    private static boolean escapeLike(String text, int at) {
        if (at + 7 > text.length() || text.charAt(at + 1) != 'x' || text.charAt(at + 6) != '_') {
            return false;
        }
        for (int i = at + 2; i < at + 6; i++) {
            if (Character.digit(text.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
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
