package dev.switchyard.system;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TableExportTests {

    @Test
    void neutralisesCsvCellsThatASpreadsheetWouldEvaluate() {
        assertThat(TableExport.neutralise("=HYPERLINK(\"http://x\")")).isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(TableExport.neutralise("+1 415 555 0100")).isEqualTo("'+1 415 555 0100");
        assertThat(TableExport.neutralise("-2+3")).isEqualTo("'-2+3");
        assertThat(TableExport.neutralise("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(TableExport.neutralise("\tcmd")).isEqualTo("'\tcmd");
        assertThat(TableExport.neutralise("Acme = good")).isEqualTo("Acme = good");
        assertThat(TableExport.neutralise(-5)).isEqualTo("-5");
        assertThat(TableExport.neutralise(null)).isEmpty();
    }

    @Test
    void writesCsvWithBomQuotingAndNeutralisedCells() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TableExport.csv(List.of("name", "note"),
                Stream.of(List.of("Müller, Jörg", "=1+1"), List.of("line\nbreak", "ok")), out);
        String csv = out.toString(StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFname,note");
        assertThat(csv).contains("\"Müller, Jörg\",'=1+1").contains("\"line\nbreak\",ok");
    }

    @Test
    void writesXlsxValuesAsTypedOrTextCellsNeverFormulasAndPrefixesFormulaLikeText() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Instant when = Instant.parse("2024-03-01T10:15:30Z");
        TableExport.xlsx("Audit", List.of("text", "number", "when", "flag", "phone", "at", "dash", "plain"),
                Stream.of(List.of("=SUM(1,2)", 42, when, true, "+1 415", "@x", "-", "a=b")), out);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            Sheet sheet = workbook.getSheet("Audit");
            Row row = sheet.getRow(1);
            assertThat(row.getCell(0).getCellType()).isEqualTo(CellType.STRING);
            assertThat(row.getCell(0).getStringCellValue()).isEqualTo("'=SUM(1,2)");
            assertThat(row.getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(row.getCell(1).getNumericCellValue()).isEqualTo(42.0);
            assertThat(row.getCell(2).getLocalDateTimeCellValue()).hasToString("2024-03-01T10:15:30");
            assertThat(row.getCell(3).getBooleanCellValue()).isTrue();
            assertThat(List.of(4, 5, 6, 7)).extracting((i) -> row.getCell(i).getStringCellValue())
                .containsExactly("'+1 415", "'@x", "'-", "a=b");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("text");
        }
    }

    @Test
    void xlsxTextReadsBackExactlyWithControlCharactersAndLiteralEscapes() throws Exception {
        List<String> texts = List.of("_x0041_", "a_x005F_b", "bell\u0007 and nul\u0000", "tab\tline\nreturn\r",
                "\uD800 alone", "emoji \uD83D\uDE00", "_x12_", "_xZZZZ_", "plain");
        assertThat(TableExport.xlsxText("plain")).isSameAs("plain");
        assertThat(TableExport.xlsxText("_x0041_")).isEqualTo("_x005F_x0041_");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TableExport.xlsx("Texts", List.of("text"), texts.stream().map(List::of), out);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            Sheet sheet = workbook.getSheet("Texts");
            for (int i = 0; i < texts.size(); i++) {
                assertThat(sheet.getRow(i + 1).getCell(0).getStringCellValue()).isEqualTo(texts.get(i));
            }
        }
    }

}
