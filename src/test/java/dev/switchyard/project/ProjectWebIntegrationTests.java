package dev.switchyard.project;

import dev.switchyard.admin.AppUser;
import dev.switchyard.support.Fixtures;
import dev.switchyard.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class ProjectWebIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ProjectService projects;

    @Test
    void analystEditsAProjectAndAStaleVersionIsAConflictNotALostUpdate() throws Exception {
        AppUser analyst = this.fixtures.user("analyst");
        Project project = this.fixtures.project(analyst.getUsername());
        long version = project.getVersion();
        this.mvc
            .perform(post("/projects/" + project.getId() + "/edit").with(csrf())
                .with(this.fixtures.login(analyst.getUsername()))
                .param("name", project.getName() + " renamed")
                .param("description", "New words")
                .param("version", Long.toString(version)))
            .andExpect(redirectedUrl("/projects/" + project.getId()));
        this.mvc
            .perform(post("/projects/" + project.getId() + "/edit").with(csrf())
                .with(this.fixtures.login(analyst.getUsername()))
                .param("name", "Someone else's name")
                .param("version", Long.toString(version)))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("Someone else changed this project")));
        assertThat(this.projects.get(project.getId()).getName()).isEqualTo(project.getName() + " renamed");
    }

    @Test
    void archivedProjectsAreHiddenUntilAskedForAndCanBeRestored() throws Exception {
        AppUser analyst = this.fixtures.user("analyst");
        Project project = this.fixtures.project(analyst.getUsername());
        this.mvc.perform(post("/projects/" + project.getId() + "/archive").with(csrf())
            .with(this.fixtures.login(analyst.getUsername())));
        this.mvc.perform(get("/projects").with(this.fixtures.login(analyst.getUsername())))
            .andExpect(content().string(not(containsString(project.getName()))));
        this.mvc.perform(get("/projects").param("archived", "true").with(this.fixtures.login(analyst.getUsername())))
            .andExpect(content().string(containsString(project.getName())));
        this.mvc.perform(post("/projects/" + project.getId() + "/restore").with(csrf())
            .with(this.fixtures.login(analyst.getUsername())));
        assertThat(this.projects.get(project.getId()).isArchived()).isFalse();
    }

    @Test
    void projectListSearchesAndPages() throws Exception {
        AppUser analyst = this.fixtures.user("pager");
        for (int i = 0; i < 22; i++) {
            this.fixtures.project(analyst.getUsername());
        }
        this.mvc.perform(get("/projects").with(this.fixtures.login(analyst.getUsername())))
            .andExpect(content().string(containsString("Page 1 of 2 (22 in all)")));
        this.mvc.perform(get("/projects").param("page", "1").with(this.fixtures.login(analyst.getUsername())))
            .andExpect(content().string(containsString("Page 2 of 2")));
        this.mvc
            .perform(
                    get("/projects").param("q", "no-such-project-xyz").with(this.fixtures.login(analyst.getUsername())))
            .andExpect(content().string(containsString("No project matches")));
    }

    @Test
    void analystAddsAndRenamesEnvironmentsWithValidation() throws Exception {
        AppUser analyst = this.fixtures.user("analyst");
        Project project = this.fixtures.project(analyst.getUsername());
        String base = "/projects/" + project.getId() + "/environments";
        this.mvc
            .perform(post(base).with(csrf())
                .with(this.fixtures.login(analyst.getUsername()))
                .param("name", "uat")
                .param("kind", "STAGING"))
            .andExpect(redirectedUrl(base));
        this.mvc
            .perform(post(base).with(csrf())
                .with(this.fixtures.login(analyst.getUsername()))
                .param("name", "UAT")
                .param("kind", "STAGING"))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("already has an environment named")));
        this.mvc
            .perform(post(base).with(csrf())
                .with(this.fixtures.login(analyst.getUsername()))
                .param("name", "qa")
                .param("kind", ""))
            .andExpect(content().string(containsString("is not an environment kind")));
        Environment sandbox = this.projects.environments(project.getId()).get(0);
        this.mvc
            .perform(post(base + "/" + sandbox.getId() + "/rename").with(csrf())
                .with(this.fixtures.login(analyst.getUsername()))
                .param("name", "dev sandbox"))
            .andExpect(redirectedUrl(base));
        assertThat(this.projects.environments(project.getId())).extracting(Environment::getName)
            .containsExactly("dev sandbox", "staging", "production", "uat");
    }

}
