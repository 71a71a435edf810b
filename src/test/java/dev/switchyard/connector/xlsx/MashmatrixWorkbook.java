package dev.switchyard.connector.xlsx;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Builds test workbooks from the real mashmatrix Salesforce export: numbers become
 * numeric cells, {@code CloseDate} a date cell, everything else text.
 */
final class MashmatrixWorkbook {

    static final Path DATA = Path.of("src/test/resources/data/sf-export-mashmatrix");

    static final Set<String> NUMBERS = Set.of("Amount", "Probability", "ExpectedRevenue");

    private MashmatrixWorkbook() {
    }

    static List<NamedCsvRecord> csv(String object) throws IOException {
        try (CsvReader<NamedCsvRecord> reader = CsvReader.builder()
            .detectBomHeader(true)
            .ofNamedCsvRecord(DATA.resolve(object + ".csv"))) {
            return reader.stream().toList();
        }
    }

    /**
     * Writes the sheets of the named objects into one workbook.
     * @param file the workbook to write
     * @param objects {@code Account}, {@code Opportunity}, {@code Contact}
     * @return the file
     */
    static Path write(Path file, String... objects) throws IOException {
        try (Workbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            for (String object : objects) {
                fill(workbook.createSheet(object), csv(object), date);
            }
            workbook.write(out);
        }
        return file;
    }

    private static void fill(Sheet sheet, List<NamedCsvRecord> records, CellStyle date) {
        List<String> header = new ArrayList<>(records.get(0).getHeader());
        Row first = sheet.createRow(0);
        for (int i = 0; i < header.size(); i++) {
            first.createCell(i).setCellValue(header.get(i));
        }
        for (int r = 0; r < records.size(); r++) {
            Row row = sheet.createRow(r + 1);
            for (int i = 0; i < header.size(); i++) {
                String value = records.get(r).getField(i);
                if (!value.isEmpty()) {
                    cell(row.createCell(i), header.get(i), value, date);
                }
            }
        }
    }

    private static void cell(Cell cell, String name, String value, CellStyle date) {
        if (NUMBERS.contains(name)) {
            cell.setCellValue(new BigDecimal(value).doubleValue());
        }
        else if ("CloseDate".equals(name)) {
            cell.setCellValue(LocalDate.parse(value));
            cell.setCellStyle(date);
        }
        else {
            cell.setCellValue(value);
        }
    }

}
