package dev.switchyard.run;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import dev.switchyard.support.Fixtures;
import dev.switchyard.support.IntegrationTest;
import dev.switchyard.support.Mashmatrix;
import dev.switchyard.support.TargetDatabases;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A run's downloadable log: what a real run did, line by line, from its start with what
 * it applies to its balanced finish, with a pause and a resume in between; an abort by
 * the error threshold with the reasons records were quarantined for.
 */
@IntegrationTest
class RunLogIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    EmbeddedPostgres postgres;

    @Test
    void theLogTellsWhatARunDidFromItsStartToItsBalance() throws Exception {
        Mashmatrix setup = Mashmatrix.mapped(this.mvc, this.fixtures, this.postgres, "logger",
                TargetDatabases.demoSchema());
        long id = setup.start(this.mvc, "{\"mode\": \"full\", \"recordsPerSecond\": 400}");
        setup.await(this.mvc, id, "RUNNING");
        // pause once a chunk of the opportunities (774 records, four chunks) is
        // committed, so that the resume continues after it
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> {
            String run = this.mvc.perform(get("/api/v1/runs/" + id).with(setup.auth()))
                .andReturn()
                .getResponse()
                .getContentAsString();
            return ((Number) com.jayway.jsonpath.JsonPath.read(run, "$.objects[2].processed")).longValue() > 0;
        });
        this.mvc.perform(post("/api/v1/runs/" + id + "/pause").with(setup.auth())).andExpect(status().isOk());
        setup.await(this.mvc, id, "PAUSED");
        this.mvc.perform(post("/api/v1/runs/" + id + "/resume").with(setup.auth())).andExpect(status().isOk());
        String done = setup.await(this.mvc, id, "COMPLETED");

        MvcResult result = this.mvc.perform(get("/api/v1/runs/" + id + "/log").with(setup.auth()))
            .andExpect(status().isOk())
            .andReturn();
        assertThat(result.getResponse().getContentType()).startsWith("text/plain");
        assertThat(result.getResponse().getHeader("Content-Disposition"))
            .isEqualTo("attachment; filename=\"run-" + id + ".log\"");
        String log = result.getResponse().getContentAsString();
        List<String> lines = log.lines().toList();
        Instant previous = Instant.EPOCH;
        for (String line : lines) {
            assertThat(line).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,3})?Z  \\S.*");
            Instant at = Instant.parse(line.substring(0, line.indexOf(' ')));
            assertThat(at).isAfterOrEqualTo(previous);
            previous = at;
        }
        assertThat(lines.get(0)).contains("Started on ",
                ": full run into sandbox from extraction " + JsonPath.read(done, "$.snapshotId") + ", mapping v"
                        + JsonPath.read(done, "$.mappingVersion"),
                "990 records in 3 objects", "chunks of 200 records", "throttled to 400 records/s", "no error threshold",
                "delete policy report", "requested by " + setup.analyst());
        assertThat(log).containsSubsequence("Account → companies: started, 83 records to read",
                "Pause requested by " + setup.analyst(), "Paused after the last committed chunk: ",
                "Resume requested by " + setup.analyst() + " (was PAUSED)", "Resumed on ", "continues after ",
                "Opportunity → deals: completed, 774 of 774 records read: 774 created, 0 updated, 0 unchanged, "
                        + "0 quarantined, 0 excluded, 0 archived",
                "Contact → people: second pass (reports_to_id) completed",
                "Finished COMPLETED: 990 of 990 records read: 990 created, 0 updated, 0 unchanged, 0 quarantined, "
                        + "0 excluded, 0 archived; the ledger balances");
        assertThat(log).contains("Account → companies: completed, 83 of 83 records read: 83 created",
                "Contact → people: completed, 133 of 133 records read: 133 created");
        assertThat(lines.get(lines.size() - 1)).contains("Finished COMPLETED");

        // the same download from the run page, for a member signed in
        MvcResult page = this.mvc
            .perform(get("/projects/" + setup.project() + "/runs/" + id + "/log")
                .with(this.fixtures.login(setup.analyst())))
            .andExpect(status().isOk())
            .andReturn();
        assertThat(page.getResponse().getHeader("Content-Disposition")).startsWith("attachment");
        assertThat(page.getResponse().getContentAsString()).isEqualTo(log);
    }

    @Test
    void anAbortByTheErrorThresholdIsLoggedWithTheQuarantineReasons() throws Exception {
        Mashmatrix setup = Mashmatrix.mapped(this.mvc, this.fixtures, this.postgres, "threshold",
                RunRerunIntegrationTests.narrowSchema());
        long id = setup.start(this.mvc, "{\"mode\": \"full\", \"errorThreshold\": 0.5}");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        String status = "";
        while (Instant.now().isBefore(deadline) && !status.equals("FAILED")) {
            Thread.sleep(200);
            status = JsonPath.read(this.mvc.perform(get("/api/v1/runs/" + id).with(setup.auth()))
                .andReturn()
                .getResponse()
                .getContentAsString(), "$.status");
        }
        assertThat(status).isEqualTo("FAILED");
        String log = this.mvc.perform(get("/api/v1/runs/" + id + "/log").with(setup.auth()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        String quarantined = JsonPath
            .read(this.mvc.perform(get("/api/v1/runs/" + id).with(setup.auth()))
                .andReturn()
                .getResponse()
                .getContentAsString(), "$.objects[2].quarantined")
            .toString();
        assertThat(Integer.parseInt(quarantined)).isPositive();
        assertThat(log).containsSubsequence("error threshold 0.50% quarantined", "Opportunity → deals: started",
                "Opportunity → deals: failed, ", quarantined + " quarantined",
                "Error threshold exceeded. Aborted: " + quarantined + " of ", "more than the run's threshold of 0.50%",
                "Quarantined " + quarantined + " records, by reason:",
                quarantined + " × Opportunity → deals (name): The target refused the record");
    }

}
