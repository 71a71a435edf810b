package dev.switchyard.validation;

import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import dev.switchyard.support.Fixtures;
import dev.switchyard.support.IntegrationTest;
import dev.switchyard.support.Mashmatrix;
import dev.switchyard.support.Validations;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The validation report as XLSX: a validation of the mashmatrix run after one company
 * name was overwritten with formula-like text is downloaded and read back with POI; a
 * validation still running has no report yet.
 */
@IntegrationTest
class ValidationReportIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    EmbeddedPostgres postgres;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aValidationDownloadsAsAWorkbookWithItsCountsFieldsAndMismatches() throws Exception {
        Mashmatrix setup = Mashmatrix.mapped(this.mvc, this.fixtures, this.postgres, "reporter",
                ValidationIntegrationTests.SCHEMA);
        long run = setup.start(this.mvc, """
                {"environment": "sandbox"}""");
        setup.await(this.mvc, run, "COMPLETED");
        String clean = Validations.validate(this.mvc, setup.auth(), run, null);
        assertThat((String) JsonPath.read(clean, "$.verdict")).isEqualTo("PASS");

        String company;
        String original;
        try (Connection target = DriverManager.getConnection(setup.url(), "postgres", "");
                Statement sql = target.createStatement()) {
            company = ValidationIntegrationTests.text(sql, "select source_id from companies order by id limit 1");
            original = ValidationIntegrationTests.text(sql,
                    "select name from companies where source_id = '" + company + "'");
            sql.executeUpdate(
                    "update companies set name = '=HYPERLINK(\"http://x\")' where source_id = '" + company + "'");
        }
        String corrupt = Validations.validate(this.mvc, setup.auth(), run, null);
        assertThat((String) JsonPath.read(corrupt, "$.verdict")).isEqualTo("FAIL");
        long id = ((Number) JsonPath.read(corrupt, "$.id")).longValue();

