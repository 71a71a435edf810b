package dev.switchyard.run;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
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
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static dev.switchyard.support.Mashmatrix.counts;
import static dev.switchyard.support.Mashmatrix.single;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The delete policy: after a full run, the source deletes an opportunity, a contact and a
 * contact others report to; a delta run reports them, deletes their target rows (the
 * manager's refused by the target's foreign key, with its message) or marks them
 * inactive, each deleted record in the ledger with its own outcome and counted per
 * object.
 */
@IntegrationTest
class RunDeletePolicyIntegrationTests {

    /** A contact nobody reports to. */
    static final String CONTACT = "003f4000003d6A2AAI";

    /** A contact other contacts report to. */
    static final String MANAGER = "003f4000003d68cAAA";

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    EmbeddedPostgres postgres;

    @Test
    void reportCountsDeletedRecordsApartAndLeavesTheTargetAsItIs() throws Exception {
        Mashmatrix setup = Mashmatrix.mapped(this.mvc, this.fixtures, this.postgres, "report",
                TargetDatabases.demoSchema());
        String opportunity = loadAndDelete(setup);
        String delta = setup.await(this.mvc, setup.start(this.mvc, "{\"mode\": \"delta\"}"), "COMPLETED");
        long id = ((Number) JsonPath.read(delta, "$.id")).longValue();
        assertThat((String) JsonPath.read(delta, "$.deletePolicy")).isEqualTo("REPORT");
        assertThat((Boolean) JsonPath.read(delta, "$.balanced")).isTrue();
        assertThat(counts(delta, "Contact")).containsEntry("deleted", 2)
            .containsEntry("targetDeleted", 0)
            .containsEntry("unchanged", 131);
        assertThat(counts(delta, "Opportunity")).containsEntry("deleted", 1).containsEntry("targetDeleted", 0);
        assertThat(ledger(setup, id, "DELETED_IN_SOURCE")).containsExactlyInAnyOrder(CONTACT, MANAGER, opportunity);
        try (Connection target = DriverManager.getConnection(setup.url(), "postgres", "");
                Statement sql = target.createStatement()) {
            assertThat(single(sql, "select count(*) from people")).isEqualTo(133);
            assertThat(single(sql, "select count(*) from deals")).isEqualTo(774);
        }
    }

    @Test
    void deleteRemovesTargetRowsChildrenFirstAndReportsWhatTheTargetRefuses() throws Exception {
        Mashmatrix setup = Mashmatrix.mapped(this.mvc, this.fixtures, this.postgres, "delete",
                TargetDatabases.demoSchema());
        policy(setup, "{\"policy\": \"delete\"}").andExpect(status().isOk())
            .andExpect(jsonPath("$.policy").value("delete"));
        String opportunity = loadAndDelete(setup);
        String delta = setup.await(this.mvc, setup.start(this.mvc, "{\"mode\": \"delta\"}"), "COMPLETED");
        long id = ((Number) JsonPath.read(delta, "$.id")).longValue();
        assertThat((String) JsonPath.read(delta, "$.deletePolicy")).isEqualTo("DELETE");
        assertThat((Boolean) JsonPath.read(delta, "$.balanced")).isTrue();
        assertThat(counts(delta, "Opportunity")).containsEntry("deleted", 1)
            .containsEntry("targetDeleted", 1)
            .containsEntry("deleteRefused", 0);
        assertThat(counts(delta, "Contact")).containsEntry("deleted", 2)
            .containsEntry("targetDeleted", 1)
            .containsEntry("deleteRefused", 1);
        assertThat(ledger(setup, id, "DELETED")).containsExactlyInAnyOrder(CONTACT, opportunity);
        assertThat(ledger(setup, id, "DELETE_REFUSED")).containsExactly(MANAGER);
        String refused = this.mvc
            .perform(get("/api/v1/runs/" + id + "/ledger").param("outcome", "DELETE_REFUSED").with(setup.auth()))
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat((String) JsonPath.read(refused, "$.entries[0].reason"))
            .contains("the target refused to delete its row")
            .contains("reports_to_id");
        try (Connection target = DriverManager.getConnection(setup.url(), "postgres", "");
                Statement sql = target.createStatement()) {
            assertThat(single(sql, "select count(*) from deals")).isEqualTo(773);
            assertThat(single(sql, "select count(*) from deals where source_id = '" + opportunity + "'")).isZero();
            assertThat(single(sql, "select count(*) from people")).isEqualTo(132);
            assertThat(single(sql, "select count(*) from people where source_id = '" + CONTACT + "'")).isZero();
            assertThat(single(sql, "select count(*) from people where source_id = '" + MANAGER + "'")).isEqualTo(1);
        }
        String xref = this.mvc.perform(get("/api/v1/projects/" + setup.project() + "/xref").with(setup.auth()))
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(xref.split("\r\n")).hasSize(1 + 83 + 132 + 773);
        assertThat(xref).doesNotContain(CONTACT).doesNotContain(opportunity).contains(MANAGER);
        String log = this.mvc.perform(get("/api/v1/runs/" + id + "/log").with(setup.auth()))
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(log).containsSubsequence("delete policy delete",
                "Opportunity → deals: 1 records deleted in the source since earlier runs: 1 deleted in the target, "
                        + "0 refused (delete policy delete)",
                "Contact → people: 2 records deleted in the source since earlier runs: 1 deleted in the target, "
                        + "1 refused (delete policy delete)",
                "Contact " + MANAGER + " (people ", "): the target refused to delete it: ", "Finished COMPLETED: ",
                "deleted in the source since earlier runs: 3 (2 deleted in the target");

        // the next delta no longer knows the deleted ones; the refused one is tried again
        String again = setup.await(this.mvc, setup.start(this.mvc, "{\"mode\": \"delta\"}"), "COMPLETED");
        assertThat(counts(again, "Opportunity")).containsEntry("deleted", 0);
        assertThat(counts(again, "Contact")).containsEntry("deleted", 1).containsEntry("deleteRefused", 1);
    }

