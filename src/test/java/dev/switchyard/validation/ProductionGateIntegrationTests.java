package dev.switchyard.validation;

import com.jayway.jsonpath.JsonPath;
import dev.switchyard.admin.AppUser;
import dev.switchyard.project.ProjectService;
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
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The production gate: with an approved scope, a production run still waits for a staging
 * run of the same mapping and scope whose validation a project tester signed off; only a
 * tester decides, a rejection needs findings, a decision is made once.
 */
@IntegrationTest
class ProductionGateIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    EmbeddedPostgres postgres;

    @Autowired
    ProjectService projects;

    @Test
    void productionWaitsForASignedOffStagingValidation() throws Exception {
        Mashmatrix setup = Mashmatrix.mapped(this.mvc, this.fixtures, this.postgres, "gate",
                TargetDatabases.demoSchema());
        AppUser stakeholder = this.fixtures.user("gate-stakeholder");
        AppUser tester = this.fixtures.user("gate-tester");
        this.fixtures.as(Fixtures.ADMIN,
                () -> this.projects.addMember(setup.project(), stakeholder.getUsername(), "STAKEHOLDER"));
        this.fixtures.as(Fixtures.ADMIN,
                () -> this.projects.addMember(setup.project(), tester.getUsername(), "TESTER"));
        RequestPostProcessor asTester = httpBasic(tester.getUsername(), Fixtures.PASSWORD);
        String scope = "/api/v1/projects/" + setup.project() + "/scope";
        this.mvc.perform(post(scope + "/submit").with(setup.auth())).andExpect(status().isOk());
        this.mvc.perform(post(scope + "/approve").with(httpBasic(stakeholder.getUsername(), Fixtures.PASSWORD)))
            .andExpect(status().isOk());
        TargetDatabases.connect(this.mvc, setup.project(), "staging",
                TargetDatabases.create(this.postgres, "staging", TargetDatabases.demoSchema()), setup.auth());
        TargetDatabases.connect(this.mvc, setup.project(), "production",
                TargetDatabases.create(this.postgres, "production", TargetDatabases.demoSchema()), setup.auth());

        String runs = "/api/v1/projects/" + setup.project() + "/runs";
        this.mvc
            .perform(post(runs).with(setup.auth())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"environment\": \"production\"}"))
            .andExpect(status().isConflict())
            .andExpect(jsonPath("$.detail").value(containsString("tester signed off")));

        long staging = setup.start(this.mvc, "{\"environment\": \"staging\"}");
        setup.await(this.mvc, staging, "COMPLETED");
        String validated = Validations.validate(this.mvc, asTester, staging, null);
        assertThat((String) JsonPath.read(validated, "$.status")).isEqualTo("COMPLETED");
        long validation = ((Number) JsonPath.read(validated, "$.id")).longValue();
        String decision = "/api/v1/validations/" + validation + "/decision";
        // analysts do not sign off; rejections need findings
        this.mvc
            .perform(post(decision).with(setup.auth())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"decision\": \"sign-off\"}"))
            .andExpect(status().isForbidden());
        this.mvc
            .perform(post(decision).with(asTester)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"decision\": \"reject\"}"))
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.detail").value(containsString("findings")));
        this.mvc
            .perform(post(decision).with(asTester)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"decision\": \"sign-off\", \"comment\": \"Counts and fields verified\"}"))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.decision").value("SIGNED_OFF"))
            .andExpect(jsonPath("$.decidedBy").value(tester.getUsername()));
        this.mvc
            .perform(post(decision).with(asTester)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"decision\": \"reject\", \"comment\": \"changed my mind\"}"))
            .andExpect(status().isConflict());

        long production = setup.start(this.mvc, "{\"environment\": \"production\"}");
        setup.await(this.mvc, production, "COMPLETED");
    }

}
