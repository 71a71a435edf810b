package dev.switchyard.run;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import dev.switchyard.support.Fixtures;
import dev.switchyard.support.IntegrationTest;
import dev.switchyard.support.Mashmatrix;
import dev.switchyard.support.TargetDatabases;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static dev.switchyard.support.Mashmatrix.counts;
import static dev.switchyard.support.Mashmatrix.single;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Runs after the first: a delta after changing, adding and deleting source records; undo;
 * records the target refuses quarantined with its own message; a target that goes away
 * pausing the run instead of failing records.
 */
@IntegrationTest
class RunLifecycleIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    EmbeddedPostgres postgres;

    @Test
    void aDeltaRunWritesOnlyWhatChangedAndCountsDeletesApart() throws Exception {
        Mashmatrix setup = Mashmatrix.mapped(this.mvc, this.fixtures, this.postgres, "delta",
                TargetDatabases.demoSchema());
        setup.await(this.mvc, setup.start(this.mvc, "{\"mode\": \"full\"}"), "COMPLETED");

        // the source changes: an account renamed, a contact added, an opportunity deleted
        byte[] accounts = Mashmatrix.rewrite("Account.csv", (rows) -> {
            rows.get(0).put("Name", "Nissan Motor Co., Ltd.");
            return rows;
        });
        byte[] contacts = Mashmatrix.rewrite("Contact.csv", (rows) -> {
            Map<String, String> added = new LinkedHashMap<>(rows.get(0));
            added.put("Id", "003f4000099NEWAAA");
            added.put("LastName", "Okafor");
            added.put("ReportsToId", "");
            rows.add(added);
            return rows;
        });
        byte[] opportunities = Mashmatrix.rewrite("Opportunity.csv", (rows) -> {
            rows.remove(0);
            return rows;
        });
        setup.changeSource(this.mvc,
                Map.of("Account.csv", accounts, "Contact.csv", contacts, "Opportunity.csv", opportunities));

        String delta = setup.await(this.mvc, setup.start(this.mvc, "{\"mode\": \"delta\"}"), "COMPLETED");
        assertThat((Boolean) JsonPath.read(delta, "$.balanced")).isTrue();
        assertThat(counts(delta, "Account")).containsEntry("updated", 1)
            .containsEntry("unchanged", 82)
            .containsEntry("created", 0);
        assertThat(counts(delta, "Contact")).containsEntry("created", 1).containsEntry("unchanged", 133);
        assertThat(counts(delta, "Opportunity")).containsEntry("extracted", 773)
            .containsEntry("unchanged", 773)
            .containsEntry("deleted", 1);
        try (Connection target = DriverManager.getConnection(setup.url(), "postgres", "");
                Statement sql = target.createStatement()) {
            assertThat(single(sql, "select count(*) from companies where name = 'Nissan Motor Co., Ltd.'"))
                .isEqualTo(1);
            assertThat(single(sql, "select count(*) from people where last_name = 'Okafor' and company_id is not null"))
                .isEqualTo(1);
            assertThat(single(sql, "select count(*) from people")).isEqualTo(134);
        }
    }

    @Test
    void undoDeletesWhatTheRunCreated() throws Exception {
        Mashmatrix setup = Mashmatrix.mapped(this.mvc, this.fixtures, this.postgres, "undo",
                TargetDatabases.demoSchema());
        long id = setup.start(this.mvc, "{\"mode\": \"full\"}");
        setup.await(this.mvc, id, "COMPLETED");
        this.mvc.perform(post("/api/v1/runs/" + id + "/undo").with(setup.auth())).andExpect(status().isOk());
        String undone = setup.await(this.mvc, id, "UNDONE");
        assertThat((String) JsonPath.read(undone, "$.message")).contains("deleted 990 records");
        try (Connection target = DriverManager.getConnection(setup.url(), "postgres", "");
                Statement sql = target.createStatement()) {
            assertThat(single(sql, "select (select count(*) from companies) + (select count(*) from people)"
                    + " + (select count(*) from deals)"))
                .isZero();
        }
        String xref = this.mvc.perform(get("/api/v1/projects/" + setup.project() + "/xref").with(setup.auth()))
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(xref.split("\r\n")).hasSize(1);
    }

    @Test
    void recordsTheTargetRefusesAreQuarantinedWithItsOwnMessage() throws Exception {
        // this target holds deal names of 20 characters at most
        Mashmatrix setup = Mashmatrix.mapped(this.mvc, this.fixtures, this.postgres, "narrow",
                TargetDatabases.demoSchema()
                    .replace("name        varchar(120) not null", "name        varchar(20)  not null"));
        long id = setup.start(this.mvc, "{\"mode\": \"full\"}");
        String done = setup.await(this.mvc, id, "COMPLETED");
        assertThat((Boolean) JsonPath.read(done, "$.balanced")).isTrue();
        Map<String, Object> deals = counts(done, "Opportunity");
        long longNames = names().stream().filter((n) -> n.length() > 20).count();
        assertThat(longNames).isPositive();
        assertThat(deals).containsEntry("quarantined", (int) longNames)
            .containsEntry("created", (int) (774 - longNames));
        String ledger = this.mvc
            .perform(get("/api/v1/runs/" + id + "/ledger").param("outcome", "QUARANTINED").with(setup.auth()))
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat((String) JsonPath.read(ledger, "$.entries[0].reason")).contains("The target refused the record")
            .containsIgnoringCase("too long");
        assertThat((String) JsonPath.read(ledger, "$.entries[0].field")).isEqualTo("name");
    }

    @Test
    void aTargetThatGoesAwayPausesTheRunAndResumingFinishesIt() throws Exception {
        Mashmatrix setup = Mashmatrix.mapped(this.mvc, this.fixtures, this.postgres, "outage",
                TargetDatabases.demoSchema());
        long id = setup.start(this.mvc, "{\"mode\": \"full\", \"recordsPerSecond\": 300}");
        setup.await(this.mvc, id, "RUNNING");
        String database = setup.url().substring(setup.url().lastIndexOf('/') + 1);
        Thread.sleep(1500);
        try (Connection admin = this.postgres.getPostgresDatabase().getConnection();
                Statement sql = admin.createStatement()) {
            sql.execute("alter database " + database + " with allow_connections false");
            sql.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + database + "'");
        }
        String paused = setup.await(this.mvc, id, "PAUSED");
        assertThat((String) JsonPath.read(paused, "$.message")).contains("target is unavailable");
        assertThat(this.mvc.perform(get("/api/v1/runs/" + id + "/log").with(setup.auth()))
            .andReturn()
            .getResponse()
            .getContentAsString()).contains("Target outage. Paused: the target is unavailable");
        try (Connection admin = this.postgres.getPostgresDatabase().getConnection();
                Statement sql = admin.createStatement()) {
            sql.execute("alter database " + database + " with allow_connections true");
        }
        this.mvc.perform(post("/api/v1/runs/" + id + "/resume").with(setup.auth())).andExpect(status().isOk());
        String done = setup.await(this.mvc, id, "COMPLETED");
        assertThat((Boolean) JsonPath.read(done, "$.balanced")).isTrue();
        try (Connection target = DriverManager.getConnection(setup.url(), "postgres", "");
                Statement sql = target.createStatement()) {
            assertThat(single(sql, "select count(*) from deals")).isEqualTo(774);
            assertThat(single(sql, "select count(distinct source_id) from deals")).isEqualTo(774);
            assertThat(single(sql, "select count(*) from people")).isEqualTo(133);
        }
    }

    private static List<String> names() throws Exception {
        List<String> names = new ArrayList<>();
        for (Map<String, String> row : Mashmatrix.rows("Opportunity.csv")) {
            names.add(row.get("Name").strip());
        }
        return names;
    }

}
