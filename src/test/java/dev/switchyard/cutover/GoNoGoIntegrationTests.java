package dev.switchyard.cutover;

import dev.switchyard.project.ProjectService;
import dev.switchyard.support.Fixtures;
import dev.switchyard.support.IntegrationTest;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The go/no-go: gates agreed beforehand are evaluated from the run the execution launched
 * and its validation; a failing gate blocks a go decision until a stakeholder waives it
 * with a reason (audited); votes are named, commented and audited.
 */
@IntegrationTest
class GoNoGoIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ProjectService projects;

    @Autowired
    EmbeddedPostgres postgres;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aFailingGateBlocksGoUntilAStakeholderWaivesItWithAReason() throws Exception {
        CutoverSteps steps = CutoverSteps.ready(this.mvc, this.fixtures, this.projects, this.postgres, "gonogo");
        long run = steps.task(this.mvc, "{\"stream\":\"load\",\"name\":\"Full run\",\"owner\":\""
                + steps.setup().analyst() + "\",\"plannedMinutes\":30,\"action\":\"full_run\"}");
        this.mvc
            .perform(put(steps.base() + "/gates").with(steps.as(steps.tester()))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"quarantineRate\":5}"))
            .andExpect(status().isForbidden());
        this.mvc
            .perform(put(steps.base() + "/gates").with(steps.as(steps.stakeholder()))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"quarantineRate\":101}"))
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.errors.quarantine_rate").value("The quarantine rate is a percentage from 0 to 100"));
        this.mvc
            .perform(put(steps.base() + "/gates").with(steps.as(steps.stakeholder()))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"quarantineRate\":100,\"validationVerdict\":1}"))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.quarantineRate").value(100))
            .andExpect(jsonPath("$.reconciliationVariance").doesNotExist());

        long execution = steps.start(this.mvc, "rehearsal");
        String path = steps.base() + "/executions/" + execution;
        // before any run: both gates fail, saying why
        this.mvc.perform(get(path + "/go-no-go").with(steps.setup().auth()))
            .andExpect(jsonPath("$.gates[0].kind").value("QUARANTINE_RATE"))
            .andExpect(jsonPath("$.gates[0].passed").value(false))
            .andExpect(jsonPath("$.gates[0].actual").value("no run was launched by this execution"));
        this.mvc.perform(post(path + "/tasks/" + run + "/start").with(steps.setup().auth())).andExpect(status().isOk());
        steps.awaitDone(this.mvc, execution, 1);
        // the run's quarantine rate passes; there is no validation, so the verdict fails
        this.mvc.perform(get(path + "/go-no-go").with(steps.setup().auth()))
            .andExpect(jsonPath("$.gates[0].passed").value(true))
            .andExpect(jsonPath("$.gates[0].actual").value(containsString("% (")))
            .andExpect(jsonPath("$.gates[1].kind").value("VALIDATION_VERDICT"))
            .andExpect(jsonPath("$.gates[1].passed").value(false));

        // votes: named, with a comment, by stakeholders and testers only
        this.mvc
            .perform(post(path + "/votes").with(steps.setup().auth())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"vote\":\"go\",\"comment\":\"ok\"}"))
            .andExpect(status().isForbidden());
        this.mvc
            .perform(post(path + "/votes").with(steps.as(steps.tester()))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"vote\":\"go\"}"))
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.errors.comment").value(containsString("Say why")));
        this.mvc
            .perform(post(path + "/votes").with(steps.as(steps.tester()))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"vote\":\"no_go\",\"comment\":\"Validation not run yet\"}"))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.votes[0].username").value(steps.tester()))
            .andExpect(jsonPath("$.votes[0].role").value("TESTER"))
            .andExpect(jsonPath("$.votes[0].vote").value("NO_GO"));

        // the decision: a stakeholder's; go is blocked while a gate fails
        this.mvc
            .perform(post(path + "/decision").with(steps.as(steps.tester()))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"decision\":\"go\"}"))
            .andExpect(status().isForbidden());
        this.mvc
            .perform(post(path + "/decision").with(steps.as(steps.stakeholder()))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"decision\":\"go\"}"))
            .andExpect(status().isConflict())
            .andExpect(jsonPath("$.detail").value(containsString("A gate fails: Validation verdict")))
            .andExpect(jsonPath("$.detail").value(containsString("needs a stakeholder's waiver with a reason")));
        assertThat(this.jdbc.queryForObject("select count(*) from cutover_decision where execution_id = ?",
                Integer.class, execution))
            .isZero();
        this.mvc
            .perform(post(path + "/decision").with(steps.as(steps.stakeholder()))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"decision\":\"go\",\"comment\":\"Rehearsal only\",\"waiver\":\"Validated by hand\"}"))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.decision.decision").value("GO"))
            .andExpect(jsonPath("$.decision.decidedBy").value(steps.stakeholder()))
            .andExpect(jsonPath("$.decision.waiver").value("Validated by hand"));
        this.mvc
            .perform(post(path + "/decision").with(steps.as(steps.stakeholder()))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"decision\":\"no_go\"}"))
            .andExpect(status().isConflict());
        this.mvc
            .perform(post(path + "/votes").with(steps.as(steps.stakeholder()))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"vote\":\"go\",\"comment\":\"late\"}"))
            .andExpect(status().isConflict());

        // audited: the vote, the waiver with its reason, the decision
        assertThat(this.jdbc.queryForList(
                "select action || ': ' || summary from audit_event where project_id = ? and entity_type = 'Cutover'"
                        + " and action in ('voted', 'gates waived', 'decided') order by id",
                String.class, steps.setup().project()))
            .containsExactly(
                    "voted: tester " + steps.tester() + ": No-go on rehearsal " + execution
                            + ": Validation not run yet",
                    "gates waived: Failing: Validation verdict (the run has no finished validation). Reason: "
                            + "Validated by hand",
                    "decided: Go for rehearsal " + execution + ": Rehearsal only (gates waived)");
        this.mvc
            .perform(get("/projects/" + steps.setup().project() + "/cutover/executions/" + execution + "/record")
                .with(this.fixtures.login(steps.tester())))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("Decision: Go")))
            .andExpect(content().string(containsString("Gates waived")))
            .andExpect(content().string(containsString("Validation not run yet")));
    }

}
