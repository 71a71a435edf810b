package dev.switchyard.run;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;

import com.jayway.jsonpath.DocumentContext;
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
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Re-running quarantined records: a target holding deal names of 20 characters at most
 * refuses the longer ones; the analyst fixes the mapping (names truncated to the column)
 * and re-runs the run's quarantined records: exactly those are read and created, with the
 * current mapping, and nothing else in the target changes.
 */
@IntegrationTest
class RunRerunIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    EmbeddedPostgres postgres;

    @Test
    void reRunningQuarantinedRecordsAfterFixingTheMappingCreatesExactlyThem() throws Exception {
        Mashmatrix setup = Mashmatrix.mapped(this.mvc, this.fixtures, this.postgres, "rerun", narrowSchema());
        long first = setup.start(this.mvc, "{\"mode\": \"full\"}");
        String done = setup.await(this.mvc, first, "COMPLETED");
        int longNames = (int) Mashmatrix.rows("Opportunity.csv")
            .stream()
            .filter((r) -> r.get("Name").strip().length() > 20)
            .count();
        assertThat(longNames).isPositive();
        assertThat(counts(done, "Opportunity")).containsEntry("quarantined", longNames);
        List<String> quarantined = sourceIds(setup, first, "QUARANTINED");
        assertThat(quarantined).hasSize(longNames);
        String before;
        try (Connection target = DriverManager.getConnection(setup.url(), "postgres", "");
                Statement sql = target.createStatement()) {
            before = checksum(sql, "");
        }

        // unchanged mapping: re-running would quarantine them again, but it is allowed;
        // the
        // analyst fixes the mapping first: names truncated to the column's 20 characters
        String mapping = this.mvc.perform(get("/api/v1/projects/" + setup.project() + "/mapping").with(setup.auth()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        DocumentContext document = JsonPath.parse(mapping);
        document.add("$.objects[?(@.target=='deals')].fields[?(@.target=='name')].transforms",
                JsonPath.parse("{\"type\": \"truncate\", \"length\": 20}").json());
        this.mvc
            .perform(put("/api/v1/projects/" + setup.project() + "/mapping").with(setup.auth())
                .contentType(MediaType.APPLICATION_JSON)
                .content(document.jsonString()))
            .andExpect(status().isOk());

        String started = this.mvc.perform(post("/api/v1/runs/" + first + "/rerun-quarantined").with(setup.auth()))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.status").exists())
            .andExpect(jsonPath("$.mode").value("RERUN"))
            .andExpect(jsonPath("$.rerunOf").value(first))
            .andReturn()
            .getResponse()
            .getContentAsString();
        long rerun = ((Number) JsonPath.read(started, "$.id")).longValue();
        String again = setup.await(this.mvc, rerun, "COMPLETED");
        assertThat((Boolean) JsonPath.read(again, "$.balanced")).isTrue();
        assertThat((Integer) JsonPath.read(again, "$.mappingVersion"))
            .isGreaterThan((Integer) JsonPath.read(done, "$.mappingVersion"));
        assertThat(counts(again, "Opportunity")).containsEntry("extracted", longNames)
            .containsEntry("processed", longNames)
            .containsEntry("created", longNames)
            .containsEntry("quarantined", 0)
            .containsEntry("updated", 0)
            .containsEntry("unchanged", 0)
            .containsEntry("deleted", 0);
        for (String object : List.of("Account", "Contact")) {
            assertThat(counts(again, object)).containsEntry("extracted", 0)
                .containsEntry("processed", 0)
                .containsEntry("created", 0)
                .containsEntry("updated", 0);
        }
        assertThat(sourceIds(setup, rerun, null)).containsExactlyInAnyOrderElementsOf(quarantined);
        assertThat(sourceIds(setup, rerun, "CREATED")).containsExactlyInAnyOrderElementsOf(quarantined);
        try (Connection target = DriverManager.getConnection(setup.url(), "postgres", "");
                Statement sql = target.createStatement()) {
            assertThat(Mashmatrix.single(sql, "select count(*) from deals")).isEqualTo(774);
            assertThat(Mashmatrix.single(sql, "select count(distinct source_id) from deals")).isEqualTo(774);
            assertThat(Mashmatrix.single(sql, "select count(*) from deals where length(name) = 20"
                    + " and source_id in ('" + String.join("', '", quarantined) + "')"))
                .isEqualTo(longNames);
            // every row that was there before is exactly as it was
            assertThat(checksum(sql, " and source_id not in ('" + String.join("', '", quarantined) + "')"))
                .isEqualTo(before);
        }
        String xref = this.mvc.perform(get("/api/v1/projects/" + setup.project() + "/xref").with(setup.auth()))
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(xref.split("\r\n")).hasSize(1 + 83 + 133 + 774);

        // its validation accounts for exactly the records it re-ran
        String validation = Validations.validate(this.mvc, setup.auth(), rerun, null);
        assertThat((String) JsonPath.read(validation, "$.verdict")).as(validation).isEqualTo("PASS");
        List<Integer> extracted = JsonPath.read(validation, "$.reconciliation.objects[*].extracted");
        assertThat(extracted).containsExactly(0, 0, longNames);
        // "in target" is what the target holds of each mapped object (by the
        // cross-reference), not only the rows the re-run wrote
        List<Integer> inTarget = JsonPath.read(validation, "$.reconciliation.objects[*].inTarget");
        assertThat(inTarget).containsExactly(83, 133, 774);
        List<Integer> missing = JsonPath.read(validation, "$.reconciliation.objects[*].missing");
        assertThat(missing).containsExactly(0, 0, 0);

        // nothing left to re-run
        this.mvc.perform(post("/api/v1/runs/" + first + "/rerun-quarantined").with(setup.auth()))
            .andExpect(status().isConflict())
            .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("no quarantined records left")));
        String log = this.mvc.perform(get("/api/v1/runs/" + first + "/log").with(setup.auth()))
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(log).contains("Quarantined " + longNames + " records, by reason:")
            .contains(longNames + " × Opportunity → deals (name): The target refused the record")
            .contains("Its " + longNames + " quarantined records not loaded since are re-run as run " + rerun);
        assertThat(this.mvc.perform(get("/api/v1/runs/" + rerun + "/log").with(setup.auth()))
            .andReturn()
            .getResponse()
            .getContentAsString()).contains(": re-run into sandbox of the records quarantined in run " + first,
                    longNames + " records in 3 objects", "Finished COMPLETED: " + longNames + " of " + longNames
                            + " records read: " + longNames + " created");
    }

    @Test
    void aRunningRunsQuarantinedRecordsAreNotReRun() throws Exception {
        Mashmatrix setup = Mashmatrix.mapped(this.mvc, this.fixtures, this.postgres, "rerunbusy", narrowSchema());
        long id = setup.start(this.mvc, "{\"mode\": \"full\", \"recordsPerSecond\": 200}");
        setup.await(this.mvc, id, "RUNNING");
        this.mvc.perform(post("/api/v1/runs/" + id + "/rerun-quarantined").with(setup.auth()))
            .andExpect(status().isConflict())
            .andExpect(
                    jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("completed, cancelled or failed")));
        this.mvc.perform(post("/api/v1/runs/" + id + "/cancel").with(setup.auth())).andExpect(status().isOk());
        setup.await(this.mvc, id, "CANCELLED");
    }

    static String narrowSchema() {
        return TargetDatabases.demoSchema()
            .replace("name        varchar(120) not null", "name        varchar(20)  not null");
    }

    private static String checksum(Statement sql, String where) throws Exception {
        StringBuilder sums = new StringBuilder();
        for (String query : List.of("select md5(coalesce(string_agg(c::text, '|' order by c.id), '')) from companies c",
                "select md5(coalesce(string_agg(p::text, '|' order by p.id), '')) from people p",
                "select md5(coalesce(string_agg(d::text, '|' order by d.id), '')) from deals d where true" + where)) {
            try (java.sql.ResultSet rs = sql.executeQuery(query)) {
                rs.next();
                sums.append(rs.getString(1)).append(' ');
            }
        }
        return sums.toString();
    }

    private List<String> sourceIds(Mashmatrix setup, long run, String outcome) throws Exception {
        var request = get("/api/v1/runs/" + run + "/ledger").param("size", "1000").with(setup.auth());
        if (outcome != null) {
            request = request.param("outcome", outcome);
        }
        String json = this.mvc.perform(request)
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        return JsonPath.read(json, "$.entries[*].sourceId");
    }

}
