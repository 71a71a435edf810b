package dev.switchyard.extraction;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import dev.switchyard.admin.AppUser;
import dev.switchyard.project.Project;
import dev.switchyard.support.ExtractionSteps;
import dev.switchyard.support.Fixtures;
import dev.switchyard.support.IntegrationTest;
import dev.switchyard.support.TestFiles;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Upload, extract and delta on the real sf-export-mashmatrix export.
 */
@IntegrationTest
class ExtractionIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Test
    void extractsTheRealExportThenADeltaOfChangedAddedAndDeletedRecords() throws Exception {
        AppUser analyst = this.fixtures.user("analyst");
        Project project = this.fixtures.project(analyst.getUsername());
        RequestPostProcessor auth = httpBasic(analyst.getUsername(), Fixtures.PASSWORD);
        byte[] zip = TestFiles.zipOf("sf-export-mashmatrix", "Account.csv", "Contact.csv", "Opportunity.csv");

        String created = this.mvc
            .perform(multipart("/api/v1/projects/" + project.getId() + "/connections")
                .file(new MockMultipartFile("file", "mashmatrix.zip", "application/zip", zip))
                .param("role", "source")
                .param("type", "csv")
                .with(auth))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.id").isNumber())
            .andExpect(jsonPath("$.found.ok").value(true))
            .andExpect(jsonPath("$.found.objects.length()").value(3))
            .andReturn()
            .getResponse()
            .getContentAsString();
        long connectionId = ((Number) JsonPath.read(created, "$.id")).longValue();

        Map<String, Object> full = extract(project, "full", auth);
        assertThat(full.get("status")).isEqualTo("COMPLETED");
        assertThat(records(full)).containsEntry("Account", 83)
            .containsEntry("Contact", 133)
            .containsEntry("Opportunity", 774);

        // a new export: one account changed, one added, one deleted
        List<String> lines = Files.readAllLines(TestFiles.data("sf-export-mashmatrix/Account.csv"),
                StandardCharsets.UTF_8);
        String header = lines.get(0);
        String text = String.join("\n", lines);
        String first = lines.get(1);
        String firstId = first.substring(0, first.indexOf(','));
        String changed = text.replace(firstId + ",,,Nissan Motors,", firstId + ",,,Nissan Motors Corporation,");
        assertThat(changed).isNotEqualTo(text);
        int secondStart = changed.indexOf("\n" + lines.get(2).substring(0, 18));
        assertThat(secondStart).isPositive();
        String deletedId = lines.get(2).substring(0, 18);
        String withoutSecond = removeRecord(changed, deletedId);
        int columns = header.split(",", -1).length;
        String added = withoutSecond + "\n001NEWACCOUNT00001,,,Brand New Account" + ",".repeat(columns - 4);
        this.mvc
            .perform(multipart("/api/v1/projects/" + project.getId() + "/connections/" + connectionId + "/files")
                .file(new MockMultipartFile("file", "export2.zip", "application/zip",
                        TestFiles.zip(Map.of("Account.csv", added.getBytes(StandardCharsets.UTF_8), "Contact.csv",
                                Files.readAllBytes(TestFiles.data("sf-export-mashmatrix/Contact.csv")),
                                "Opportunity.csv",
                                Files.readAllBytes(TestFiles.data("sf-export-mashmatrix/Opportunity.csv"))))))
                .with(auth))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.id").value(connectionId));

        Map<String, Object> delta = extract(project, "delta", auth);
        assertThat(delta.get("mode")).isEqualTo("DELTA");
        Map<String, Object> account = object(delta, "Account");
        assertThat(account).containsEntry("records", 83)
            .containsEntry("newRecords", 1)
            .containsEntry("changed", 1)
            .containsEntry("unchanged", 81)
            .containsEntry("deleted", 1);
        assertThat(object(delta, "Opportunity")).containsEntry("unchanged", 774).containsEntry("changed", 0);
    }

    @Test
    void refusesADeltaBeforeAnyFullExtractionAndAnExtractionWithoutSource() throws Exception {
        AppUser analyst = this.fixtures.user("analyst");
        Project project = this.fixtures.project(analyst.getUsername());
        RequestPostProcessor auth = httpBasic(analyst.getUsername(), Fixtures.PASSWORD);
        this.mvc
            .perform(
                    post("/api/v1/projects/" + project.getId() + "/extractions").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"mode\":\"full\"}")
                        .with(auth))
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.detail").value("Connect a source first"));
        this.mvc.perform(multipart("/api/v1/projects/" + project.getId() + "/connections")
            .file(new MockMultipartFile("file", "Account.csv", "text/csv",
                    Files.readAllBytes(TestFiles.data("sf-export-mashmatrix/Account.csv"))))
            .param("role", "source")
            .param("type", "csv")
            .with(auth)).andExpect(status().isCreated());
        this.mvc
            .perform(
                    post("/api/v1/projects/" + project.getId() + "/extractions").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"mode\":\"delta\"}")
                        .with(auth))
            .andExpect(status().isConflict())
            .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("run a full extraction first")));
    }

    @Test
    void refusesAZipThatEscapesItsFolder() throws Exception {
        AppUser analyst = this.fixtures.user("analyst");
        Project project = this.fixtures.project(analyst.getUsername());
        byte[] evil = TestFiles.zip(Map.of("../evil.csv", "Id,Name\n1,x\n".getBytes(StandardCharsets.UTF_8)));
        this.mvc
            .perform(multipart("/api/v1/projects/" + project.getId() + "/connections")
                .file(new MockMultipartFile("file", "evil.zip", "application/zip", evil))
                .param("role", "source")
                .param("type", "csv")
                .with(httpBasic(analyst.getUsername(), Fixtures.PASSWORD)))
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.errors.file").value(org.hamcrest.Matchers.containsString("evil.zip")));
    }

    private Map<String, Object> extract(Project project, String mode, RequestPostProcessor auth) throws Exception {
        return ExtractionSteps.extract(this.mvc, project.getId(), mode, auth);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Integer> records(Map<String, Object> extraction) {
        Map<String, Integer> records = new java.util.TreeMap<>();
        for (Map<String, Object> object : (List<Map<String, Object>>) extraction.get("objects")) {
            records.put((String) object.get("name"), ((Number) object.get("records")).intValue());
        }
        return records;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Map<String, Object> extraction, String name) {
        return ((List<Map<String, Object>>) extraction.get("objects")).stream()
            .filter((o) -> name.equals(o.get("name")))
            .findFirst()
            .orElseThrow();
    }

    private static String removeRecord(String csv, String id) {
        int start = csv.indexOf("\n" + id + ",");
        int next = csv.indexOf("\n001", start + 1);
        return csv.substring(0, start) + csv.substring(next);
    }

}
