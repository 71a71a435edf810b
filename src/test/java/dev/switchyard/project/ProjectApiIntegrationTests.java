package dev.switchyard.project;

import dev.switchyard.admin.AppUser;
import dev.switchyard.support.Fixtures;
import dev.switchyard.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class ProjectApiIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Test
    void createsAProjectWithDefaultEnvironmentsAndTheCreatorAsAnalyst() throws Exception {
        AppUser analyst = this.fixtures.user("analyst");
        String name = Fixtures.unique("Api project");
        this.mvc
            .perform(post("/api/v1/projects").with(httpBasic(analyst.getUsername(), Fixtures.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"" + name + "\",\"description\":\"From the API\"}"))
            .andExpect(status().isCreated())
            .andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/api/v1/projects/")))
            .andExpect(jsonPath("$.id").isNumber())
            .andExpect(jsonPath("$.name").value(name))
            .andExpect(jsonPath("$.environments[*].name")
                .value(org.hamcrest.Matchers.contains("sandbox", "staging", "production")))
            .andExpect(jsonPath("$.members[0].username").value(analyst.getUsername()))
            .andExpect(jsonPath("$.members[0].roles[0]").value("ANALYST"));
    }

    @Test
    void refusesADuplicateNameWithConflictAndABlankNameAsInvalid() throws Exception {
        AppUser analyst = this.fixtures.user("analyst");
        Project existing = this.fixtures.project(analyst.getUsername());
        this.mvc
            .perform(post("/api/v1/projects").with(httpBasic(analyst.getUsername(), Fixtures.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"" + existing.getName().toUpperCase() + "\"}"))
            .andExpect(status().isConflict())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
            .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("already exists")));
        this.mvc
            .perform(post("/api/v1/projects").with(httpBasic(analyst.getUsername(), Fixtures.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"  \"}"))
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.errors.name").value("Give the project a name"));
        this.mvc
            .perform(post("/api/v1/projects").with(httpBasic(analyst.getUsername(), Fixtures.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{not json"))
            .andExpect(status().isBadRequest())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void listsOnlyTheProjectsAUserIsAMemberOf() throws Exception {
        AppUser analyst = this.fixtures.user("analyst");
        AppUser other = this.fixtures.user("other");
        Project mine = this.fixtures.project(analyst.getUsername());
        Project theirs = this.fixtures.project(other.getUsername());
        this.mvc.perform(get("/api/v1/projects").with(httpBasic(analyst.getUsername(), Fixtures.PASSWORD)))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$[*].name").value(hasItem(mine.getName())))
            .andExpect(jsonPath("$[*].name").value(not(hasItem(theirs.getName()))));
        this.mvc.perform(get("/api/v1/projects").with(httpBasic(Fixtures.ADMIN, Fixtures.ADMIN_PASSWORD)))
            .andExpect(jsonPath("$[*].name").value(hasItem(theirs.getName())));
        this.mvc
            .perform(
                    get("/api/v1/projects/" + theirs.getId()).with(httpBasic(analyst.getUsername(), Fixtures.PASSWORD)))
            .andExpect(status().isForbidden())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        this.mvc.perform(get("/api/v1/projects/987654321").with(httpBasic(Fixtures.ADMIN, Fixtures.ADMIN_PASSWORD)))
            .andExpect(status().isNotFound())
            .andExpect(jsonPath("$.detail").value("Project 987654321 does not exist"));
    }

    @Test
    void analystAddsMembersButNobodyGrantsThemselvesARole() throws Exception {
        AppUser analyst = this.fixtures.user("analyst");
        AppUser stakeholder = this.fixtures.user("stakeholder");
        Project project = this.fixtures.project(analyst.getUsername());
        String url = "/api/v1/projects/" + project.getId() + "/members";
        this.mvc
            .perform(post(url).with(httpBasic(analyst.getUsername(), Fixtures.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"" + stakeholder.getUsername() + "\",\"role\":\"stakeholder\"}"))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.username").value(stakeholder.getUsername()))
            .andExpect(jsonPath("$.roles[0]").value("STAKEHOLDER"));
        this.mvc
            .perform(post(url).with(httpBasic(analyst.getUsername(), Fixtures.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"" + stakeholder.getUsername() + "\",\"role\":\"STAKEHOLDER\"}"))
            .andExpect(status().isConflict());
        this.mvc
            .perform(post(url).with(httpBasic(analyst.getUsername(), Fixtures.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"" + analyst.getUsername() + "\",\"role\":\"STAKEHOLDER\"}"))
            .andExpect(status().isForbidden());
        this.mvc
            .perform(post(url).with(httpBasic(analyst.getUsername(), Fixtures.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"nobody-at-all\",\"role\":\"TESTER\"}"))
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.errors.username").exists());
        this.mvc
            .perform(post(url).with(httpBasic(analyst.getUsername(), Fixtures.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"" + stakeholder.getUsername() + "\",\"role\":\"BOSS\"}"))
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.errors.role").exists());
        // a stakeholder may see the project but not manage its members
        this.mvc
            .perform(post(url).with(httpBasic(stakeholder.getUsername(), Fixtures.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"" + analyst.getUsername() + "\",\"role\":\"TESTER\"}"))
            .andExpect(status().isForbidden());
    }

    @Test
    void onlyAdministratorsCreateUsers() throws Exception {
        AppUser plain = this.fixtures.user("plain");
        String username = Fixtures.unique("apiuser");
        String body = "{\"username\":\"" + username + "\",\"password\":\"long-enough-pw\",\"admin\":false}";
        this.mvc
            .perform(post("/api/v1/users").with(httpBasic(plain.getUsername(), Fixtures.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body))
            .andExpect(status().isForbidden());
        this.mvc
            .perform(post("/api/v1/users").with(httpBasic(Fixtures.ADMIN, Fixtures.ADMIN_PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.username").value(username))
            .andExpect(jsonPath("$.admin").value(false));
        this.mvc
            .perform(post("/api/v1/users").with(httpBasic(Fixtures.ADMIN, Fixtures.ADMIN_PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body))
            .andExpect(status().isConflict());
        this.mvc
            .perform(post("/api/v1/users").with(httpBasic(Fixtures.ADMIN, Fixtures.ADMIN_PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"" + Fixtures.unique("u") + "\",\"password\":\"short\"}"))
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.errors.password").value("Password must have at least 8 characters"));
        this.mvc.perform(get("/api/v1/me").with(httpBasic(username, "long-enough-pw")))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.username").value(username))
            .andExpect(jsonPath("$.admin").value(false));
    }

}
