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
import dev.switchyard.support.Validations;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Records that leave the scope: a first run loads every record; the scope then archives
 * the 39 closed-lost opportunities and excludes two contacts, one of them a manager other
 * contacts report to. The next run counts them apart from the balance and from source
 * deletions, gives each a ledger entry of its own beside its ARCHIVED or EXCLUDED
 * outcome, and applies the delete policy — report (kept; validation warns), delete (the
 * manager's row refused by the target's foreign key; validation fails on it), deactivate
 * (marked once) — as the runs tab previewed before it started. A production run under a
 * scope version that is not approved keeps them whatever the policy.
 */
@IntegrationTest
class RunScopeExitIntegrationTests {

    static final int CLOSED_LOST = 39;

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    EmbeddedPostgres postgres;

    @Autowired
    RunStore store;

    @Autowired
    RunLog log;

    @Autowired
    dev.switchyard.connector.jdbc.JdbcConnectorProvider targets;

    @Autowired
    dev.switchyard.connection.ConnectionService connections;

    @Test
    void reportedThenDeletedRecordsLeavingTheScopeAreCountedApartAndValidatedAgainstTheTarget() throws Exception {
        Mashmatrix setup = Mashmatrix.mapped(this.mvc, this.fixtures, this.postgres, "leaver",
                TargetDatabases.demoSchema());
        setup.await(this.mvc, setup.start(this.mvc, "{\"mode\": \"full\"}"), "COMPLETED");
        assertThat(JsonPath.<Integer>read(preview(setup), "$[0].records")).isZero();
        leaveScope(setup);

        // previewed before the run: 41 records would leave, kept under report
        String preview = preview(setup);
        assertThat((String) JsonPath.read(preview, "$[0].environment")).isEqualTo("sandbox");
        assertThat((String) JsonPath.read(preview, "$[0].action")).isEqualTo("KEEP");
        assertThat((Integer) JsonPath.read(preview, "$[0].records")).isEqualTo(CLOSED_LOST + 2);
        assertThat((List<Integer>) JsonPath.read(preview, "$[0].objects[*].records")).containsExactly(0, 2,
                CLOSED_LOST);
        assertThat(this.mvc.perform(get("/projects/" + setup.project() + "/runs/scope-exits").with(login(setup)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString()).contains("Opportunity → deals: 39").contains("kept in the target and reported");

        String reported = setup.await(this.mvc, setup.start(this.mvc, "{\"mode\": \"delta\"}"), "COMPLETED");
        long second = id(reported);
        assertThat((Boolean) JsonPath.read(reported, "$.balanced")).isTrue();
        assertThat(counts(reported, "Opportunity")).containsEntry("archived", CLOSED_LOST)
            .containsEntry("unchanged", 774 - CLOSED_LOST)
            .containsEntry("leftScope", CLOSED_LOST)
            .containsEntry("leftScopeDeleted", 0)
            .containsEntry("deleted", 0);
        assertThat(counts(reported, "Contact")).containsEntry("excluded", 2)
            .containsEntry("leftScope", 2)
            .containsEntry("leftScopeRefused", 0);
        List<String> archived = ledger(setup, second, "ARCHIVED");
        assertThat(archived).hasSize(CLOSED_LOST);
        assertThat(ledger(setup, second, "LEFT_SCOPE")).hasSize(CLOSED_LOST + 2)
            .containsAll(archived)
            .contains(RunDeletePolicyIntegrationTests.CONTACT, RunDeletePolicyIntegrationTests.MANAGER);
        assertThat(targetCount(setup, "select count(*) from deals")).isEqualTo(774);
        assertThat(log(setup, second))
            .contains("Opportunity → deals: 39 records loaded by earlier runs left the"
                    + " scope (excluded or archived by this run's scope or the mapping's filter); the target keeps them"
                    + " (delete policy report)")
            .contains("left the scope since earlier runs: 41 (0 deleted in the target, 0 deactivated, 0 refused, "
                    + "the rest kept)");
        assertThat(this.mvc.perform(get("/projects/" + setup.project() + "/runs/" + second).with(login(setup)))
            .andReturn()
            .getResponse()
            .getContentAsString()).contains("Left scope").contains("kept in the target");

        // validation reconciles against what the target holds: the kept rows warn
        String warned = Validations.validate(this.mvc, setup.auth(), second, null);
        assertThat((String) JsonPath.read(warned, "$.verdict")).isEqualTo("WARN");
        assertThat(object(warned, "Opportunity")).containsEntry("inTarget", 774)
            .containsEntry("outOfScope", CLOSED_LOST)
            .containsEntry("outOfScopeKept", CLOSED_LOST)
            .containsEntry("balanced", true)
            .containsEntry("verdict", "WARN");
        assertThat(object(warned, "Account")).containsEntry("outOfScope", 0).containsEntry("verdict", "PASS");
        assertThat(findings(setup, id(warned), "OUT_OF_SCOPE_IN_TARGET")).hasSize(CLOSED_LOST + 2);

        // a production run whose scope is a draft keeps them, whatever the policy
        policy(setup, "{\"policy\": \"delete\"}");
        Run run = this.store.find(second).orElseThrow();
        RunContext production = new RunContext(run.id(), run.projectId(), run.environmentId(), run.environment(),
                run.snapshotId(), run.scopeVersion(), true, run.plan(), 1000, null, 0, null,
                new DeletePolicy(DeletePolicy.Policy.DELETE, List.of()),
                "a production run deletes or deactivates records leaving the scope only under the approved scope"
                        + " that excluded them; scope v1 is draft");
        try (dev.switchyard.connector.jdbc.JdbcTargetWriter writer = this.targets
            .openWriter(this.connections.settings(this.connections.target(run.environmentId()).orElseThrow()))) {
            new DeletePass(production, this.store, this.log, () -> writer).apply();
        }
        assertThat(targetCount(setup, "select count(*) from deals")).isEqualTo(774);
        assertThat(ledger(setup, second, "LEFT_SCOPE")).hasSize(CLOSED_LOST + 2);
        assertThat(ledger(setup, second, "LEFT_SCOPE_DELETED")).isEmpty();
        String held = this.mvc
            .perform(get("/api/v1/runs/" + second + "/ledger").param("outcome", "LEFT_SCOPE").with(setup.auth()))
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat((String) JsonPath.read(held, "$.entries[0].reason")).contains("only under the approved scope")
            .contains("scope v1 is draft");

        // under delete: previewed, then deleted children first; the manager others
        // report to is refused by the target, and fails the validation
        preview = preview(setup);
        assertThat((String) JsonPath.read(preview, "$[0].action")).isEqualTo("DELETE");
        assertThat((Integer) JsonPath.read(preview, "$[0].records")).isEqualTo(CLOSED_LOST + 2);
        String deleted = setup.await(this.mvc, setup.start(this.mvc, "{\"mode\": \"full\"}"), "COMPLETED");
        long third = id(deleted);
        assertThat((Boolean) JsonPath.read(deleted, "$.balanced")).isTrue();
        assertThat(counts(deleted, "Opportunity")).containsEntry("leftScope", CLOSED_LOST)
            .containsEntry("leftScopeDeleted", CLOSED_LOST)
            .containsEntry("archived", CLOSED_LOST);
        assertThat(counts(deleted, "Contact")).containsEntry("leftScope", 2)
            .containsEntry("leftScopeDeleted", 1)
            .containsEntry("leftScopeRefused", 1)
            .containsEntry("deleted", 0);
        assertThat(ledger(setup, third, "LEFT_SCOPE_DELETED")).hasSize(CLOSED_LOST + 1)
            .contains(RunDeletePolicyIntegrationTests.CONTACT);
        assertThat(ledger(setup, third, "LEFT_SCOPE_REFUSED")).containsExactly(RunDeletePolicyIntegrationTests.MANAGER);
        assertThat(targetCount(setup, "select count(*) from deals")).isEqualTo(774 - CLOSED_LOST);
        assertThat(targetCount(setup, "select count(*) from people")).isEqualTo(132);
        String failed = Validations.validate(this.mvc, setup.auth(), third, null);
        assertThat((String) JsonPath.read(failed, "$.verdict")).isEqualTo("FAIL");
        assertThat(object(failed, "Opportunity")).containsEntry("inTarget", 774 - CLOSED_LOST)
            .containsEntry("outOfScope", 0)
            .containsEntry("verdict", "PASS");
        assertThat(object(failed, "Contact")).containsEntry("outOfScope", 1)
            .containsEntry("outOfScopeKept", 0)
            .containsEntry("verdict", "FAIL");
        assertThat(findings(setup, id(failed), "OUT_OF_SCOPE_IN_TARGET"))
            .containsExactly(RunDeletePolicyIntegrationTests.MANAGER);

        // the deleted ones are forgotten; only the refused manager is left to preview
        preview = preview(setup);
        assertThat((Integer) JsonPath.read(preview, "$[0].records")).isEqualTo(1);
    }

    @Test
    void deactivateMarksRecordsLeavingTheScopeOnceAndTheValidationPasses() throws Exception {
        Mashmatrix setup = Mashmatrix.mapped(this.mvc, this.fixtures, this.postgres, "leaver-inactive",
                TargetDatabases.demoSchema() + """
                        alter table companies add column archived boolean default false;
                        alter table people add column active boolean default true;
                        alter table deals add column record_state varchar(10) default 'Open';
                        """);
        policy(setup, """
                {"policy": "deactivate", "deactivate": [
                  {"source": "Account", "target": "companies", "column": "archived", "value": "true"},
                  {"source": "Contact", "target": "people", "column": "active", "value": "false"},
                  {"source": "Opportunity", "target": "deals", "column": "record_state", "value": "Inactive"}]}""");
        setup.await(this.mvc, setup.start(this.mvc, "{\"mode\": \"full\"}"), "COMPLETED");
        leaveScope(setup);
        String preview = preview(setup);
        assertThat((String) JsonPath.read(preview, "$[0].action")).isEqualTo("DEACTIVATE");
        assertThat((Integer) JsonPath.read(preview, "$[0].records")).isEqualTo(CLOSED_LOST + 2);

        String done = setup.await(this.mvc, setup.start(this.mvc, "{\"mode\": \"delta\"}"), "COMPLETED");
        long run = id(done);
        assertThat(counts(done, "Opportunity")).containsEntry("leftScope", CLOSED_LOST)
            .containsEntry("leftScopeDeactivated", CLOSED_LOST);
        assertThat(counts(done, "Contact")).containsEntry("leftScope", 2).containsEntry("leftScopeDeactivated", 2);
        assertThat(ledger(setup, run, "LEFT_SCOPE_DEACTIVATED")).hasSize(CLOSED_LOST + 2);
        assertThat(targetCount(setup, "select count(*) from deals where record_state = 'Inactive'"))
            .isEqualTo(CLOSED_LOST);
        assertThat(targetCount(setup, "select count(*) from people where active = false")).isEqualTo(2);
        assertThat(targetCount(setup, "select count(*) from deals")).isEqualTo(774);

        // rows marked inactive are held by the target, but not against the verdict
        String validation = Validations.validate(this.mvc, setup.auth(), run, null);
        assertThat(object(validation, "Opportunity")).containsEntry("inTarget", 774)
            .containsEntry("outOfScope", 0)
            .containsEntry("verdict", "PASS");
        assertThat((String) JsonPath.read(validation, "$.verdict")).isEqualTo("PASS");

        // marked once: nothing left to preview, the next run finds none
        assertThat((Integer) JsonPath.read(preview(setup), "$[0].records")).isZero();
        String again = setup.await(this.mvc, setup.start(this.mvc, "{\"mode\": \"delta\"}"), "COMPLETED");
        assertThat(counts(again, "Opportunity")).containsEntry("leftScope", 0).containsEntry("archived", CLOSED_LOST);
    }

    /**
     * The scope archives the closed-lost opportunities and excludes two contacts.
     */
    private void leaveScope(Mashmatrix setup) throws Exception {
        RunArchiveIntegrationTests.saveScope(this.mvc, setup, """
                [{"object":"Account","decision":"MIGRATE"},
                 {"object":"Contact","decision":"MIGRATE","rules":[{"decision":"EXCLUDE","match":"ALL",
                   "conditions":[{"field":"Id","operator":"IN","value":"%s;%s"}]}]},
                 {"object":"Opportunity","decision":"MIGRATE","rules":[{"decision":"ARCHIVE","match":"ALL",
                   "conditions":[{"field":"StageName","operator":"EQUALS","value":"Closed Lost"}]}]}]"""
            .formatted(RunDeletePolicyIntegrationTests.CONTACT, RunDeletePolicyIntegrationTests.MANAGER));
    }

    private String preview(Mashmatrix setup) throws Exception {
        return api(setup, "/api/v1/projects/" + setup.project() + "/runs/scope-exits");
    }

    private void policy(Mashmatrix setup, String body) throws Exception {
        this.mvc
            .perform(put("/api/v1/projects/" + setup.project() + "/delete-policy").with(setup.auth())
                .contentType(MediaType.APPLICATION_JSON)
                .content(body))
            .andExpect(status().isOk());
    }

    private List<String> ledger(Mashmatrix setup, long run, String outcome) throws Exception {
        return JsonPath.read(api(setup, "/api/v1/runs/" + run + "/ledger?size=1000&outcome=" + outcome),
                "$.entries[*].sourceId");
    }

    private List<String> findings(Mashmatrix setup, long validation, String kind) throws Exception {
        return JsonPath.read(api(setup, "/api/v1/validations/" + validation + "/findings?size=1000&kind=" + kind),
                "$.findings[*].sourceId");
    }

    private String log(Mashmatrix setup, long run) throws Exception {
        return api(setup, "/api/v1/runs/" + run + "/log");
    }

    private String api(Mashmatrix setup, String url) throws Exception {
        return this.mvc.perform(get(url).with(setup.auth()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    }

    private org.springframework.test.web.servlet.request.RequestPostProcessor login(Mashmatrix setup) {
        return this.fixtures.login(setup.analyst());
    }

    private static long targetCount(Mashmatrix setup, String query) throws Exception {
        try (Connection target = DriverManager.getConnection(setup.url(), "postgres", "");
                Statement sql = target.createStatement()) {
            return single(sql, query);
        }
    }

    private static long id(String json) {
        return ((Number) JsonPath.read(json, "$.id")).longValue();
    }

    static Map<String, Object> object(String json, String name) {
        List<Map<String, Object>> found = JsonPath.read(json, "$.reconciliation.objects[?(@.name=='" + name + "')]");
        assertThat(found).hasSize(1);
        return found.get(0);
    }

}
