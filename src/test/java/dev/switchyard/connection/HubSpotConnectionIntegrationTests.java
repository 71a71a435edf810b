package dev.switchyard.connection;

import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import dev.switchyard.admin.AppUser;
import dev.switchyard.project.Project;
import dev.switchyard.support.ExtractionSteps;
import dev.switchyard.support.Fixtures;
import dev.switchyard.support.IntegrationTest;
import dev.switchyard.support.hubspot.HubSpotStubPortal;
import dev.switchyard.support.hubspot.MashmatrixPortal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A HubSpot portal (the stub, seeded with the bundled Salesforce export as companies,
 * contacts and deals) connected through the connections API as the source and as the
 * sandbox's target: the token is never returned, the test reads the portal and its daily
 * usage, and an extraction stages every record with its associations.
 */
@IntegrationTest
class HubSpotConnectionIntegrationTests {

    static HubSpotStubPortal portal;

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @BeforeAll
    static void startPortal() {
        portal = new HubSpotStubPortal();
        MashmatrixPortal.seed(portal);
    }

    @AfterAll
    static void stopPortal() {
        portal.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPortalConnectsAsSourceAndTargetTestsWithItsUsageAndExtracts() throws Exception {
        AppUser analyst = this.fixtures.user("hubspot");
        Project project = this.fixtures.project(analyst.getUsername());
        RequestPostProcessor auth = httpBasic(analyst.getUsername(), Fixtures.PASSWORD);
        long projectId = project.getId();
        String settings = """
                {"baseUrl": "%s", "accessToken": "%s", "apiBudgetPercent": 50}""".formatted(portal.baseUrl(),
                HubSpotStubPortal.TOKEN);

        String source = this.mvc
            .perform(post("/api/v1/projects/" + projectId + "/connections").with(auth)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"role\": \"source\", \"type\": \"hubspot\", \"settings\": " + settings + "}"))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(source).doesNotContain(HubSpotStubPortal.TOKEN);
        assertThat((List<String>) JsonPath.read(source, "$.found.objects[*].name")).contains("contacts", "companies",
                "deals", "notes", "tasks");
        long sourceId = ((Number) JsonPath.read(source, "$.id")).longValue();

        String check = this.mvc
            .perform(post("/api/v1/projects/" + projectId + "/connections/" + sourceId + "/test").with(auth))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat((Boolean) JsonPath.read(check, "$.ok")).isTrue();
        assertThat(((Number) JsonPath.read(check, "$.usage.max")).longValue()).isEqualTo(250_000);
        assertThat(((Number) JsonPath.read(check, "$.usage.used")).longValue()).isPositive();

        String target = this.mvc
            .perform(post("/api/v1/projects/" + projectId + "/connections").with(auth)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"role\": \"target\", \"environment\": \"sandbox\", \"type\": \"hubspot\", \"settings\": "
                        + settings + "}"))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(target).doesNotContain(HubSpotStubPortal.TOKEN);
        assertThat((List<String>) JsonPath.read(target, "$.found.objects[*].name")).contains("contacts", "companies");

        Map<String, Object> extraction = ExtractionSteps.extract(this.mvc, projectId, "full", auth);
        assertThat(extraction.get("status")).as(extraction.toString()).isEqualTo("COMPLETED");
        assertThat(String.valueOf(extraction.get("message"))).contains("990 records staged");
    }

}
