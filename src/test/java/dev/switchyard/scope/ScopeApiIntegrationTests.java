package dev.switchyard.scope;

import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import dev.switchyard.admin.AppUser;
import dev.switchyard.project.Project;
import dev.switchyard.support.ExtractionSteps;
import dev.switchyard.support.Fixtures;
import dev.switchyard.support.IntegrationTest;
import dev.switchyard.support.TestFiles;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The scope document's lifecycle through the API, on the real mashmatrix export.
 */
@IntegrationTest
class ScopeApiIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Test
    void draftsSubmitsApprovesAndVersionsTheScope() throws Exception {
        AppUser analyst = this.fixtures.user("analyst");
        AppUser stakeholder = this.fixtures.user("stakeholder");
        Project project = this.fixtures.project(analyst.getUsername());
        this.fixtures.grant(project, stakeholder.getUsername(), "STAKEHOLDER");
        RequestPostProcessor asAnalyst = httpBasic(analyst.getUsername(), Fixtures.PASSWORD);
        RequestPostProcessor asStakeholder = httpBasic(stakeholder.getUsername(), Fixtures.PASSWORD);
        String base = "/api/v1/projects/" + project.getId() + "/scope";

        this.mvc.perform(get(base).with(asAnalyst)).andExpect(status().isNotFound());
        this.mvc
            .perform(
                    multipart("/api/v1/projects/" + project.getId() + "/connections")
                        .file(new MockMultipartFile("file", "export.zip", "application/zip",
                                TestFiles.zipOf("sf-export-mashmatrix", "Account.csv", "Contact.csv",
                                        "Opportunity.csv")))
                        .param("role", "source")
                        .param("type", "csv")
                        .with(asAnalyst))
            .andExpect(status().isCreated());
        ExtractionSteps.extract(this.mvc, project.getId(), "full", asAnalyst);

        String v1 = this.mvc.perform(get(base).with(asAnalyst))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.version").value(1))
            .andExpect(jsonPath("$.status").value("DRAFT"))
            .andReturn()
            .getResponse()
            .getContentAsString();
        List<String> objects = JsonPath.read(v1, "$.lines[*].object");
        assertThat(objects).containsExactly("Account", "Contact", "Opportunity");
        List<String> decisions = JsonPath.read(v1, "$.lines[*].decision");
        assertThat(decisions).containsOnly("MIGRATE");

        String save = """
                {"version":1,"lines":[
                  {"object":"Account","decision":"MIGRATE","rationale":"All accounts move"},
                  {"object":"Contact","decision":"MIGRATE"},
                  {"object":"Opportunity","decision":"ARCHIVE","rationale":"History only"}]}""";
        this.mvc.perform(put(base).contentType(MediaType.APPLICATION_JSON).content(save).with(asAnalyst))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.version").value(1))
            .andExpect(jsonPath("$.lines[2].decision").value("ARCHIVE"))
            .andExpect(jsonPath("$.lines[0].rationale").value("All accounts move"));
        this.mvc
            .perform(put(base).contentType(MediaType.APPLICATION_JSON)
                .content(save.replace("\"version\":1", "\"version\":7"))
                .with(asAnalyst))
            .andExpect(status().isConflict())
            .andExpect(jsonPath("$.detail").value(containsString("v1 is now the latest")));
        this.mvc
            .perform(put(base).contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\":1,\"lines\":[{\"object\":\"Account\",\"decision\":\"KEEP\"}]}")
                .with(asAnalyst))
            .andExpect(status().isUnprocessableContent());

        // record rules, counted on the latest snapshot; figures hand-counted from
        // Opportunity.csv with python's
        // csv module: IsClosed = 1 and CloseDate < 2019-01-01 on 549 of the 774
        // opportunities
        String withRules = """
                {"version":1,"lines":[
                  {"object":"Account","decision":"MIGRATE","rationale":"All accounts move"},
                  {"object":"Contact","decision":"MIGRATE","rules":[{"decision":"EXCLUDE","match":"ALL",
                    "conditions":[{"field":"Fax","operator":"IS_NOT_BLANK"}]}]},
                  {"object":"Opportunity","decision":"MIGRATE","rationale":"Open and recent deals move",
                   "rules":[{"decision":"ARCHIVE","match":"ALL","conditions":[
                     {"field":"IsClosed","operator":"IS_TRUE"},
                     {"field":"CloseDate","operator":"LESS_THAN","value":"2019-01-01"}]}]}]}""";
        this.mvc.perform(put(base).contentType(MediaType.APPLICATION_JSON).content(withRules).with(asAnalyst))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.lines[2].records.ARCHIVE").value(549))
            .andExpect(jsonPath("$.lines[2].records.MIGRATE").value(225))
            .andExpect(jsonPath("$.lines[2].records.EXCLUDE").value(0))
            .andExpect(jsonPath("$.lines[0].records.MIGRATE").value(83))
            .andExpect(jsonPath("$.lines[2].rules[0].conditions[1].field").value("CloseDate"));
        // a rule on a field that does not exist is flagged on its line, kept, and blocks
        // submission
        this.mvc
            .perform(put(base).contentType(MediaType.APPLICATION_JSON)
                .content(withRules.replace("\"Fax\"", "\"Pager\""))
                .with(asAnalyst))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.lines[1].problems[0]").value(containsString("Pager")))
            .andExpect(jsonPath("$.lines[1].rules[0].conditions[0].field").value("Pager"))
            .andExpect(jsonPath("$.lines[1].records").doesNotExist());
        this.mvc.perform(post(base + "/submit").with(asAnalyst))
            .andExpect(status().isConflict())
            .andExpect(jsonPath("$.detail").value(containsString("Pager")));
        this.mvc.perform(put(base).contentType(MediaType.APPLICATION_JSON).content(save).with(asAnalyst))
            .andExpect(status().isOk());

        this.mvc.perform(post(base + "/submit").with(asStakeholder)).andExpect(status().isForbidden());
        this.mvc.perform(post(base + "/submit").with(asAnalyst))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.status").value("SUBMITTED"))
            .andExpect(jsonPath("$.submittedBy").value(analyst.getUsername()));
        this.mvc.perform(get("/").with(this.fixtures.login(stakeholder.getUsername())))
            .andExpect(content().string(containsString("submitted scope v1")));

        this.mvc.perform(post(base + "/approve").with(asAnalyst)).andExpect(status().isForbidden());
        this.mvc.perform(post(base + "/approve").with(httpBasic(Fixtures.ADMIN, Fixtures.ADMIN_PASSWORD)))
            .andExpect(status().isForbidden());
        String approved = this.mvc
            .perform(post(base + "/approve").contentType(MediaType.APPLICATION_JSON)
                .content("{\"comment\":\"Agreed in the steering meeting\"}")
                .with(asStakeholder))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.status").value("APPROVED"))
            .andExpect(jsonPath("$.decidedBy").value(stakeholder.getUsername()))
            .andExpect(jsonPath("$.contentHash").value(matchesPattern("[0-9a-f]{64}")))
            .andReturn()
            .getResponse()
            .getContentAsString();
        String hash = JsonPath.read(approved, "$.contentHash");

        // editing the approved version creates v2; v1 stays approved and unchanged
        this.mvc
            .perform(put(base).contentType(MediaType.APPLICATION_JSON)
                .content(save.replace("\"ARCHIVE\"", "\"EXCLUDE\""))
                .with(asAnalyst))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.version").value(2))
            .andExpect(jsonPath("$.status").value("DRAFT"))
            .andExpect(jsonPath("$.lines[2].decision").value("EXCLUDE"));
        this.mvc.perform(get(base + "/versions/1").with(asAnalyst))
            .andExpect(jsonPath("$.status").value("APPROVED"))
            .andExpect(jsonPath("$.contentHash").value(hash))
            .andExpect(jsonPath("$.lines[2].decision").value("ARCHIVE"));

        this.mvc.perform(post(base + "/submit").with(asAnalyst)).andExpect(status().isOk());
        this.mvc.perform(post(base + "/reject").with(asStakeholder)).andExpect(status().isUnprocessableContent());
        this.mvc
            .perform(post(base + "/reject").contentType(MediaType.APPLICATION_JSON)
                .content("{\"comment\":\"Opportunities must be archived, not excluded\"}")
                .with(asStakeholder))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.status").value("REJECTED"))
            .andExpect(jsonPath("$.comment").value("Opportunities must be archived, not excluded"));
        this.mvc.perform(post(base + "/approve").with(asStakeholder)).andExpect(status().isConflict());
        Map<String, Object> latest = JsonPath
            .read(this.mvc.perform(get(base).with(asAnalyst)).andReturn().getResponse().getContentAsString(), "$");
        assertThat(latest).containsEntry("version", 2).containsEntry("status", "REJECTED");
    }

}
