package dev.switchyard.cutover;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;

import dev.switchyard.project.ProjectService;
import dev.switchyard.support.Fixtures;
import dev.switchyard.support.IntegrationTest;
import dev.switchyard.support.Mashmatrix;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The source freeze: the freeze time is recorded; the latest extraction before it cannot
 * show later changes and says so; a record modified in the source after the freeze is
 * named (object, id, timestamp) once an extraction read it.
 */
@IntegrationTest
class FreezeBreachIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ProjectService projects;

    @Autowired
    EmbeddedPostgres postgres;

    @Test
    void aRecordChangedAfterTheFreezeIsNamed() throws Exception {
        CutoverSteps steps = CutoverSteps.ready(this.mvc, this.fixtures, this.projects, this.postgres, "freeze");
        steps.task(this.mvc, "{\"stream\":\"source_freeze\",\"name\":\"Freeze\",\"owner\":\"" + steps.setup().analyst()
                + "\",\"plannedMinutes\":10}");
        long execution = steps.start(this.mvc, "rehearsal");
        String path = steps.base() + "/executions/" + execution;
        this.mvc.perform(get(path + "/freeze-breaches").with(steps.setup().auth()))
            .andExpect(status().isConflict())
            .andExpect(jsonPath("$.detail").value("No freeze time is recorded yet"));
        this.mvc
            .perform(post(path + "/freeze").with(steps.setup().auth())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"at\":\"" + Instant.now().plus(1, ChronoUnit.HOURS) + "\"}"))
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.errors.freezeAt").value(containsString("not in the future")));
        Instant freeze = Instant.now().plusSeconds(1).truncatedTo(ChronoUnit.SECONDS);
        this.mvc
            .perform(post(path + "/freeze").with(steps.setup().auth())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"at\":\"" + freeze + "\"}"))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.freezeAt").value(freeze.toString()));

        // the extraction before the freeze: nothing named, and it says it cannot tell
        this.mvc.perform(get(path + "/freeze-breaches").with(steps.setup().auth()))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.afterFreeze").value(false))
            .andExpect(jsonPath("$.count").value(0));

        // somebody edits an account in the source after the freeze
        String changedAt = freeze.plusSeconds(30).toString();
        List<Map<String, String>> accounts = Mashmatrix.rows("Account.csv");
        String edited = accounts.get(2).get("Id");
        steps.setup().changeSource(this.mvc, Map.of("Account.csv", Mashmatrix.rewrite("Account.csv", (rows) -> {
            rows.get(2).put("Name", "Edited during the freeze");
            rows.get(2).put("LastModifiedDate", changedAt);
            rows.get(2).put("SystemModstamp", changedAt);
            return rows;
        })));
        String report = this.mvc.perform(get(path + "/freeze-breaches").with(steps.setup().auth()))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.afterFreeze").value(true))
            .andExpect(jsonPath("$.count").value(1))
            .andExpect(jsonPath("$.breaches[0].object").value("Account"))
            .andExpect(jsonPath("$.breaches[0].sourceId").value(edited))
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat((String) JsonPath.read(report, "$.breaches[0].modifiedAt")).isEqualTo(changedAt);
        this.mvc
            .perform(get("/projects/" + steps.setup().project() + "/cutover/executions/" + execution)
                .with(this.fixtures.login(steps.setup().analyst())))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("Freeze breach: 1 record(s) modified after the freeze.")))
            .andExpect(content().string(containsString(edited)));
    }

}
