package dev.switchyard.run;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.switchyard.admin.AppUser;
import dev.switchyard.project.Project;
import dev.switchyard.support.Fixtures;
import dev.switchyard.support.IntegrationTest;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The cross-reference page in the browser session: any member reads it per environment,
 * searches it by the start of a source or target id (wildcards taken literally), filters
 * it by object in any case, pages through it, and exports what the filter matches as CSV
 * or XLSX; members of other projects get nothing.
 */
@IntegrationTest
class XrefIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void membersSearchPageAndExportAnEnvironmentsCrossReference() throws Exception {
        AppUser analyst = this.fixtures.user("xref");
        AppUser tester = this.fixtures.user("xref-tester");
        AppUser outsider = this.fixtures.user("xref-outsider");
        Project project = this.fixtures.project(analyst.getUsername());
        this.fixtures.grant(project, tester.getUsername(), "TESTER");
        long sandbox = environment(project, "sandbox");
        long staging = environment(project, "staging");
        // 60 accounts and 60 contacts in the sandbox, one contact with wildcards in its
        // id, one account in staging
        this.jdbc.update("""
                insert into xref (environment_id, source_object, target_object, source_id, target_id, run_id)
                select ?, 'Account', 'companies', 'ACC' || lpad(n::text, 4, '0'), n::text, 7
                from generate_series(1, 60) n""", sandbox);
        this.jdbc.update("""
                insert into xref (environment_id, source_object, target_object, source_id, target_id, run_id,
                    deactivated)
                select ?, 'Contact', 'people', 'CON' || lpad(n::text, 4, '0'), (1000 + n)::text, 8, n = 2
                from generate_series(1, 59) n""", sandbox);
        this.jdbc.update("""
                insert into xref (environment_id, source_object, target_object, source_id, target_id, run_id)
                values (?, 'Contact', 'people', 'C_N%1', '2000', 8), (?, 'Account', 'companies', 'ACC9999', '1', 9)""",
                sandbox, staging);
        RequestPostProcessor asTester = this.fixtures.login(tester.getUsername());
        String page = "/projects/" + project.getId() + "/xref";

        String all = html(get(page), asTester);
        assertThat(all).contains("Cross-reference of sandbox", "120 records", "page 1 of 3", "ACC0001", "ACC0050")
            .doesNotContain("ACC0051", "ACC9999");
        assertThat(html(get(page).param("page", "2"), asTester)).contains("page 3 of 3", "CON0059", "C_N%1");
        // a source id, a target id (from its start), an object in another case
        assertThat(html(get(page).param("q", "CON0002"), asTester)).contains("1 record<", "CON0002", "1002",
                "deactivated");
        assertThat(html(get(page).param("q", "100"), asTester)).contains("9 records", "CON0001", "CON0009")
            .doesNotContain("CON0010");
        assertThat(html(get(page).param("q", "C_N%"), asTester)).contains("1 record<", "C_N%1");
        assertThat(html(get(page).param("q", "C%"), asTester)).contains("0 records", "No record matches.");
        assertThat(html(get(page).param("object", "PEOPLE"), asTester)).contains("60 records");
        assertThat(html(get(page).param("object", "Opportunity"), asTester)).contains("0 records");
        assertThat(html(get(page).param("environment", "staging"), asTester)).contains("Cross-reference of staging",
                "1 record<", "ACC9999");
        assertThat(html(get(page).param("environment", "production"), asTester))
            .contains("Nothing has been loaded into production yet.");
        this.mvc.perform(get(page).param("environment", "nowhere").with(asTester)).andExpect(status().isNotFound());

        String csv = this.mvc.perform(get(page + ".csv").param("object", "contact").param("q", "CON000").with(asTester))
            .andExpect(status().isOk())
            .andExpect(header().string("Content-Disposition", "attachment; filename=\"xref-sandbox.csv\""))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
        List<String> lines = csv.replace("\uFEFF", "").lines().toList();
        assertThat(lines).hasSize(10);
        assertThat(lines.get(0)).isEqualTo("source_object,source_id,target_object,target_id,run,deactivated");
        assertThat(lines.get(2)).isEqualTo("Contact,CON0002,people,1002,8,true");

        byte[] xlsx = this.mvc.perform(get(page + ".xlsx").param("environment", "SANDBOX").with(asTester))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(120);
            assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("ACC0001");
            assertThat(sheet.getRow(1).getCell(4).getNumericCellValue()).isEqualTo(7);
        }

        RequestPostProcessor asOutsider = this.fixtures.login(outsider.getUsername());
        for (String url : List.of(page, page + ".csv", page + ".xlsx")) {
            this.mvc.perform(get(url).with(asOutsider)).andExpect(status().isForbidden());
        }
    }

    private String html(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
            RequestPostProcessor user) throws Exception {
        return this.mvc.perform(request.with(user))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    }

    private long environment(Project project, String name) {
        return this.jdbc.queryForObject("select id from environment where project_id = ? and name = ?", Long.class,
                project.getId(), name);
    }

}
