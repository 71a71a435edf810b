package dev.switchyard.run;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import dev.switchyard.support.Fixtures;
import dev.switchyard.support.IntegrationTest;
import dev.switchyard.support.Mashmatrix;
import dev.switchyard.support.TargetDatabases;
import dev.switchyard.support.TestFiles;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static dev.switchyard.support.Mashmatrix.counts;
import static dev.switchyard.support.Mashmatrix.single;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
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
        Mashmatrix setup = Mashmatrix.mapped(this.mvc, this.fixtures, this.postgres, "runner",
                TargetDatabases.demoSchema());
        long id = setup.start(this.mvc, """
                {"environment": "sandbox", "mode": "full"}""");
        String done = setup.await(this.mvc, id, "COMPLETED");
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
        long second = setup.start(this.mvc, """
                {"environment": "sandbox", "mode": "full"}""");
        String again = setup.await(this.mvc, second, "COMPLETED");
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
        Mashmatrix setup = Mashmatrix.mapped(this.mvc, this.fixtures, this.postgres, "pauser",
                TargetDatabases.demoSchema());
        long id = setup.start(this.mvc, """
                {"environment": "sandbox", "mode": "full", "recordsPerSecond": 400}""");
        setup.await(this.mvc, id, "RUNNING");
        this.mvc.perform(post("/api/v1/runs/" + id + "/pause").with(setup.auth())).andExpect(status().isOk());
        String paused = setup.await(this.mvc, id, "PAUSED");
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
        String other = setup.await(this.mvc, lastRun(setup), "COMPLETED");
        assertThat((Boolean) JsonPath.read(other, "$.balanced")).isTrue();
        this.mvc.perform(post("/api/v1/runs/" + id + "/resume").with(setup.auth())).andExpect(status().isOk());
        String done = setup.await(this.mvc, id, "COMPLETED");
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

    private long lastRun(Mashmatrix setup) throws Exception {
        String runs = this.mvc.perform(get("/api/v1/projects/" + setup.project() + "/runs").with(setup.auth()))
            .andReturn()
            .getResponse()
            .getContentAsString();
        return ((Number) JsonPath.read(runs, "$[0].id")).longValue();
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
