package dev.switchyard.mapping;

import dev.switchyard.admin.AppUser;
import dev.switchyard.project.Project;
import dev.switchyard.support.Fixtures;
import dev.switchyard.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The mapping document through the API: versions, optimistic locking, malformed
 * documents.
 */
@IntegrationTest
class MappingDocumentApiIntegrationTests {

    static final String DOCUMENT = """
            {"version": %d, "objects": [{"source": "Account", "target": "companies", "matchKey": "source_id",
              "filter": {"match": "ALL", "conditions": [{"field": "Type", "operator": "NOT_EQUALS", "value": "Other"}]},
              "fields": [
                {"target": "source_id", "sources": ["Id"]},
                {"target": "name", "sources": ["Name"], "transforms": [{"type": "trim", "collapseSpaces": true}],
                 "note": "as the source spells it"},
                {"target": "industry", "sources": ["Industry"], "transforms": [
                  {"type": "picklist-map", "values": {"Banking": "Finance", "Insurance": "Finance"},
                   "defaultValue": "Other", "caseInsensitive": true}]}]}],
             "picklistSources": [{"object": "deals", "field": "stage", "table": "deal_stages", "column": "name"}]}
            """;

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Test
    void savesVersionsAndRefusesAStaleSave() throws Exception {
        AppUser analyst = this.fixtures.user("mapper");
        AppUser other = this.fixtures.user("mapper2");
        Project project = this.fixtures.project(analyst.getUsername());
        this.fixtures.grant(project, other.getUsername(), "ANALYST");
        RequestPostProcessor asAnalyst = httpBasic(analyst.getUsername(), Fixtures.PASSWORD);
        RequestPostProcessor asOther = httpBasic(other.getUsername(), Fixtures.PASSWORD);
        String base = "/api/v1/projects/" + project.getId() + "/mapping";

        this.mvc.perform(get(base).with(asAnalyst))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.version").value(0))
            .andExpect(jsonPath("$.objects.length()").value(0));

        this.mvc
            .perform(put(base).with(asAnalyst).contentType(MediaType.APPLICATION_JSON).content(DOCUMENT.formatted(0)))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.version").value(1))
            .andExpect(jsonPath("$.objects[0].fields[1].transforms[0].type").value("trim"))
            .andExpect(jsonPath("$.objects[0].fields[2].transforms[0].values.Banking").value("Finance"))
            .andExpect(jsonPath("$.objects[0].filter.conditions[0].operator").value("NOT_EQUALS"))
            .andExpect(jsonPath("$.picklistSources[0].table").value("deal_stages"));

        // the other analyst read version 0 too: refused, naming who saved what
        this.mvc.perform(put(base).with(asOther).contentType(MediaType.APPLICATION_JSON).content(DOCUMENT.formatted(0)))
            .andExpect(status().isConflict())
            .andExpect(jsonPath("$.detail", containsString("version 1 was saved by " + analyst.getUsername())))
            .andExpect(jsonPath("$.detail", containsString("added Account → companies")));

        this.mvc.perform(put(base).with(asOther).contentType(MediaType.APPLICATION_JSON).content(DOCUMENT.formatted(1)))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.version").value(2));
        this.mvc.perform(get(base + "/versions").with(asAnalyst))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$[0].version").value(2))
            .andExpect(jsonPath("$[0].summary").value("no change"))
            .andExpect(jsonPath("$[1].savedBy").value(analyst.getUsername()));
        this.mvc.perform(get(base + "/versions/1").with(asAnalyst))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.version").value(1));
    }

    @Test
    void refusesMalformedDocumentsWithTheirReason() throws Exception {
        AppUser analyst = this.fixtures.user("mapper3");
        Project project = this.fixtures.project(analyst.getUsername());
        RequestPostProcessor asAnalyst = httpBasic(analyst.getUsername(), Fixtures.PASSWORD);
        String base = "/api/v1/projects/" + project.getId() + "/mapping";

        this.mvc
            .perform(put(base).with(asAnalyst)
                .contentType(MediaType.APPLICATION_JSON)
                .content(DOCUMENT.formatted(0).replace("\"trim\"", "\"no-such-transform\"")))
            .andExpect(status().is4xxClientError())
            .andExpect(jsonPath("$.detail", containsString("no-such-transform")));
        this.mvc
            .perform(put(base).with(asAnalyst)
                .contentType(MediaType.APPLICATION_JSON)
                .content(DOCUMENT.formatted(0).replace("\"target\": \"name\"", "\"target\": \"Industry\"")))
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.detail", containsString("target field industry is mapped twice")));
        this.mvc.perform(get(base).with(asAnalyst)).andExpect(jsonPath("$.version").value(0));
    }

}
