package dev.switchyard.dictionary;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import dev.switchyard.admin.AppUser;
import dev.switchyard.project.Project;
import dev.switchyard.support.ExtractionSteps;
import dev.switchyard.support.Fixtures;
import dev.switchyard.support.IntegrationTest;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The dictionary workbook never hands a spreadsheet a formula: source values and names
 * that look like one are prefixed.
 */
@IntegrationTest
class DictionaryExportIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Test
    void prefixesFormulaLikeValuesAndNamesInTheDictionaryWorkbook() throws Exception {
        AppUser analyst = this.fixtures.user("analyst");
        Project project = this.fixtures.project(analyst.getUsername());
        RequestPostProcessor auth = httpBasic(analyst.getUsername(), Fixtures.PASSWORD);
        StringBuilder csv = new StringBuilder("Id,@Rating,Formula\n");
        for (int i = 0; i < 30; i++) {
            csv.append("A").append(i).append(",-Hot,\"=HYPERLINK(\"\"http://evil\"\")\"\n");
        }
        this.mvc.perform(multipart("/api/v1/projects/" + project.getId() + "/connections")
            .file(new MockMultipartFile("file", "Account.csv", "text/csv",
                    csv.toString().getBytes(StandardCharsets.UTF_8)))
            .param("role", "source")
            .param("type", "csv")
            .with(auth)).andExpect(status().isCreated());
        Map<String, Object> extraction = ExtractionSteps.extract(this.mvc, project.getId(), "full", auth);
        assertThat(extraction.get("status")).isEqualTo("COMPLETED");

        byte[] xlsx = this.mvc
            .perform(get("/projects/" + project.getId() + "/dictionary.xlsx")
                .with(this.fixtures.login(analyst.getUsername())))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheet("Dictionary");
            Map<String, Row> rows = new java.util.HashMap<>();
            for (Row row : sheet) {
                rows.put(row.getCell(1).getStringCellValue(), row);
            }
            assertThat(rows).containsKey("'@Rating");
            Row formula = rows.get("Formula");
            assertThat(formula.getCell(13).getCellType()).isEqualTo(CellType.STRING);
            assertThat(formula.getCell(13).getStringCellValue()).isEqualTo("'=HYPERLINK(\"http://evil\")");
            assertThat(rows.get("'@Rating").getCell(13).getStringCellValue()).isEqualTo("'-Hot");
        }
    }

}