    @Test
    void deactivateMarksTargetRowsInactiveThroughTheColumnsTheAnalystNamed() throws Exception {
        Mashmatrix setup = Mashmatrix.mapped(this.mvc, this.fixtures, this.postgres, "deactivate",
                TargetDatabases.demoSchema() + """
                        alter table companies add column archived boolean default false;
                        alter table people add column active boolean default true;
                        alter table deals add column record_state varchar(10) default 'Open';
                        """);
        // refused, naming what is wrong
        policy(setup, deactivate("archived", "true", "enabled", "false", "record_state", "Inactive"))
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("no column 'enabled'")));
        policy(setup, deactivate("archived", "true", "active", "maybe", "record_state", "Inactive"))
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.detail")
                .value(org.hamcrest.Matchers.containsString("Contact → people: the value 'maybe' is not a boolean")));
        policy(setup, deactivate("archived", "true", "active", "false", "record_state", "Inactive-for-good"))
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("longer than record_state")));
        policy(setup,
                "{\"policy\": \"deactivate\", \"deactivate\": [{\"source\": \"Contact\", \"target\": \"people\","
                        + " \"column\": \"active\", \"value\": \"false\"}]}")
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("Account → companies: name")));
        policy(setup, deactivate("archived", "true", "active", "false", "record_state", "Inactive"))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.deactivate[1].column").value("active"));
        this.mvc.perform(get("/api/v1/projects/" + setup.project() + "/delete-policy").with(setup.auth()))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.policy").value("deactivate"))
            .andExpect(jsonPath("$.deactivate[2].value").value("Inactive"));

        String opportunity = loadAndDelete(setup);
        String delta = setup.await(this.mvc, setup.start(this.mvc, "{\"mode\": \"delta\"}"), "COMPLETED");
        long id = ((Number) JsonPath.read(delta, "$.id")).longValue();
        assertThat((Boolean) JsonPath.read(delta, "$.balanced")).isTrue();
        assertThat(counts(delta, "Contact")).containsEntry("deleted", 2).containsEntry("deactivated", 2);
        assertThat(counts(delta, "Opportunity")).containsEntry("deleted", 1).containsEntry("deactivated", 1);
        assertThat(ledger(setup, id, "DEACTIVATED")).containsExactlyInAnyOrder(CONTACT, MANAGER, opportunity);
        try (Connection target = DriverManager.getConnection(setup.url(), "postgres", "");
                Statement sql = target.createStatement()) {
            assertThat(single(sql, "select count(*) from people")).isEqualTo(133);
            assertThat(single(sql, "select count(*) from people where active = false and source_id in ('" + CONTACT
                    + "', '" + MANAGER + "')"))
                .isEqualTo(2);
            assertThat(single(sql, "select count(*) from people where active = false")).isEqualTo(2);
            assertThat(single(sql, "select count(*) from deals where record_state = 'Inactive'")).isEqualTo(1);
            assertThat(single(sql,
                    "select count(*) from deals where record_state = 'Inactive' and source_id = '" + opportunity + "'"))
                .isEqualTo(1);
            assertThat(single(sql, "select count(*) from companies where archived")).isZero();
        }
        // marked once: the next delta finds nothing new
        String again = setup.await(this.mvc, setup.start(this.mvc, "{\"mode\": \"delta\"}"), "COMPLETED");
        assertThat(counts(again, "Contact")).containsEntry("deleted", 0);
        assertThat(counts(again, "Opportunity")).containsEntry("deleted", 0);
    }

    @Test
    void aRunDoesNotStartWhenTheDeactivatePolicyNoLongerFitsTheMapping() throws Exception {
        Mashmatrix setup = Mashmatrix.mapped(this.mvc, this.fixtures, this.postgres, "unfit",
                TargetDatabases.demoSchema() + """
                        alter table companies add column archived boolean default false;
                        alter table people add column active boolean default true;
                        """);
        String mapping = this.mvc.perform(get("/api/v1/projects/" + setup.project() + "/mapping").with(setup.auth()))
            .andReturn()
            .getResponse()
            .getContentAsString();
        // deals are not mapped for now: the policy covers companies and people
        com.jayway.jsonpath.DocumentContext document = JsonPath.parse(mapping);
        document.delete("$.objects[?(@.target=='deals')]");
        this.mvc
            .perform(put("/api/v1/projects/" + setup.project() + "/mapping").with(setup.auth())
                .contentType(MediaType.APPLICATION_JSON)
                .content(document.jsonString()))
            .andExpect(status().isOk());
        policy(setup, """
                {"policy": "deactivate", "deactivate": [
                  {"source": "Account", "target": "companies", "column": "archived", "value": "true"},
                  {"source": "Contact", "target": "people", "column": "active", "value": "false"}]}""")
            .andExpect(status().isOk());
        // deals mapped again: the policy does not say how to deactivate them
        this.mvc
            .perform(put("/api/v1/projects/" + setup.project() + "/mapping").with(setup.auth())
                .contentType(MediaType.APPLICATION_JSON)
                .content(JsonPath.parse(mapping)
                    .set("$.version", (Integer) JsonPath.read(document.jsonString(), "$.version") + 1)
                    .jsonString()))
            .andExpect(status().isOk());
        this.mvc
            .perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .post("/api/v1/projects/" + setup.project() + "/runs")
                .with(setup.auth())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"mode\": \"full\"}"))
            .andExpect(status().isConflict())
            .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(
                    "The delete policy no longer fits the mapping: Opportunity → deals: name the target column")));
    }

    /**
     * Runs a full run, then deletes the first opportunity, {@link #CONTACT} and
     * {@link #MANAGER} in the source and extracts again.
     * @return the deleted opportunity's id
     */
    private String loadAndDelete(Mashmatrix setup) throws Exception {
        setup.await(this.mvc, setup.start(this.mvc, "{\"mode\": \"full\"}"), "COMPLETED");
        String[] opportunity = new String[1];
        byte[] opportunities = Mashmatrix.rewrite("Opportunity.csv", (rows) -> {
            opportunity[0] = rows.remove(0).get("Id");
            return rows;
        });
        byte[] contacts = Mashmatrix.rewrite("Contact.csv", (rows) -> {
            rows.removeIf((r) -> r.get("Id").equals(CONTACT) || r.get("Id").equals(MANAGER));
            return rows;
        });
        setup.changeSource(this.mvc, Map.of("Contact.csv", contacts, "Opportunity.csv", opportunities));
        return opportunity[0];
    }

    private org.springframework.test.web.servlet.ResultActions policy(Mashmatrix setup, String body) throws Exception {
        return this.mvc.perform(put("/api/v1/projects/" + setup.project() + "/delete-policy").with(setup.auth())
            .contentType(MediaType.APPLICATION_JSON)
            .content(body));
    }

    private static String deactivate(String companies, String companiesValue, String people, String peopleValue,
            String deals, String dealsValue) {
        return """
                {"policy": "deactivate", "deactivate": [
                  {"source": "Account", "target": "companies", "column": "%s", "value": "%s"},
                  {"source": "Contact", "target": "people", "column": "%s", "value": "%s"},
                  {"source": "Opportunity", "target": "deals", "column": "%s", "value": "%s"}]}""".formatted(companies,
                companiesValue, people, peopleValue, deals, dealsValue);
    }

    private List<String> ledger(Mashmatrix setup, long id, String outcome) throws Exception {
        String json = this.mvc
            .perform(get("/api/v1/runs/" + id + "/ledger").param("outcome", outcome).with(setup.auth()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        return JsonPath.read(json, "$.entries[*].sourceId");
    }

}
