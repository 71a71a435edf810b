package dev.switchyard.run;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import dev.switchyard.admin.AppUser;
import dev.switchyard.project.Project;
import dev.switchyard.support.ExtractionSteps;
import dev.switchyard.support.Fixtures;
import dev.switchyard.support.IntegrationTest;
import dev.switchyard.support.MappingSteps;
import dev.switchyard.support.TargetDatabases;
import dev.switchyard.support.TestFiles;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Migration runs end to end: the mashmatrix export into the demo destination schema in
 * PostgreSQL, every relationship rebuilt through the cross-reference, the ledger
 * balanced; a run paused mid-way and resumed ends with exact counts and no duplicates.
 */
@IntegrationTest
class RunIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    EmbeddedPostgres postgres;

    @Test
    void migratesEveryRecordWithItsRelationshipsAndBalancesTheLedger() throws Exception {
        Setup setup = setup("runner");
        String run = start(setup, """
                {"environment": "sandbox", "mode": "full"}""");
        long id = ((Number) JsonPath.read(run, "$.id")).longValue();
        String done = await(id, setup.auth(), "COMPLETED");
        assertThat((Boolean) JsonPath.read(done, "$.balanced")).isTrue();
        assertThat(counts(done, "Account")).containsEntry("extracted", 83).containsEntry("created", 83);
        assertThat(counts(done, "Contact")).containsEntry("extracted", 133).containsEntry("created", 133);
        assertThat(counts(done, "Opportunity")).containsEntry("extracted", 774).containsEntry("created", 774);
        List<String> order = JsonPath.read(done, "$.objects[*].name");
        assertThat(order).containsExactly("Account", "Contact", "Opportunity");

        try (Connection target = DriverManager.getConnection(setup.url(), "postgres", "");
                Statement sql = target.createStatement()) {
            assertThat(single(sql, "select count(*) from companies")).isEqualTo(83);
            assertThat(single(sql, "select count(*) from people where company_id is not null")).isEqualTo(133);
            assertThat(single(sql, "select count(*) from deals where company_id is not null")).isEqualTo(774);
            // Contact.ReportsToId rebuilt in the second pass: as many people report to
            // someone
            // as contacts have a ReportsToId in the export
            assertThat(single(sql, "select count(*) from people where reports_to_id is not null"))
                .isEqualTo(reportsTo());
            // relationships point at the right records: a contact's company is its
            // account's
            assertThat(single(sql, "select count(*) from people p join companies c on c.id = p.company_id"))
                .isEqualTo(133);
        }
        String xref = this.mvc
            .perform(get("/api/v1/projects/" + setup.project() + "/xref").param("environment", "sandbox")
                .with(setup.auth()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(xref.split("\r\n")).hasSize(1 + 83 + 133 + 774);
        String ledger = this.mvc
            .perform(get("/api/v1/runs/" + id + "/ledger").param("outcome", "created")
                .param("object", "Contact")
                .with(setup.auth()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat((Integer) JsonPath.read(ledger, "$.total")).isEqualTo(133);

        // the same again: every record is already there as it is
        String second = start(setup, """
                {"environment": "sandbox", "mode": "full"}""");
        String again = await(((Number) JsonPath.read(second, "$.id")).longValue(), setup.auth(), "COMPLETED");
        assertThat(counts(again, "Opportunity")).containsEntry("created", 0).containsEntry("unchanged", 774);
        assertThat(counts(again, "Contact")).containsEntry("created", 0).containsEntry("unchanged", 133);
        try (Connection target = DriverManager.getConnection(setup.url(), "postgres", "");
                Statement sql = target.createStatement()) {
            assertThat(single(sql, "select count(*) from deals")).isEqualTo(774);
            assertThat(single(sql, "select count(*) from people where reports_to_id is not null"))
                .isEqualTo(reportsTo());
        }
    }

    @Test
    void aRunPausedMidWayAndResumedEndsWithExactCountsAndNoDuplicates() throws Exception {
        Setup setup = setup("pauser");
        String run = start(setup, """
                {"environment": "sandbox", "mode": "full", "recordsPerSecond": 400}""");
        long id = ((Number) JsonPath.read(run, "$.id")).longValue();
        await(id, setup.auth(), "RUNNING");
        this.mvc.perform(post("/api/v1/runs/" + id + "/pause").with(setup.auth())).andExpect(status().isOk());
        String paused = await(id, setup.auth(), "PAUSED");
        long processed = ((List<Integer>) JsonPath.read(paused, "$.objects[*].processed")).stream()
            .mapToLong(Integer::longValue)
            .sum();
        assertThat(processed).isLessThan(990);
        this.mvc
            .perform(post("/api/v1/projects/" + setup.project() + "/runs").with(setup.auth())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{}"))
            .andExpect(status().isCreated());
        // the paused run does not hold the environment; the one just started does:
        // resuming
        // waits for it
        String other = await(lastRun(setup), setup.auth(), "COMPLETED");
        assertThat((Boolean) JsonPath.read(other, "$.balanced")).isTrue();
        this.mvc.perform(post("/api/v1/runs/" + id + "/resume").with(setup.auth())).andExpect(status().isOk());
        String done = await(id, setup.auth(), "COMPLETED");
        assertThat((Boolean) JsonPath.read(done, "$.balanced")).isTrue();
        assertThat(counts(done, "Opportunity")).containsEntry("extracted", 774).containsEntry("processed", 774);
        try (Connection target = DriverManager.getConnection(setup.url(), "postgres", "");
                Statement sql = target.createStatement()) {
            assertThat(single(sql, "select count(*) from companies")).isEqualTo(83);
            assertThat(single(sql, "select count(*) from people")).isEqualTo(133);
            assertThat(single(sql, "select count(*) from deals")).isEqualTo(774);
            assertThat(single(sql, "select count(distinct source_id) from deals")).isEqualTo(774);
        }
    }

    record Setup(long project, RequestPostProcessor auth, String url) {
    }

    private Setup setup(String prefix) throws Exception {
        AppUser analyst = this.fixtures.user(prefix);
        Project project = this.fixtures.project(analyst.getUsername());
        RequestPostProcessor auth = httpBasic(analyst.getUsername(), Fixtures.PASSWORD);
        this.mvc.perform(multipart("/api/v1/projects/" + project.getId() + "/connections")
            .file(new MockMultipartFile("file", "export.zip", "application/zip",
                    TestFiles.zipOf("sf-export-mashmatrix", "Account.csv", "Contact.csv", "Opportunity.csv")))
            .param("role", "source")
            .param("type", "csv")
            .with(auth)).andExpect(status().isCreated());
        ExtractionSteps.extract(this.mvc, project.getId(), "full", auth);
        String url = TargetDatabases.create(this.postgres, "crm", TargetDatabases.demoSchema());
        TargetDatabases.connect(this.mvc, project.getId(), "sandbox", url, auth);
        MappingSteps.mapMashmatrix(this.mvc, project.getId(), auth);
        return new Setup(project.getId(), auth, url);
    }

    private String start(Setup setup, String body) throws Exception {
        return this.mvc
            .perform(post("/api/v1/projects/" + setup.project() + "/runs").with(setup.auth())
                .contentType(MediaType.APPLICATION_JSON)
                .content(body))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    }

    private long lastRun(Setup setup) throws Exception {
        String runs = this.mvc.perform(get("/api/v1/projects/" + setup.project() + "/runs").with(setup.auth()))
            .andReturn()
            .getResponse()
            .getContentAsString();
        return ((Number) JsonPath.read(runs, "$[0].id")).longValue();
    }

    private String await(long id, RequestPostProcessor auth, String wanted) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        String json = null;
        while (Instant.now().isBefore(deadline)) {
            json = this.mvc.perform(get("/api/v1/runs/" + id).with(auth))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
            String status = JsonPath.read(json, "$.status");
            if (status.equals(wanted)) {
                return json;
            }
            if (List.of("FAILED", "CANCELLED").contains(status) && !status.equals(wanted)) {
                throw new AssertionError("Run " + id + " ended " + status + ": " + json);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Run " + id + " did not become " + wanted + ": " + json);
    }

    private static Map<String, Object> counts(String run, String object) {
        List<Map<String, Object>> found = JsonPath.read(run, "$.objects[?(@.name=='" + object + "')]");
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private static long single(Statement sql, String query) throws Exception {
        try (ResultSet rs = sql.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long reportsTo() throws Exception {
        String csv = new String(java.nio.file.Files.readAllBytes(TestFiles.data("sf-export-mashmatrix/Contact.csv")),
                java.nio.charset.StandardCharsets.UTF_8);
        try (de.siegmar.fastcsv.reader.CsvReader<de.siegmar.fastcsv.reader.NamedCsvRecord> reader = de.siegmar.fastcsv.reader.CsvReader
            .builder()
            .ofNamedCsvRecord(csv.replace("\uFEFF", ""))) {
            return reader.stream().filter((r) -> !r.getField("ReportsToId").isBlank()).count();
        }
    }

}
