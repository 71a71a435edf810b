package dev.switchyard.run;

import java.util.List;

import com.jayway.jsonpath.JsonPath;
import dev.switchyard.admin.AppUser;
import dev.switchyard.project.EnvironmentKind;
import dev.switchyard.project.ProjectService;
import dev.switchyard.scope.ScopeStatus;
import dev.switchyard.support.Fixtures;
import dev.switchyard.support.IntegrationTest;
import dev.switchyard.support.Mashmatrix;
import dev.switchyard.support.TargetDatabases;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What a run uses of the scope: a sandbox run applies the latest version, draft or not,
 * and says so in its JSON (the API asks nothing more, the browser form asks to confirm
 * the unapproved version); staging and production run only an approved version and are
 * refused, naming the missing approval, without one; a newer draft never reaches staging.
 */
@IntegrationTest
class RunScopeIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    EmbeddedPostgres postgres;

    @Autowired
    ProjectService projects;

    @Autowired
    RunScopes scopes;

    @Test
    void sandboxRunsTheLatestDraftWhileStagingAndProductionWaitForAnApprovedScope() throws Exception {
        Mashmatrix setup = Mashmatrix.mapped(this.mvc, this.fixtures, this.postgres, "scoperun",
                TargetDatabases.demoSchema());
        AppUser stakeholder = this.fixtures.user("scoperun-stakeholder");
        this.fixtures.as(Fixtures.ADMIN,
                () -> this.projects.addMember(setup.project(), stakeholder.getUsername(), "STAKEHOLDER"));
        RequestPostProcessor asStakeholder = httpBasic(stakeholder.getUsername(), Fixtures.PASSWORD);
        TargetDatabases.connect(this.mvc, setup.project(), "staging",
                TargetDatabases.create(this.postgres, "staging", TargetDatabases.demoSchema()), setup.auth());
        String runs = "/api/v1/projects/" + setup.project() + "/runs";
        String scope = "/api/v1/projects/" + setup.project() + "/scope";

        // the start form's statement: sandbox the draft, staging nothing until approved
        List<RunUses> uses = this.fixtures.as(setup.analyst(), () -> this.scopes.uses(setup.project()));
        RunUses sandbox = uses.stream().filter((u) -> u.kind() == EnvironmentKind.SANDBOX).findFirst().orElseThrow();
        assertThat(sandbox.scopeVersion()).isEqualTo(1);
        assertThat(sandbox.scopeStatus()).isEqualTo(ScopeStatus.DRAFT);
        assertThat(sandbox.unapprovedScope()).isTrue();
        assertThat(sandbox.snapshotId()).isNotNull();
        assertThat(sandbox.mappingVersion()).isPositive();
        RunUses staging = uses.stream().filter((u) -> u.kind() == EnvironmentKind.STAGING).findFirst().orElseThrow();
        assertThat(staging.scopeVersion()).isNull();
        assertThat(staging.refusal()).contains("needs an approved scope", "scope v1 is a draft");

        // the API starts a sandbox run of the draft with no extra field, and says what it
        // applies
        String started = this.mvc
            .perform(post(runs).with(setup.auth()).contentType(MediaType.APPLICATION_JSON).content("{}"))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.scopeVersion").value(1))
            .andExpect(jsonPath("$.scopeStatus").value("DRAFT"))
            .andReturn()
            .getResponse()
            .getContentAsString();
        long first = ((Number) JsonPath.read(started, "$.id")).longValue();
        String done = setup.await(this.mvc, first, "COMPLETED");
        assertThat((String) JsonPath.read(done, "$.scopeStatus")).isEqualTo("DRAFT");

        // staging and production: 409 naming the approval that is missing
        for (String environment : List.of("staging", "production")) {
            this.mvc
                .perform(post(runs).with(setup.auth())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"environment\": \"" + environment + "\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(allOf(containsString("needs an approved scope"),
                        containsString("scope v1 is a draft: submit it and have a stakeholder approve it"))));
        }
        // the browser's form: 409 too, as a message on the runs tab
        this.mvc
            .perform(post("/projects/" + setup.project() + "/runs").param("environment", "staging")
                .with(this.fixtures.login(setup.analyst()))
                .with(csrf()))
            .andExpect(redirectedUrlPattern("/projects/*/runs"))
            .andExpect(flash().attribute("flashError", containsString("needs an approved scope")));

        // the browser's form asks to confirm a sandbox run of the draft, for that version
        this.mvc
            .perform(post("/projects/" + setup.project() + "/runs").param("environment", "sandbox")
                .with(this.fixtures.login(setup.analyst()))
                .with(csrf()))
            .andExpect(redirectedUrlPattern("/projects/*/runs"))
            .andExpect(flash().attribute("flashError",
                    containsString("Scope v1 is draft, not approved: confirm that this sandbox run applies it")));
        this.mvc
            .perform(post("/projects/" + setup.project() + "/runs").param("environment", "sandbox")
                .param("confirmScope", "7")
                .with(this.fixtures.login(setup.analyst()))
                .with(csrf()))
            .andExpect(flash().attribute("flashError", containsString("confirm")));
        String location = this.mvc
            .perform(post("/projects/" + setup.project() + "/runs").param("environment", "sandbox")
                .param("confirmScope", "1")
                .with(this.fixtures.login(setup.analyst()))
                .with(csrf()))
            .andExpect(redirectedUrlPattern("/projects/*/runs/*"))
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
        long confirmed = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        setup.await(this.mvc, confirmed, "COMPLETED");

        // submitted: still not approved
        this.mvc.perform(post(scope + "/submit").with(setup.auth())).andExpect(status().isOk());
        this.mvc
            .perform(post(runs).with(setup.auth())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"environment\": \"staging\"}"))
            .andExpect(status().isConflict())
            .andExpect(jsonPath("$.detail")
                .value(containsString("scope v1 is submitted and waits for a stakeholder's approval")));
        this.mvc.perform(post(scope + "/approve").with(asStakeholder)).andExpect(status().isOk());

        // a newer draft: sandbox takes it, staging keeps the approved version
        String v1 = this.mvc.perform(get(scope).with(setup.auth())).andReturn().getResponse().getContentAsString();
        assertThat((String) JsonPath.read(v1, "$.status")).isEqualTo("APPROVED");
        this.mvc.perform(put(scope).with(setup.auth()).contentType(MediaType.APPLICATION_JSON).content("""
                {"version":1,"lines":[
                  {"object":"Account","decision":"MIGRATE"},
                  {"object":"Contact","decision":"MIGRATE"},
                  {"object":"Opportunity","decision":"MIGRATE","rationale":"Reworded after the approval"}]}"""))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.version").value(2))
            .andExpect(jsonPath("$.status").value("DRAFT"));
        uses = this.fixtures.as(setup.analyst(), () -> this.scopes.uses(setup.project()));
        staging = uses.stream().filter((u) -> u.kind() == EnvironmentKind.STAGING).findFirst().orElseThrow();
        assertThat(staging.scopeVersion()).isEqualTo(1);
        assertThat(staging.scopeStatus()).isEqualTo(ScopeStatus.APPROVED);
        assertThat(staging.newerVersion()).isEqualTo(2);
        assertThat(staging.unapprovedScope()).isFalse();

        String stagingRun = this.mvc
            .perform(post(runs).with(setup.auth())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"environment\": \"staging\"}"))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.scopeVersion").value(1))
            .andExpect(jsonPath("$.scopeStatus").value("APPROVED"))
            .andReturn()
            .getResponse()
            .getContentAsString();
        String sandboxRun = this.mvc
            .perform(post(runs).with(setup.auth()).contentType(MediaType.APPLICATION_JSON).content("{}"))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.scopeVersion").value(2))
            .andExpect(jsonPath("$.scopeStatus").value("DRAFT"))
            .andReturn()
            .getResponse()
            .getContentAsString();
        setup.await(this.mvc, ((Number) JsonPath.read(sandboxRun, "$.id")).longValue(), "COMPLETED");
        setup.await(this.mvc, ((Number) JsonPath.read(stagingRun, "$.id")).longValue(), "COMPLETED");
        // the staging run's log says what it applied
        String log = this.mvc
            .perform(get("/api/v1/runs/" + JsonPath.read(stagingRun, "$.id") + "/log").with(setup.auth()))
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(log).contains("scope v1 (approved)");
    }

}
