package dev.switchyard.extraction;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import dev.switchyard.admin.AppUser;
import dev.switchyard.project.Project;
import dev.switchyard.support.ExtractionSteps;
import dev.switchyard.support.Fixtures;
import dev.switchyard.support.IntegrationTest;
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
 * Files that used to fail a whole extraction: NUL characters in cells, header names and
 * ids, and UTF-16 text without a byte-order mark.
 */
@IntegrationTest
class BadFileExtractionIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Test
    void removesNulCharactersEverywhereAndRecordsAProblemNamingFileLineAndField() throws Exception {
        AppUser analyst = this.fixtures.user("analyst");
        Project project = this.fixtures.project(analyst.getUsername());
        RequestPostProcessor auth = httpBasic(analyst.getUsername(), Fixtures.PASSWORD);
        StringBuilder csv = new StringBuilder("Id,Na\u0000me,Industry\n");
        csv.append("001A,Acme\u0000 Corp ,Tech\u0000\n");
        csv.append("00\u00002B,Beta,Tech\n");
        for (int i = 0; i < 20; i++) {
            csv.append("00").append(i).append("C,Gamma").append(i).append(",Te\u0000ch\n");
        }
        upload(project, auth, "Account.csv", csv.toString().getBytes(StandardCharsets.UTF_8));

        Map<String, Object> extraction = ExtractionSteps.extract(this.mvc, project.getId(), "full", auth);

        assertThat(extraction.get("status")).isEqualTo("COMPLETED_WITH_ERRORS");
        assertThat(extraction.get("records")).isEqualTo(22);
        List<Map<String, Object>> problems = problems(extraction, auth);
        assertThat(problems).extracting((p) -> p.get("location") + " " + p.get("field"))
            .contains("Account.csv:1 Name", "Account.csv:2 Name", "Account.csv:2 Industry", "Account.csv:3 Id",
                    "Account.csv:4 Industry");
        assertThat(problems).allSatisfy((p) -> assertThat(p.toString()).doesNotContain("\u0000"));
        assertThat(problems).filteredOn((p) -> "Account.csv:2".equals(p.get("location")))
            .extracting((p) -> (String) p.get("message"))
            .allSatisfy((message) -> assertThat(message).contains("NUL"));
        String dictionary = this.mvc.perform(get("/api/v1/projects/" + project.getId() + "/dictionary").with(auth))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(dictionary).doesNotContain("\\u0000");
        List<String> fields = JsonPath.read(dictionary, "$.objects[0].fields[*].name");
        assertThat(fields).containsExactly("Id", "Name", "Industry");
        List<String> industries = JsonPath.read(dictionary,
                "$.objects[0].fields[?(@.name == 'Industry')].picklistValues[*].value");
        assertThat(industries).containsOnly("Tech");
        String findings = this.mvc.perform(get("/api/v1/projects/" + project.getId() + "/findings").with(auth))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(findings).doesNotContain("\\u0000").contains("Acme Corp ");
    }

    @Test
    void readsUtf16WithoutAByteOrderMarkInEitherByteOrder() throws Exception {
        for (Charset charset : List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
            AppUser analyst = this.fixtures.user("analyst");
            Project project = this.fixtures.project(analyst.getUsername());
            RequestPostProcessor auth = httpBasic(analyst.getUsername(), Fixtures.PASSWORD);
            String csv = "Id,Name,City\r\n001A,Müller GmbH,Zürich\r\n001B,Łódź Sp. z o.o.,Łódź\r\n";
            String created = upload(project, auth, "Account.csv", csv.getBytes(charset));
            assertThat(created).contains("Account (3 fields)");

            Map<String, Object> extraction = ExtractionSteps.extract(this.mvc, project.getId(), "full", auth);

            assertThat(extraction.get("status")).as(charset.name()).isEqualTo("COMPLETED");
            assertThat(extraction.get("records")).isEqualTo(2);
            String records = this.mvc.perform(get("/api/v1/projects/" + project.getId() + "/dictionary").with(auth))
                .andReturn()
                .getResponse()
                .getContentAsString();
            List<String> fields = JsonPath.read(records, "$.objects[0].fields[*].name");
            assertThat(fields).as(charset.name()).containsExactly("Id", "Name", "City");
        }
    }

    private String upload(Project project, RequestPostProcessor auth, String name, byte[] content) throws Exception {
        return this.mvc
            .perform(multipart("/api/v1/projects/" + project.getId() + "/connections")
                .file(new MockMultipartFile("file", name, "text/csv", content))
                .param("role", "source")
                .param("type", "csv")
                .with(auth))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    }

    private List<Map<String, Object>> problems(Map<String, Object> extraction, RequestPostProcessor auth)
            throws Exception {
        String body = this.mvc.perform(get("/api/v1/extractions/" + extraction.get("id") + "/problems").with(auth))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
        return JsonPath.read(body, "$");
    }

}
