package dev.switchyard.extraction;

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
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The assessment of a report-style export whose records relate by business key (a
 * contact's account by the account's name, an account's parent by its name): the
 * references inferred with their match rates, orphans with the nearest key and the
 * hierarchy's depth; references to objects the export left out; two-digit-year dates; a
 * misspelt picklist value; a multi-select field; a default left in place; a
 * contradiction; and the false-finding traps quiet. An analyst's decision on an inferred
 * reference changes the dictionary and the findings, and survives a new extraction.
 */
@IntegrationTest
class BusinessKeyAssessmentIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Test
    void infersReferencesByNameWithMatchRatesOrphansAndDepthAndReportsThePlantedDefects() throws Exception {
        AppUser analyst = this.fixtures.user("keys");
        Project project = this.fixtures.project(analyst.getUsername());
        RequestPostProcessor auth = httpBasic(analyst.getUsername(), Fixtures.PASSWORD);
        this.mvc.perform(multipart("/api/v1/projects/" + project.getId() + "/connections")
            .file(new MockMultipartFile("file", "report.zip", "application/zip",
                    TestFiles.zipOf("crafted-report-export", "Account.csv", "Contact.csv", "Lead.csv")))
            .param("role", "source")
            .param("type", "csv")
            .with(auth)).andExpect(status().isCreated());
        assertThat(ExtractionSteps.extract(this.mvc, project.getId(), "full", auth).get("status"))
            .isEqualTo("COMPLETED");
        String dictionary = dictionary(project, auth);

        assertThat(field(dictionary, "Contact", "AccountName")).containsEntry("type", "REFERENCE")
            .containsEntry("references", "Account")
            .containsEntry("referenceKey", "Name")
            .containsEntry("referenceMatch", "NORMALISED")
            .containsEntry("referenceInferred", true);
        Map<String, Object> contacts = reference(dictionary, "Contact", "AccountName");
        assertThat(contacts).containsEntry("by", "Name")
            .containsEntry("exactMatches", 54)
            .containsEntry("normalisedMatches", 3)
            .containsEntry("orphans", 3);
        assertThat((Double) contacts.get("matchRate")).isEqualTo(0.95);
        List<String> nearest = JsonPath.read(dictionary,
                "$.objects[?(@.name=='Contact')].references[?(@.field==" + "'AccountName')].orphanExamples[*].nearest");
        assertThat(nearest).containsExactlyInAnyOrder("Globex Corporation", "Umbrella Pharma", "Stark Industries");

        Map<String, Object> parents = reference(dictionary, "Account", "ParentAccount");
        assertThat(parents).containsEntry("to", "Account")
            .containsEntry("by", "Name")
            .containsEntry("orphans", 1)
            .containsEntry("hierarchyDepth", 3);

        assertThat(field(dictionary, "Account", "Created Date")).containsEntry("type", "DATETIME");
        assertThat(field(dictionary, "Contact", "Interests__c")).containsEntry("type", "MULTI_PICKLIST");
        List<String> options = JsonPath.read(dictionary,
                "$.objects[?(@.name=='Contact')].fields[?(@.name=='Interests__c')].picklistValues[*].value");
        assertThat(options).containsExactlyInAnyOrder("Golf", "Spa & Wellness", "Tennis", "Sailing", "Wine Tasting",
                "Cycling");
        List<String> absent = JsonPath.read(dictionary, "$.objects[*].absentReferences[*].object");
        assertThat(absent).containsExactlyInAnyOrder("User", "User", "Group (queue)");

        String findings = findings(project, auth);
        assertThat(kinds(findings)).containsExactlyInAnyOrder("ORPHAN_REFERENCES Contact.AccountName",
                "ORPHAN_REFERENCES Account.ParentAccount", "KEY_SPELLING_VARIANTS Contact.AccountName",
                "KEY_SPELLING_VARIANTS Account.ParentAccount", "REFERENCES_ABSENT_OBJECT Account.OwnerId",
                "REFERENCES_ABSENT_OBJECT Contact.OwnerId", "REFERENCES_ABSENT_OBJECT Lead.OwnerId",
                "AMBIGUOUS_DATES Account.Created Date", "NEAR_DUPLICATE_VALUES Account.Industry",
                "DOMINANT_VALUE Account.NumberOfEmployees", "CONTRADICTORY_VALUES Lead.IsConverted");
        List<String> orphanValues = JsonPath.read(findings,
                "$[?(@.kind=='ORPHAN_REFERENCES' && @.field=='AccountName')].examples[*].value");
        assertThat(orphanValues).contains("Globex Corportion (nearest Account.Name: 'Globex Corporation', 1 edit)");
        List<String> dates = JsonPath.read(findings, "$[?(@.kind=='AMBIGUOUS_DATES')].message");
        assertThat(dates).singleElement().asString().contains("two-digit years read as 1950–2049");
        List<Integer> contradictions = JsonPath.read(findings, "$[?(@.kind=='CONTRADICTORY_VALUES')].count");
        assertThat(contradictions).containsExactly(2);
    }

    @Test
    void anAnalystConfirmsOrRejectsAnInferredReferenceAndTheDecisionSurvivesANewExtraction() throws Exception {
        AppUser analyst = this.fixtures.user("decider");
        Project project = this.fixtures.project(analyst.getUsername());
        RequestPostProcessor auth = httpBasic(analyst.getUsername(), Fixtures.PASSWORD);
        this.mvc.perform(multipart("/api/v1/projects/" + project.getId() + "/connections")
            .file(new MockMultipartFile("file", "report.zip", "application/zip",
                    TestFiles.zipOf("crafted-report-export", "Account.csv", "Contact.csv")))
            .param("role", "source")
            .param("type", "csv")
            .with(auth)).andExpect(status().isCreated());
        ExtractionSteps.extract(this.mvc, project.getId(), "full", auth);
        decide(project, auth, "Account", "ParentAccount", "REJECTED").andExpect(status().isOk())
            .andExpect(jsonPath("$.decision").value("REJECTED"));
        decide(project, auth, "Contact", "AccountName", "confirmed").andExpect(status().isOk());
        decide(project, auth, "Contact", "Email", "REJECTED").andExpect(status().isUnprocessableContent());

        ExtractionSteps.extract(this.mvc, project.getId(), "full", auth);
        String dictionary = dictionary(project, auth);
        assertThat(field(dictionary, "Account", "ParentAccount")).containsEntry("references", null)
            .containsEntry("referenceDecision", "REJECTED")
            .containsEntry("type", "TEXT");
        assertThat(reference(dictionary, "Account", "ParentAccount")).containsEntry("decision", "REJECTED");
        assertThat(field(dictionary, "Contact", "AccountName")).containsEntry("references", "Account")
            .containsEntry("referenceDecision", "CONFIRMED");
        assertThat(kinds(findings(project, auth)))
            .doesNotContain("ORPHAN_REFERENCES Account.ParentAccount", "KEY_SPELLING_VARIANTS Account.ParentAccount")
            .contains("ORPHAN_REFERENCES Contact.AccountName");

        decide(project, auth, "Account", "ParentAccount", "NONE").andExpect(status().isOk());
        assertThat(field(dictionary(project, auth), "Account", "ParentAccount")).containsEntry("references", "Account");
    }

    private org.springframework.test.web.servlet.ResultActions decide(Project project, RequestPostProcessor auth,
            String object, String field, String decision) throws Exception {
        return this.mvc.perform(post("/api/v1/projects/" + project.getId() + "/dictionary/references").with(auth)
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"object\":\"%s\",\"field\":\"%s\",\"decision\":\"%s\"}".formatted(object, field, decision)));
    }

    private String dictionary(Project project, RequestPostProcessor auth) throws Exception {
        return this.mvc.perform(get("/api/v1/projects/" + project.getId() + "/dictionary").with(auth))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    }

    private String findings(Project project, RequestPostProcessor auth) throws Exception {
        return this.mvc.perform(get("/api/v1/projects/" + project.getId() + "/findings").with(auth))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    }

    private static List<String> kinds(String findings) {
        List<Map<String, Object>> all = JsonPath.read(findings, "$");
        return all.stream().map((f) -> f.get("kind") + " " + f.get("object") + "." + f.get("field")).toList();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> field(String dictionary, String object, String field) {
        List<Map<String, Object>> found = JsonPath.read(dictionary,
                "$.objects[?(@.name=='" + object + "')].fields[?(@.name=='" + field + "')]");
        assertThat(found).as(object + "." + field).hasSize(1);
        return found.get(0);
    }

    static Map<String, Object> reference(String dictionary, String object, String field) {
        List<Map<String, Object>> found = JsonPath.read(dictionary,
                "$.objects[?(@.name=='" + object + "')].references[?(@.field=='" + field + "')]");
        assertThat(found).as("reference " + object + "." + field).hasSize(1);
        return found.get(0);
    }

}
