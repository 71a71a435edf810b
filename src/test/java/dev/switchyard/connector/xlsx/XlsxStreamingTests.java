package dev.switchyard.connector.xlsx;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import dev.switchyard.connector.ConnectionSettings;
import dev.switchyard.connector.ConnectorType;
import dev.switchyard.connector.ExtractWindow;
import dev.switchyard.connector.ExtractionProblem;
import dev.switchyard.connector.ExtractionSink;
import dev.switchyard.connector.SourceConnector;
import dev.switchyard.connector.SourceRecord;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class XlsxStreamingTests {

    private static final int ROWS = 60_000;

    @TempDir
    Path folder;

    @Test
    void streamsAWorkbookOfSixtyThousandRowsWithoutKeepingRecords() throws Exception {
        CellStyle[] date = new CellStyle[1];
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100);
                OutputStream out = Files.newOutputStream(this.folder.resolve("Big.xlsx"))) {
            date[0] = workbook.createCellStyle();
            date[0].setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            Sheet sheet = workbook.createSheet("Activity");
            Row header = sheet.createRow(0);
            String[] names = { "Id", "Subject", "Amount", "DueDate", "Notes" };
            for (int c = 0; c < names.length; c++) {
                header.createCell(c).setCellValue(names[c]);
            }
            for (int r = 1; r <= ROWS; r++) {
                Row row = sheet.createRow(r);
                row.createCell(0).setCellValue("ACT-" + r);
                row.createCell(1).setCellValue("Call number " + r + " about the renewal");
                row.createCell(2).setCellValue(r + 0.25);
                row.createCell(3).setCellValue(LocalDate.of(2024, 1, 1).plusDays(r % 365));
                row.getCell(3).setCellStyle(date[0]);
                row.createCell(4).setCellValue("Line one\nline two of record " + r);
            }
            workbook.write(out);
            workbook.close();
        }
        CountingSink sink = new CountingSink();
        try (SourceConnector connector = new XlsxConnectorProvider()
            .open(new ConnectionSettings(ConnectorType.XLSX, this.folder, Map.of(), null, Map.of()))) {
            connector.extract("Activity", ExtractWindow.full(), sink);
        }
        assertThat(sink.problems).isZero();
        assertThat(sink.count).isEqualTo(ROWS);
        assertThat(sink.last.id()).isEqualTo("ACT-" + ROWS);
        assertThat(sink.last.values()).containsEntry("Amount", new BigDecimal(ROWS + ".25"))
            .containsEntry("DueDate", LocalDate.of(2024, 1, 1).plusDays(ROWS % 365))
            .containsEntry("Notes", "Line one\nline two of record " + ROWS);
    }

    /**
     * Counts what it is given and keeps only the last record.
     */
    static class CountingSink implements ExtractionSink {

        int count;

        int problems;

        SourceRecord last;

        @Override
        public void accept(SourceRecord record) {
            this.count++;
            this.last = record;
        }

        @Override
        public void problem(ExtractionProblem problem) {
            this.problems++;
        }

    }

}
