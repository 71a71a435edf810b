package dev.switchyard.cutover;

import dev.switchyard.admin.AppUser;
import dev.switchyard.project.Project;
import dev.switchyard.support.Fixtures;
import dev.switchyard.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The cutover plan through the API and the pages: the template, tasks with owners among
 * the members, dependencies only on earlier tasks, and refusals that name the field.
 */
@IntegrationTest
class CutoverPlanIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Test
    void theTemplateFillsAnEmptyPlanOnceInStreamOrder() throws Exception {
        AppUser analyst = this.fixtures.user("cutover");
        Project project = this.fixtures.project(analyst.getUsername());
        RequestPostProcessor auth = httpBasic(analyst.getUsername(), Fixtures.PASSWORD);
        String tasks = "/api/v1/projects/" + project.getId() + "/cutover";
        this.mvc.perform(post(tasks + "/template").with(auth))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$[*].stream").value(contains("COMMUNICATION", "SOURCE_FREEZE", "FINAL_EXTRACTION",
                    "LOAD", "VALIDATION", "UAT_SMOKE_TEST", "SWITCH_OVER", "SOURCE_ARCHIVE")))
            .andExpect(jsonPath("$[*].action").value(contains("MANUAL", "MANUAL", "DELTA_EXTRACTION", "DELTA_RUN",
                    "VALIDATION", "MANUAL", "MANUAL", "MANUAL")))
            .andExpect(jsonPath("$[3].dependsOn").value(contains(3)))
            .andExpect(jsonPath("$[0].owner").value(analyst.getUsername()));
        this.mvc.perform(post(tasks + "/template").with(auth))
            .andExpect(status().isConflict())
            .andExpect(jsonPath("$.detail").value(containsString("fills an empty plan only")));
    }

    @Test
    void tasksAreCheckedFieldByFieldAndWaitOnlyForEarlierTasks() throws Exception {
        AppUser analyst = this.fixtures.user("cutover");
        AppUser tester = this.fixtures.user("tester");
        AppUser outsider = this.fixtures.user("outsider");
        Project project = this.fixtures.project(analyst.getUsername());
        this.fixtures.grant(project, tester.getUsername(), "TESTER");
        RequestPostProcessor auth = httpBasic(analyst.getUsername(), Fixtures.PASSWORD);
        String tasks = "/api/v1/projects/" + project.getId() + "/cutover/tasks";

        refused(tasks, auth, "{\"stream\":\"load\",\"owner\":\"" + analyst.getUsername() + "\",\"plannedMinutes\":5}",
                "name", "Say what the task is, in a few words");
        refused(tasks, auth, "{\"stream\":\"loading\",\"name\":\"x\"}", "stream", "'loading' is not a stream");
        refused(tasks, auth, "{\"stream\":\"load\",\"name\":\"x\",\"owner\":\"" + outsider.getUsername()
                + "\",\"plannedMinutes\":5}", "owner", "'" + outsider.getUsername() + "' is not a member");
        refused(tasks, auth, "{\"stream\":\"load\",\"name\":\"x\",\"owner\":\"" + analyst.getUsername()
                + "\",\"backup\":\"" + analyst.getUsername() + "\",\"plannedMinutes\":5}", "backup",
                "someone other than the owner");
        refused(tasks, auth,
                "{\"stream\":\"load\",\"name\":\"x\",\"owner\":\"" + analyst.getUsername() + "\",\"plannedMinutes\":0}",
                "plannedMinutes", "from 1 to 10080");
        refused(tasks, auth, "{\"stream\":\"validation\",\"name\":\"x\",\"owner\":\"" + analyst.getUsername()
                + "\",\"plannedMinutes\":5,\"action\":\"validation\"}", "action", "add a run task before it");
        refused(tasks, auth, "{\"stream\":\"load\",\"name\":\"x\",\"owner\":\"" + analyst.getUsername()
                + "\",\"plannedMinutes\":5,\"dependsOn\":[1]}", "dependsOn", "Task 1 is not before task 1");

        this.mvc
            .perform(post(tasks).with(auth)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"stream\":\"communication\",\"name\":\"Tell users\",\"owner\":\"" + tester.getUsername()
                        + "\",\"backup\":\"" + analyst.getUsername() + "\",\"plannedMinutes\":10}"))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.position").value(1))
            .andExpect(jsonPath("$.backup").value(analyst.getUsername()));
        String second = this.mvc
            .perform(post(tasks).with(auth)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"stream\":\"load\",\"name\":\"Full load\",\"owner\":\"" + analyst.getUsername()
                        + "\",\"plannedMinutes\":45,\"dependsOn\":[1],\"action\":\"full_run\"}"))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.dependsOn").value(contains(1)))
            .andExpect(jsonPath("$.action").value("FULL_RUN"))
            .andReturn()
            .getResponse()
            .getContentAsString();
        long secondId = ((Number) com.jayway.jsonpath.JsonPath.read(second, "$.id")).longValue();
        this.mvc
            .perform(put(tasks + "/" + secondId).with(auth)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"stream\":\"load\",\"name\":\"Full load\",\"owner\":\"" + analyst.getUsername()
                        + "\",\"plannedMinutes\":50,\"dependsOn\":[1],\"action\":\"full_run\"}"))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.plannedMinutes").value(50));
        String firstId = com.jayway.jsonpath.JsonPath
            .read(this.mvc.perform(get(tasks).with(auth)).andReturn().getResponse().getContentAsString(), "$[0].id")
            .toString();
        this.mvc.perform(delete(tasks + "/" + firstId).with(auth))
            .andExpect(status().isConflict())
            .andExpect(jsonPath("$.detail")
                .value("Task 2 'Full load' waits for this task: remove that dependency " + "first"));
        // a tester may read the plan but not change it
        this.mvc.perform(get(tasks).with(httpBasic(tester.getUsername(), Fixtures.PASSWORD)))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$[*].name").value(contains("Tell users", "Full load")));
        this.mvc.perform(delete(tasks + "/" + secondId).with(httpBasic(tester.getUsername(), Fixtures.PASSWORD)))
            .andExpect(status().isForbidden());
        this.mvc.perform(delete(tasks + "/" + secondId).with(auth)).andExpect(status().isNoContent());
        this.mvc.perform(get(tasks).with(auth)).andExpect(jsonPath("$[*].name").value(contains("Tell users")));
    }

    @Test
    void theTaskFormShowsEachRefusalBesideItsField() throws Exception {
        AppUser analyst = this.fixtures.user("cutover");
        Project project = this.fixtures.project(analyst.getUsername());
        this.mvc
            .perform(post("/projects/" + project.getId() + "/cutover/tasks").with(csrf())
                .with(this.fixtures.login(analyst.getUsername()))
                .param("stream", "LOAD")
                .param("name", "Load")
                .param("owner", analyst.getUsername())
                .param("plannedMinutes", "ninety")
                .param("action", "MANUAL"))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("id=\"plannedMinutes-error\"")))
            .andExpect(content().string(containsString("&#39;ninety&#39; is not a whole number of minutes")));
        this.mvc
            .perform(post("/projects/" + project.getId() + "/cutover/tasks").with(csrf())
                .with(this.fixtures.login(analyst.getUsername()))
                .param("stream", "LOAD")
                .param("name", "Load")
                .param("owner", analyst.getUsername())
                .param("plannedMinutes", "90")
                .param("action", "FULL_RUN"))
            .andExpect(status().is3xxRedirection());
        this.mvc
            .perform(get("/projects/" + project.getId() + "/cutover").with(this.fixtures.login(analyst.getUsername())))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("90 min")))
            .andExpect(content().string(containsString("Full run")));
    }

    private void refused(String url, RequestPostProcessor auth, String body, String field, String message)
            throws Exception {
        this.mvc.perform(post(url).with(auth).contentType(MediaType.APPLICATION_JSON).content(body))
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.errors." + field).value(containsString(message)));
    }

}