        MockHttpServletResponse response = this.mvc
            .perform(get("/api/v1/validations/" + id + "/export.xlsx").with(setup.auth()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse();
        assertThat(response.getContentType()).startsWith("application/vnd.openxmlformats");
        assertThat(response.getHeader("Content-Disposition"))
            .isEqualTo("attachment; filename=\"validation-" + id + ".xlsx\"");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.getContentAsByteArray()))) {
            List<String> sheets = new ArrayList<>();
            workbook.forEach((sheet) -> sheets.add(sheet.getSheetName()));
            assertThat(sheets).containsExactly("Summary", "Objects", "Fields", "Content checks", "Mismatch samples",
                    "Changed by design");

            Sheet summary = workbook.getSheet("Summary");
            assertThat(item(summary, "Run").getNumericCellValue()).isEqualTo(run);
            assertThat(item(summary, "Environment").getStringCellValue()).isEqualTo("sandbox");
            assertThat(item(summary, "Mode").getStringCellValue()).isEqualTo("FULL");
            assertThat(item(summary, "Status").getStringCellValue()).isEqualTo("COMPLETED");
            assertThat(item(summary, "Verdict").getStringCellValue()).isEqualTo("Fail");
            assertThat(item(summary, "Reconciliation").getStringCellValue()).isEqualTo("Pass");
            assertThat(item(summary, "Fields").getStringCellValue()).isEqualTo("Fail");
            assertThat(item(summary, "Relationships").getStringCellValue()).isEqualTo("Pass");
            assertThat(item(summary, "Decision").getStringCellValue()).isEqualTo("Not decided");
            assertThat(summary.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);

            Sheet objects = workbook.getSheet("Objects");
            assertThat(texts(objects.getRow(0))).startsWith("Source object", "Target object", "Extracted", "In scope");
            assertThat(objects.getLastRowNum()).isEqualTo(3);
            assertObject(objects.getRow(1), "Account", "companies", 83);
            assertObject(objects.getRow(2), "Contact", "people", 133);
            assertObject(objects.getRow(3), "Opportunity", "deals", 774);
            assertThat(objects.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
            assertThat(((org.apache.poi.xssf.usermodel.XSSFSheet) objects).getCTWorksheet().getAutoFilter().getRef())
                .isEqualTo("A1:T4");
            assertThat(texts(objects.getRow(0))).endsWith("Out of scope in target", "Of which kept on purpose",
                    "Verdict");

            Sheet fields = workbook.getSheet("Fields");
            Row name = find(fields, 1, "companies", 2, "name");
            assertThat(name.getCell(3).getStringCellValue())
                .isEqualTo(ValidationIntegrationTests.field(corrupt, "companies", "name").get("sourceField"));
            assertThat(name.getCell(5).getNumericCellValue()).isEqualTo(83);
            assertThat(name.getCell(6).getNumericCellValue()).isEqualTo(82);
            assertThat(name.getCell(7).getNumericCellValue()).isEqualTo(1);
            assertThat(name.getCell(8).getNumericCellValue()).isEqualTo(98.79);
            assertThat(name.getCell(12).getStringCellValue()).isEqualTo("Fail");
            for (int r = 1; r <= fields.getLastRowNum(); r++) {
                Row row = fields.getRow(r);
                if (row != name) {
                    assertThat(row.getCell(7).getNumericCellValue()).as(texts(row).toString()).isZero();
                }
            }

            Sheet mismatches = workbook.getSheet("Mismatch samples");
            Row mismatch = find(mismatches, 0, "Field mismatch", 5, "name");
            assertThat(texts(mismatch)).startsWith("Field mismatch", "Account", "companies", company)
                .contains(original, "=HYPERLINK(\"http://x\")");
            assertThat(mismatch.getCell(4).getStringCellValue()).isNotBlank();
            assertThat(mismatch.getCell(6).getStringCellValue()).isEqualTo(original);
            assertThat(mismatch.getCell(8).getStringCellValue()).isNotBlank();
            // every finding but the changes by design, one row each
            assertThat(mismatches.getLastRowNum()).isEqualTo(this.jdbc.queryForObject(
                    "select count(*) from validation_finding where validation_id = ? and kind <> 'BY_DESIGN'",
                    Integer.class, id));
            Sheet byDesign = workbook.getSheet("Changed by design");
            assertThat(byDesign.getRow(0).getCell(5).getStringCellValue()).isEqualTo("Raw source value");
            assertThat(byDesign.getLastRowNum()).isEqualTo(this.jdbc.queryForObject(
                    "select count(*) from validation_finding where validation_id = ? and kind = 'BY_DESIGN'",
                    Integer.class, id));
            Cell actual = mismatch.getCell(7);
            assertThat(actual.getCellType()).isEqualTo(CellType.STRING);
            assertThat(actual.getCellStyle().getQuotePrefixed()).isTrue();
            assertThat(mismatch.getCell(6).getCellStyle().getQuotePrefixed()).isFalse();

            Sheet checks = workbook.getSheet("Content checks");
            Row lineBreaks = find(checks, 1, "companies", 2, "Line breaks preserved");
            assertThat(lineBreaks.getCell(3).getNumericCellValue()).isEqualTo(40);
            assertThat(lineBreaks.getCell(4).getNumericCellValue()).isZero();
        }

        Long running = this.jdbc.queryForObject("""
                insert into validation (run_id, project_id, environment_id, mode, status, requested_by)
                select id, project_id, environment_id, 'FULL', 'RUNNING', 'test' from migration_run where id = ?
                returning id""", Long.class, run);
        this.mvc.perform(get("/api/v1/validations/" + running + "/export.xlsx").with(setup.auth()))
            .andExpect(status().isConflict());
    }

    private static void assertObject(Row row, String source, String target, long records) {
        assertThat(row.getCell(0).getStringCellValue()).isEqualTo(source);
        assertThat(row.getCell(1).getStringCellValue()).isEqualTo(target);
        assertThat(row.getCell(2).getNumericCellValue()).as("extracted").isEqualTo(records);
        assertThat(row.getCell(4).getNumericCellValue()).as("created").isEqualTo(records);
        assertThat(row.getCell(10).getNumericCellValue()).as("without outcome").isZero();
        assertThat(row.getCell(11).getNumericCellValue()).as("loaded").isEqualTo(records);
        assertThat(row.getCell(12).getNumericCellValue()).as("in target").isEqualTo(records);
        assertThat(row.getCell(13).getNumericCellValue()).as("missing").isZero();
        assertThat(row.getCell(14).getNumericCellValue()).as("compared").isEqualTo(records);
        assertThat(row.getCell(15).getStringCellValue()).isEqualTo("Yes");
    }

    private static Cell item(Sheet sheet, String label) {
        return find(sheet, 0, label, 0, label).getCell(1);
    }

    private static Row find(Sheet sheet, int column, String value, int otherColumn, String other) {
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row != null && row.getCell(column) != null && value.equals(row.getCell(column).getStringCellValue())
                    && other.equals(row.getCell(otherColumn).getStringCellValue())) {
                return row;
            }
        }
        throw new AssertionError("No row " + value + " / " + other + " on sheet " + sheet.getSheetName());
    }

    private static List<String> texts(Row row) {
        List<String> texts = new ArrayList<>();
        for (int c = 0; c < row.getLastCellNum(); c++) {
            Cell cell = row.getCell(c);
            texts.add((cell == null) ? null : (cell.getCellType() == CellType.NUMERIC)
                    ? String.valueOf((long) cell.getNumericCellValue()) : cell.getStringCellValue());
        }
        return texts;
    }

}
