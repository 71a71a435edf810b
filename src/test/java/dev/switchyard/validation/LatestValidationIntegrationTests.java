package dev.switchyard.validation;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

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
 * Only the latest validation of a run counts: an older one cannot be decided once a newer
 * validation of the same run exists (one that failed, say), and the production gate
 * ignores a sign-off that a newer validation of its run superseded.
 */
@IntegrationTest
class LatestValidationIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    EmbeddedPostgres postgres;

    @Autowired
    ProjectService projects;

    @Autowired
    StagingSignOffGate gate;

    @Test
    void aStaleValidationCannotBeDecidedAndASupersededSignOffDoesNotOpenProduction() throws Exception {
        Mashmatrix setup = Mashmatrix.mapped(this.mvc, this.fixtures, this.postgres, "latest",
                TargetDatabases.demoSchema());
        AppUser stakeholder = this.fixtures.user("latest-stakeholder");
        AppUser tester = this.fixtures.user("latest-tester");
        this.fixtures.as(Fixtures.ADMIN,
                () -> this.projects.addMember(setup.project(), stakeholder.getUsername(), "STAKEHOLDER"));
        this.fixtures.as(Fixtures.ADMIN,
                () -> this.projects.addMember(setup.project(), tester.getUsername(), "TESTER"));
        RequestPostProcessor asTester = httpBasic(tester.getUsername(), Fixtures.PASSWORD);
        String scope = "/api/v1/projects/" + setup.project() + "/scope";
        this.mvc.perform(post(scope + "/submit").with(setup.auth())).andExpect(status().isOk());
        this.mvc.perform(post(scope + "/approve").with(httpBasic(stakeholder.getUsername(), Fixtures.PASSWORD)))
            .andExpect(status().isOk());
        String url = TargetDatabases.create(this.postgres, "staging", TargetDatabases.demoSchema());
        TargetDatabases.connect(this.mvc, setup.project(), "staging", url, setup.auth());
        long run = setup.start(this.mvc, "{\"environment\": \"staging\"}");
        String done = setup.await(this.mvc, run, "COMPLETED");
        int mapping = JsonPath.read(done, "$.mappingVersion");

        long passed = id(Validations.validate(this.mvc, asTester, run, null), "PASS");
        String[] company = edit(url, "Renamed by hand");
        long failed = id(Validations.validate(this.mvc, asTester, run, null), "FAIL");

        // the older, passing validation can no longer be signed off
        this.mvc
            .perform(post("/api/v1/validations/" + passed + "/decision").with(asTester)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"decision\": \"sign-off\"}"))
            .andExpect(status().isConflict())
            .andExpect(jsonPath("$.detail")
                .value(containsString("Validation " + passed + " is not the latest validation of run " + run
                        + ": validation " + failed + " is newer (fail, not decided)")));
        assertThat(this.gate.refusal(setup.project(), mapping, 1)).get()
            .asString()
            .contains("whose validation a tester signed off");

        // fixed and validated again: the latest passes and is signed off; production may
        // go
        restore(url, company);
        long fixed = id(Validations.validate(this.mvc, asTester, run, null), "PASS");
        this.mvc
            .perform(post("/api/v1/validations/" + fixed + "/decision").with(asTester)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"decision\": \"sign-off\"}"))
            .andExpect(status().isOk());
        assertThat(this.gate.refusal(setup.project(), mapping, 1)).isEmpty();

        // a newer validation of the same run fails: the sign-off no longer opens
        // production
        edit(url, "Renamed again");
        long again = id(Validations.validate(this.mvc, asTester, run, null), "FAIL");
        assertThat(this.gate.refusal(setup.project(), mapping, 1)).get()
            .asString()
            .contains("validation " + fixed + " of run " + run + " was signed off, but validation " + again
                    + " of the same run is newer (fail, not decided)");
        // rejecting it does not bring the older sign-off back
        this.mvc
            .perform(post("/api/v1/validations/" + again + "/decision").with(asTester)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"decision\": \"reject\", \"comment\": \"companies.name edited by hand\"}"))
            .andExpect(status().isOk());
        assertThat(this.gate.refusal(setup.project(), mapping, 1)).get().asString().contains("(fail, rejected)");
    }

    private static long id(String validation, String verdict) {
        assertThat((String) JsonPath.read(validation, "$.verdict")).isEqualTo(verdict);
        return ((Number) JsonPath.read(validation, "$.id")).longValue();
    }

    /**
     * Renames the first company in the target.
     * @return its source id and the name it had
     */
    private static String[] edit(String url, String name) throws Exception {
        try (Connection target = DriverManager.getConnection(url, "postgres", "");
                Statement sql = target.createStatement()) {
            String company = ValidationIntegrationTests.text(sql,
                    "select source_id from companies order by id limit 1");
            String original = ValidationIntegrationTests.text(sql,
                    "select name from companies where source_id = '" + company + "'");
            sql.executeUpdate("update companies set name = '" + name + "' where source_id = '" + company + "'");
            return new String[] { company, original };
        }
    }

    private static void restore(String url, String[] company) throws Exception {
        try (Connection target = DriverManager.getConnection(url, "postgres", "");
                Statement sql = target.createStatement()) {
            sql.executeUpdate("update companies set name = '" + company[1].replace("'", "''") + "' where source_id = '"
                    + company[0] + "'");
        }
    }

}
