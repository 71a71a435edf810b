package dev.switchyard.mapping;

import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import dev.switchyard.admin.AppUser;
import dev.switchyard.project.Project;
import dev.switchyard.support.ExtractionSteps;
import dev.switchyard.support.Fixtures;
import dev.switchyard.support.IntegrationTest;
import dev.switchyard.support.TargetDatabases;
import dev.switchyard.support.TestFiles;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Suggestions, validation and preview through the API, on the real mashmatrix export
 * mapped into the demo destination schema.
 */
@IntegrationTest
class MappingWorkbenchIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    EmbeddedPostgres postgres;

    @Test
    void suggestsValidatesAndPreviewsOnRealData() throws Exception {
        AppUser analyst = this.fixtures.user("mapper");
        Project project = this.fixtures.project(analyst.getUsername());
        RequestPostProcessor auth = httpBasic(analyst.getUsername(), Fixtures.PASSWORD);
        String base = "/api/v1/projects/" + project.getId() + "/mapping";
        this.mvc.perform(multipart("/api/v1/projects/" + project.getId() + "/connections")
            .file(new MockMultipartFile("file", "export.zip", "application/zip",
                    TestFiles.zipOf("sf-export-mashmatrix", "Account.csv", "Contact.csv", "Opportunity.csv")))
            .param("role", "source")
            .param("type", "csv")
            .with(auth)).andExpect(status().isCreated());
        ExtractionSteps.extract(this.mvc, project.getId(), "full", auth);
        String url = TargetDatabases.create(this.postgres, "crm", TargetDatabases.demoSchema());
        TargetDatabases.connect(this.mvc, project.getId(), "sandbox", url, auth);
        this.mvc.perform(put(base).with(auth).contentType(MediaType.APPLICATION_JSON).content("""
                {"version": 0, "picklistSources": [
                  {"object": "companies", "field": "industry", "table": "industries", "column": "code"}]}"""))
            .andExpect(status().isOk());

        String suggested = body(post(base + "/suggest").with(auth));
        List<String> objects = JsonPath.read(suggested, "$.suggestions[?(@.kind=='object')].target");
        assertThat(objects).containsExactly("companies", "people", "deals");
        assertThat(suggestion(suggested, "people", "company_id")).contains("AccountId: reference to Account");
        assertThat(suggestion(suggested, "people", "reports_to_id")).contains("ReportsToId: reference to Contact");
        assertThat(suggestion(suggested, "companies", "parent_id")).contains("ParentId: reference to Account");
        assertThat(suggestion(suggested, "companies", "source_id")).contains("source id (Id)");
        assertThat(suggestion(suggested, "deals", "stage")).contains("StageName").contains("accepts all 774");
        assertThat(suggestion(suggested, "deals", "is_won")).contains("blank: false").contains("accepts all");
        assertThat(suggestion(suggested, "deals", "close_date")).contains("yyyy-MM-dd").contains("accepts all 774");
        assertThat(suggestion(suggested, "companies", "annual_revenue")).contains("number").contains("accepts all");
        assertThat(suggestion(suggested, "companies", "country")).contains("ISO 3166").contains("accepts all");
        List<String> keyed = JsonPath.read(suggested, "$.suggestions[?(@.kind=='match-key')].field");
        assertThat(keyed).containsOnly("source_id").hasSize(3);
        List<String> generated = JsonPath.read(suggested, "$.suggestions[?(@.field=='id')].key");
        assertThat(generated).as("identity columns are never suggested").isEmpty();
        List<Map<String, String>> stageValues = JsonPath.read(suggested,
                "$.mapping.objects[?(@.target=='deals')].fields[?(@.target=='stage')].transforms[0].values");
        assertThat(stageValues.get(0)).containsEntry("Proposal/Price Quote", "Proposal")
            .containsEntry("Negotiation/Review", "Negotiation")
            .containsEntry("Id. Decision Makers", "Decision Makers")
            .containsEntry("Closed Won", "Closed Won");

        // accept every suggestion by PUTting the suggested mapping back
        Object document = JsonPath.read(suggested, "$.mapping");
        String json = new tools.jackson.databind.json.JsonMapper().writeValueAsString(document);
        this.mvc.perform(put(base).with(auth).contentType(MediaType.APPLICATION_JSON).content(json))
            .andExpect(status().isOk());
        String again = body(post(base + "/suggest").with(auth));
        List<String> left = JsonPath.read(again, "$.suggestions[?(@.kind!='picklist-value')].key");
        assertThat(left).as("nothing new to suggest once all is accepted").isEmpty();

        String validation = body(post(base + "/validate").with(auth));
        assertThat(issue(validation, "errors", "picklist-unmapped", "type")).contains("'Old Customer' (19)");
        assertThat(issue(validation, "errors", "picklist-unmapped", "industry")).contains("'Software' (10)");
        assertThat(issue(validation, "errors", "transform-errors", "phone"))
            .contains("'1-691-501-1932' is not a valid number for US");
        assertThat(issue(validation, "warnings", "self-reference", "reports_to_id")).contains("second pass");
        assertThat(issue(validation, "warnings", "self-reference", "parent_id")).contains("second pass");
        List<String> required = JsonPath.read(validation, "$.errors[?(@.code=='required-unmapped')].field");
        assertThat(required).isEmpty();

        String preview = body(post(base + "/preview").with(auth).contentType(MediaType.APPLICATION_JSON).content("""
                {"object": "opportunity", "sourceIds": ["006f4000002NAbGAAW"]}"""));
        assertThat((String) JsonPath.read(preview, "$[0].targetObject")).isEqualTo("deals");
        assertThat((Map<String, Object>) JsonPath.read(preview, "$[0].target")).containsEntry("stage", "Prospecting")
            .containsEntry("close_date", "2024-06-14")
            .containsEntry("is_won", false)
            .containsEntry("company_id", "001f4000003NkdYAAS")
            .containsEntry("created_at", "2017-08-04T09:09:33Z");
        assertThat((String) JsonPath.read(preview, "$[0].source.StageName")).isEqualTo("Prospecting");
        String errors = body(post(base + "/preview").with(auth).contentType(MediaType.APPLICATION_JSON).content("""
                {"object": "Account", "sourceIds": ["001f4000003NkcrAAC"]}"""));
        List<String> badPhones = JsonPath.read(errors, "$[0].errors[?(@.field=='phone')].value");
        assertThat(badPhones).containsExactly("1-691-501-1932");
        assertThat((Map<String, Object>) JsonPath.read(errors, "$[0].target")).as("the other fields are still made")
            .containsKey("name")
            .doesNotContainKey("phone");
        String sample = body(post(base + "/preview").with(auth).contentType(MediaType.APPLICATION_JSON).content("""
                {"object": "Contact", "sample": 3}"""));
        assertThat((List<?>) JsonPath.read(sample, "$")).hasSize(3);
        this.mvc.perform(post(base + "/preview").with(auth).contentType(MediaType.APPLICATION_JSON).content("""
                {"object": "Lead"}""")).andExpect(status().isUnprocessableContent());

        // a required target field fed by a source field that is always blank: an error,
        // and a
        // finding beside the assessment's
        String current = body(get(base).with(auth));
        String blankLastNames = com.jayway.jsonpath.JsonPath.parse(current)
            .set("$.objects[?(@.target=='people')].fields[?(@.target=='last_name')].sources", List.of("Department"))
            .jsonString();
        this.mvc.perform(put(base).with(auth).contentType(MediaType.APPLICATION_JSON).content(blankLastNames))
            .andExpect(status().isOk());
        String invalid = body(post(base + "/validate").with(auth));
        assertThat(issue(invalid, "errors", "required-no-data", "last_name"))
            .contains("133 Contact records have no " + "Department");
        String findings = body(get("/api/v1/projects/" + project.getId() + "/findings").with(auth));
        List<String> kinds = JsonPath.read(findings, "$[*].kind");
        assertThat(kinds).contains("REQUIRED_WITHOUT_SOURCE_DATA", "DUPLICATE_CANDIDATES");

        // staging's target drifted from the sandbox's: reported before any run
        String drifted = TargetDatabases.demoSchema()
            .replace("'Proposal', 'Negotiation'", "'Negotiation'")
            .replace("name           varchar(255) not null", "name           varchar(100) not null")
            .replace("    title         varchar(128),\n", "");
        TargetDatabases.connect(this.mvc, project.getId(), "staging",
                TargetDatabases.create(this.postgres, "crm", drifted), auth);
        String check = body(get(base + "/schema-check").param("environment", "staging").with(auth));
        List<String> differences = JsonPath.read(check, "$.differences");
        assertThat(differences).containsExactlyInAnyOrder("people.title does not exist in staging",
                "companies.name holds 100 characters in staging but 255 in sandbox",
                "deals.stage does not allow Proposal in staging");
        String same = body(get(base + "/schema-check").param("environment", "sandbox").with(auth));
        assertThat((List<?>) JsonPath.read(same, "$.differences")).isEmpty();
    }

    private static String suggestion(String json, String target, String field) {
        List<String> found = JsonPath.read(json, "$.suggestions[?(@.target=='" + target + "' && @.field=='" + field
                + "' && @.kind=='field')].description");
        assertThat(found).as(target + "." + field).hasSize(1);
        return found.get(0);
    }

    private static String issue(String json, String list, String code, String field) {
        List<String> found = JsonPath.read(json,
                "$." + list + "[?(@.code=='" + code + "' && @.field=='" + field + "')].message");
        assertThat(found).as(code + " on " + field).isNotEmpty();
        return String.join(" | ", found);
    }

    private String body(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        return this.mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

}
