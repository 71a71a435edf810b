package dev.switchyard.audit;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import dev.switchyard.admin.AppUser;
import dev.switchyard.project.Project;
import dev.switchyard.support.Fixtures;
import dev.switchyard.support.IntegrationTest;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class AuditIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AuditLog audit;

    @Test
    void recordsWhoDidWhatInWhichProject() {
        AppUser analyst = this.fixtures.user("analyst");
        Project project = this.fixtures.project(analyst.getUsername());
        assertThat(this.audit.recent(project.getId())).extracting(AuditEvent::getActor).contains(analyst.getUsername());
        assertThat(this.audit.recent(project.getId())).extracting(AuditEvent::getAction)
            .contains("created", "role granted");
    }

    @Test
    void theLogIsAppendOnly() {
        assertThatThrownBy(() -> this.jdbc.update("update audit_event set actor = 'mallory'"))
            .hasMessageContaining("append-only");
        assertThatThrownBy(() -> this.jdbc.update("delete from audit_event")).hasMessageContaining("append-only");
    }

    @Test
    void projectActivityIsFilteredAndExportedWithoutFormulas() throws Exception {
        AppUser analyst = this.fixtures.user("analyst");
        Project project = this.fixtures.project(analyst.getUsername());
        this.fixtures.as(analyst.getUsername(), () -> {
            this.audit.record(project.getId(), "Note", 1, "=cmd|' /C calc'!A0", "=HYPERLINK(\"http://evil\")");
            return null;
        });
        String base = "/projects/" + project.getId() + "/activity";
        this.mvc.perform(get(base).param("text", "environment").with(this.fixtures.login(analyst.getUsername())))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("environment &#39;staging&#39;")))
            .andExpect(content().string(not(containsString("role granted"))));

        byte[] csv = this.mvc.perform(get(base + ".csv").with(this.fixtures.login(analyst.getUsername())))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
        assertThat(new String(csv, StandardCharsets.UTF_8)).contains("'=cmd|' /C calc'!A0")
            .contains("\"'=HYPERLINK(\"\"http://evil\"\")\"");

        byte[] xlsx = this.mvc.perform(get(base + ".xlsx").with(this.fixtures.login(analyst.getUsername())))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            boolean found = false;
            for (Row row : workbook.getSheetAt(0)) {
                if (row.getCell(5) != null && row.getCell(5).getStringCellValue().startsWith("'=cmd")) {
                    assertThat(row.getCell(5).getCellType()).isEqualTo(CellType.STRING);
                    assertThat(row.getCell(6).getCellType()).isEqualTo(CellType.STRING);
                    assertThat(row.getCell(6).getStringCellValue()).isEqualTo("'=HYPERLINK(\"http://evil\")");
                    found = true;
                }
            }
            assertThat(found).isTrue();
        }
    }

    @Test
    void adminAuditPageListsEveryProjectAndIsForAdministratorsOnly() throws Exception {
        AppUser analyst = this.fixtures.user("analyst");
        Project project = this.fixtures.project(analyst.getUsername());
        this.mvc.perform(get("/admin/audit").param("actor", analyst.getUsername()).with(this.fixtures.login("admin")))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString(project.getName())));
        this.mvc.perform(get("/admin/audit").with(this.fixtures.login(analyst.getUsername())))
            .andExpect(status().isForbidden());
    }

}
