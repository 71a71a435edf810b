package dev.switchyard.extraction;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.jayway.jsonpath.JsonPath;
import dev.switchyard.admin.AppUser;
import dev.switchyard.project.Project;
import dev.switchyard.support.ExtractionSteps;
import dev.switchyard.support.Fixtures;
import dev.switchyard.support.IntegrationTest;
import dev.switchyard.support.TestFiles;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The precision and recall of the findings on the bundled exports, as a new analyst would
 * get them: each export is uploaded and extracted, and its findings are compared with a
 * labelled list. Every finding must be a real defect of the data (precision), and the
 * known defects each export's {@code PROVENANCE.md} lists are counted as found or missed
 * (recall). The table this prints is the one in {@code docs/findings-quality.md}.
 */
@IntegrationTest
class FindingsQualityIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Test
    void everyFindingOnTheBundledExportsIsARealDefectAndTheKnownDefectsFoundAreCounted() throws Exception {
        List<Export> exports = List.of(new Export("sf-export-mashmatrix", "csv",
                TestFiles.zipOf("sf-export-mashmatrix", "Account.csv", "Contact.csv", "Opportunity.csv"),
                Map.ofEntries(Map.entry("EMBEDDED_LINE_BREAKS Account.Description", "descriptions with line breaks"),
                        Map.entry("DUPLICATE_CANDIDATES Account", "duplicate account Nissan Motors"),
                        Map.entry("LOST_LEADING_ZEROS Account.BillingPostalCode",
                                "ZIP codes without their leading zeros"),
                        Map.entry("INCONSISTENT_FORMAT Account.Phone", "phone formats mixed"),
                        Map.entry("INCONSISTENT_FORMAT Account.Fax", "phone formats mixed"),
                        Map.entry("DOMINANT_VALUE Contact.Email", "all contacts share one e-mail"),
                        Map.entry("REFERENCES_ABSENT_OBJECT Account.OwnerId", "users not in the export"),
                        Map.entry("REFERENCES_ABSENT_OBJECT Account.CreatedById", "users not in the export"),
                        Map.entry("REFERENCES_ABSENT_OBJECT Account.LastModifiedById", "users not in the export"),
                        Map.entry("REFERENCES_ABSENT_OBJECT Contact.OwnerId", "users not in the export"),
                        Map.entry("REFERENCES_ABSENT_OBJECT Contact.CreatedById", "users not in the export"),
                        Map.entry("REFERENCES_ABSENT_OBJECT Contact.LastModifiedById", "users not in the export"),
                        Map.entry("REFERENCES_ABSENT_OBJECT Opportunity.OwnerId", "users not in the export"),
                        Map.entry("REFERENCES_ABSENT_OBJECT Opportunity.CreatedById", "users not in the export"),
                        Map.entry("REFERENCES_ABSENT_OBJECT Opportunity.LastModifiedById", "users not in the export")),
                List.of("descriptions with line breaks", "duplicate account Nissan Motors",
                        "ZIP codes without their leading zeros", "phone formats mixed", "all contacts share one e-mail",
                        "users not in the export", "country spelt three ways (United States, USA, US)",
                        "state codes of another country", "city with the state in it",
                        "street with the company name or extra spaces", "lead source holding order numbers",
                        "the typo Additional Lisence (no correct value beside it)", "one stage with two probabilities",
                        "close dates years after creation", "compound address columns repeating their parts")),
                new Export("sf-apex-recipes", "sobject-tree",
                        TestFiles.zipOf("sf-apex-recipes/data", "data-plan.json", "data-plan2.json", "Accounts.json",
                                "Contacts.json", "Opportunities.json", "Campaigns.json", "Junction Demo 1.json",
                                "Junction Demo 2.json", "Junction.json"),
                        Map.of("DUPLICATE_CANDIDATES Opportunity", "duplicate opportunity name",
                                "LEADING_TRAILING_SPACES Opportunity.description",
                                "(true, not listed: values ending in spaces)"),
                        List.of("duplicate opportunity name", "picklist values outside the standard set",
                                "industry n/a on 15 accounts", "naughty strings in descriptions",
                                "field names in mixed case", "phone formats differing by object", "junk web sites",
                                "timestamps in a date field", "campaign costs as text, actual over budget")),
                new Export("sf-coral-cloud", "sobject-tree",
                        TestFiles.zipOf("sf-coral-cloud/data", "data-plan.json", "data-Contact.json", "data-Case.json",
                                "data-Experience__c.json", "data-Guest_Review__c.json"),
                        Map.of("EMBEDDED_LINE_BREAKS Case.Description", "case descriptions with line breaks",
                                "DUPLICATE_KEY_VALUES Contact.External_Id__c", "one external id on two contacts"),
                        List.of("case descriptions with line breaks", "one external id on two contacts",
                                "birthdates in the future", "states as full names", "phone numbers failing NANP rules",
                                "a contact missing phone, birthdate and street", "preferred name differing once")),
                new Export("crafted-report-export", "csv",
                        TestFiles.zipOf("crafted-report-export", "Account.csv", "Contact.csv", "Lead.csv"),
                        Map.ofEntries(
                                Map.entry("ORPHAN_REFERENCES Contact.AccountName", "account names matching no account"),
                                Map.entry("KEY_SPELLING_VARIANTS Contact.AccountName", "account names in another case"),
                                Map.entry("ORPHAN_REFERENCES Account.ParentAccount",
                                        "parent names matching no account"),
                                Map.entry("KEY_SPELLING_VARIANTS Account.ParentAccount",
                                        "parent names in another case"),
                                Map.entry("REFERENCES_ABSENT_OBJECT Account.OwnerId", "owners not in the export"),
                                Map.entry("REFERENCES_ABSENT_OBJECT Contact.OwnerId", "owners not in the export"),
                                Map.entry("REFERENCES_ABSENT_OBJECT Lead.OwnerId", "queues not in the export"),
                                Map.entry("AMBIGUOUS_DATES Account.Created Date",
                                        "two-digit-year dates, day and month ambiguous"),
                                Map.entry("NEAR_DUPLICATE_VALUES Account.Industry", "misspelt industry"),
                                Map.entry("DOMINANT_VALUE Account.NumberOfEmployees", "0 employees left in place"),
                                Map.entry("CONTRADICTORY_VALUES Lead.IsConverted", "converted status, not converted")),
                        List.of("account names matching no account", "account names in another case",
                                "parent names matching no account", "parent names in another case",
                                "owners not in the export", "queues not in the export",
                                "two-digit-year dates, day and month ambiguous", "misspelt industry",
                                "0 employees left in place", "converted status, not converted")));
        List<String> table = new ArrayList<>();
        table.add("| export | findings | real defects | false | precision | known defects | found | recall |");
        table.add("|---|---|---|---|---|---|---|---|");
        int allFindings = 0;
        int allTrue = 0;
        int allDefects = 0;
        int allFound = 0;
        for (Export export : exports) {
            List<String> findings = findings(export);
            List<String> wrong = findings.stream().filter((f) -> !export.truth().containsKey(f)).toList();
            assertThat(wrong).as("findings on %s that are no real defect", export.name()).isEmpty();
            Set<String> found = new LinkedHashSet<>();
            findings.forEach((f) -> found.add(export.truth().get(f)));
            long recalled = export.defects().stream().filter(found::contains).count();
            assertThat(export.truth().keySet()).as("the defects %s is known to show", export.name())
                .containsExactlyInAnyOrderElementsOf(findings.stream().distinct().toList());
            int right = findings.size() - wrong.size();
            table.add(String.format(Locale.ROOT, "| %s | %d | %d | %d | %.0f%% | %d | %d | %.0f%% |", export.name(),
                    findings.size(), right, wrong.size(), 100.0 * right / Math.max(1, findings.size()),
                    export.defects().size(), recalled, 100.0 * recalled / export.defects().size()));
            allFindings += findings.size();
            allTrue += right;
            allDefects += export.defects().size();
            allFound += (int) recalled;
        }
        table.add(String.format(Locale.ROOT, "| all | %d | %d | %d | %.0f%% | %d | %d | %.0f%% |", allFindings, allTrue,
                allFindings - allTrue, 100.0 * allTrue / allFindings, allDefects, allFound,
                100.0 * allFound / allDefects));
        System.out.println(String.join("\n", table));
        assertThat(allTrue).isEqualTo(allFindings);
    }

    private List<String> findings(Export export) throws Exception {
        AppUser analyst = this.fixtures.user("quality");
        Project project = this.fixtures.project(analyst.getUsername());
        RequestPostProcessor auth = httpBasic(analyst.getUsername(), Fixtures.PASSWORD);
        this.mvc
            .perform(multipart("/api/v1/projects/" + project.getId() + "/connections")
                .file(new MockMultipartFile("file", export.name() + ".zip", "application/zip", export.zip()))
                .param("role", "source")
                .param("type", export.type())
                .with(auth))
            .andExpect(status().isCreated());
        ExtractionSteps.extract(this.mvc, project.getId(), "full", auth);
        String json = this.mvc.perform(get("/api/v1/projects/" + project.getId() + "/findings").with(auth))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        List<Map<String, Object>> all = JsonPath.read(json, "$");
        return all.stream()
            .map((f) -> f.get("kind") + " " + f.get("object") + ((f.get("field") != null) ? "." + f.get("field") : ""))
            .toList();
    }

    /**
     * A bundled export with its labels.
     *
     * @param name its folder
     * @param type its connection type
     * @param zip its files
     * @param truth each finding that is a real defect (kind, object and field) with the
     * known defect it shows
     * @param defects the known defects of its provenance
     */
    private record Export(String name, String type, byte[] zip, Map<String, String> truth, List<String> defects) {
    }

}
