package dev.switchyard.cutover;

import java.time.Duration;

import com.jayway.jsonpath.JsonPath;

import dev.switchyard.admin.AppUser;
import dev.switchyard.project.ProjectService;
import dev.switchyard.support.Fixtures;
import dev.switchyard.support.Mashmatrix;
import dev.switchyard.support.TargetDatabases;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A mashmatrix project ready for a cutover, through the API: a staging target, the scope
 * approved by a stakeholder, a tester; and the steps of an execution.
 *
 * @param setup the mapped project
 * @param stakeholder the stakeholder's user name
 * @param tester the tester's user name
 */
record CutoverSteps(Mashmatrix setup, String stakeholder, String tester) {

    static CutoverSteps ready(MockMvc mvc, Fixtures fixtures, ProjectService projects, EmbeddedPostgres postgres,
            String prefix) throws Exception {
        Mashmatrix setup = Mashmatrix.mapped(mvc, fixtures, postgres, prefix, TargetDatabases.demoSchema());
        AppUser stakeholder = fixtures.user(prefix + "-stakeholder");
        AppUser tester = fixtures.user(prefix + "-tester");
        fixtures.as(Fixtures.ADMIN,
                () -> projects.addMember(setup.project(), stakeholder.getUsername(), "STAKEHOLDER"));
        fixtures.as(Fixtures.ADMIN, () -> projects.addMember(setup.project(), tester.getUsername(), "TESTER"));
        TargetDatabases.connect(mvc, setup.project(), "staging",
                TargetDatabases.create(postgres, "staging", TargetDatabases.demoSchema()), setup.auth());
        String scope = "/api/v1/projects/" + setup.project() + "/scope";
        mvc.perform(post(scope + "/submit").with(setup.auth())).andExpect(status().isOk());
        mvc.perform(post(scope + "/approve").with(httpBasic(stakeholder.getUsername(), Fixtures.PASSWORD)))
            .andExpect(status().isOk());
        return new CutoverSteps(setup, stakeholder.getUsername(), tester.getUsername());
    }

    String base() {
        return "/api/v1/projects/" + this.setup.project() + "/cutover";
    }

    RequestPostProcessor as(String username) {
        return httpBasic(username, Fixtures.PASSWORD);
    }

    /**
     * Adds a task through the API.
     * @return its id
     */
    long task(MockMvc mvc, String json) throws Exception {
        String body = mvc.perform(
                post(base() + "/tasks").with(this.setup.auth()).contentType(MediaType.APPLICATION_JSON).content(json))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    long start(MockMvc mvc, String mode) throws Exception {
        String body = mvc
            .perform(post(base() + "/executions").with(this.setup.auth())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"mode\":\"" + mode + "\"}"))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    String execution(MockMvc mvc, long execution) throws Exception {
        return mvc.perform(get(base() + "/executions/" + execution).with(this.setup.auth()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    }

    /**
     * Polls the execution until the task at the position is done.
     * @return the execution's JSON then
     */
    String awaitDone(MockMvc mvc, long execution, int position) throws Exception {
        String[] json = new String[1];
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> {
            json[0] = execution(mvc, execution);
            String status = JsonPath.read(json[0], "$.tasks[" + (position - 1) + "].status");
            if (status.equals("FAILED")) {
                throw new AssertionError("Task " + position + " failed: " + json[0]);
            }
            return status.equals("DONE");
        });
        return json[0];
    }

}
