package dev.switchyard.mapping;

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
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Source fields that go nowhere, on the mashmatrix export: listed with what profiling
 * saw, marked not migrated on purpose in forms (two analysts at once merge or conflict
 * like any form edit), warned about by validation while undecided or stale, carried
 * through export and import, and shown on the scope page.
 */
@IntegrationTest
class NotMigratedIntegrationTests {

    private static final String MAPPING = """
            {"version": 0, "objects": [{"source": "Account", "target": "companies", "matchKey": "source_id",
              "fields": [{"target": "source_id", "sources": ["Id"]}, {"target": "name", "sources": ["Name"]},
                         {"target": "phone", "sources": ["Phone"]}]}]}""";

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Test
    void analystsMarkFieldsThatGoNowhereAndValidationWarnsAboutTheRest() throws Exception {
        AppUser ana = this.fixtures.user("ana");
        AppUser bea = this.fixtures.user("bea");
        Project project = extracted(ana);
        this.fixtures.grant(project, bea.getUsername(), "ANALYST");
        RequestPostProcessor api = httpBasic(ana.getUsername(), Fixtures.PASSWORD);
        String base = "/api/v1/projects/" + project.getId() + "/mapping";
        this.mvc.perform(put(base).with(api).contentType(MediaType.APPLICATION_JSON).content(MAPPING))
            .andExpect(status().isOk());
        String page = "/projects/" + project.getId() + "/mapping/object?source=Account&target=companies";
        String mark = "/projects/" + project.getId() + "/mapping/not-migrated?source=Account&target=companies";

        // hand-counted from Account.csv: 80 of 83 accounts have an Ownership, 52 Listed
        this.mvc.perform(get(page).with(this.fixtures.login(ana.getUsername())))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("Source fields of Account that go nowhere")))
            .andExpect(content().string(containsString("id=\"unmapped-Ownership\"")))
            .andExpect(content().string(containsString("96.4%")))
            .andExpect(content().string(containsString("(80 records)")))
            .andExpect(content().string(containsString("<code class=\"text-break\">Listed</code>")))
            .andExpect(content().string(containsString("(52)")))
            .andExpect(content().string(containsString("are empty in every record, nothing to migrate")))
            .andExpect(content().string(containsString("with data go nowhere and have no decision")));

        // both analysts read version 1; each marks other fields: both land
        this.mvc
            .perform(post(mark).with(this.fixtures.login(ana.getUsername()))
                .with(csrf())
                .param("version", "1")
                .param("fields", "Fax", "Ownership")
                .param("reason", "Nobody faxes; ownership is looked up live"))
            .andExpect(status().is3xxRedirection())
            .andExpect(flash().attribute("flash", "Marked Fax, Ownership not migrated on purpose (version 2)."));
        this.mvc
            .perform(post(mark).with(this.fixtures.login(bea.getUsername()))
                .with(csrf())
                .param("version", "1")
                .param("fields", "TickerSymbol")
                .param("reason", "Market data comes from another feed"))
            .andExpect(flash().attribute("flash", "Marked TickerSymbol not migrated on purpose (version 3)."));
        String saved = this.mvc.perform(get(base).with(api)).andReturn().getResponse().getContentAsString();
        List<Map<String, String>> decisions = JsonPath.read(saved, "$.objects[0].notMigrated");
        assertThat(decisions).containsExactly(
                Map.of("field", "Fax", "reason", "Nobody faxes; ownership is looked up live"),
                Map.of("field", "Ownership", "reason", "Nobody faxes; ownership is looked up live"),
                Map.of("field", "TickerSymbol", "reason", "Market data comes from another feed"));

        // the same field from the stale form: a conflict naming who saved it; nothing
        // saved
        this.mvc
            .perform(post(mark).with(this.fixtures.login(bea.getUsername()))
                .with(csrf())
                .param("version", "1")
                .param("fields", "Fax")
                .param("reason", "Another reason"))
            .andExpect(flash().attribute("flashError", containsString("version 2 was saved by " + ana.getUsername())))
            .andExpect(flash().attribute("notMigratedReason", "Another reason"));
        // no reason, nothing ticked, a mapped field: refused, the input kept
        this.mvc
            .perform(post(mark).with(this.fixtures.login(ana.getUsername()))
                .with(csrf())
                .param("version", "3")
                .param("fields", "AccountNumber")
                .param("reason", "  "))
            .andExpect(flash().attribute("flashError",
                    "Give the reason why AccountNumber is not migrated: the stakeholder reads it with the scope."))
            .andExpect(flash().attribute("tickedFields", List.of("AccountNumber")));
        this.mvc
            .perform(post(mark).with(this.fixtures.login(ana.getUsername()))
                .with(csrf())
                .param("version", "3")
                .param("reason", "why"))
            .andExpect(flash().attribute("flashError", "Tick the source fields that are not migrated on purpose."));
        this.mvc
            .perform(post(mark).with(this.fixtures.login(ana.getUsername()))
                .with(csrf())
                .param("version", "3")
                .param("fields", "Name")
                .param("reason", "why"))
            .andExpect(flash().attribute("flashError", containsString(
                    "Name is not a source field of Account that " + "goes nowhere: it may be mapped by now")));
        assertThat((Integer) JsonPath
            .read(this.mvc.perform(get(base).with(api)).andReturn().getResponse().getContentAsString(), "$.version"))
            .isEqualTo(3);

        // taking a decision back
        this.mvc.perform(
                post("/projects/" + project.getId() + "/mapping/not-migrated/remove?source=Account&target=companies")
                    .with(this.fixtures.login(ana.getUsername()))
                    .with(csrf())
                    .param("version", "3")
                    .param("field", "ownership"))
            .andExpect(flash().attribute("flash", "ownership is no longer marked not migrated (version 4)."));
        this.mvc.perform(get(page).with(this.fixtures.login(ana.getUsername())))
            .andExpect(content().string(containsString("Nobody faxes; ownership is looked up live")))
            .andExpect(content().string(containsString(
                    "27 fields with data or a decision: 2 not migrated on purpose, 25 with data not decided yet.")));

        // validation: the undecided ones with data are one warning; the decided ones are
        // not in it
        String validation = this.mvc.perform(post(base + "/validate").with(api))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        List<String> unmapped = JsonPath.read(validation, "$.warnings[?(@.code=='unmapped-source-data')].message");
        assertThat(unmapped).hasSize(1);
        assertThat(unmapped.get(0))
            .startsWith("25 source fields of Account with data go nowhere and have no "
                    + "decision: Type (100% filled), BillingStreet (99% filled)")
            .contains("AccountNumber (99% filled)", ", …")
            .doesNotContain("Fax");

        // mapping Fax afterwards makes its decision stale: warned, listed apart
        String document = this.mvc.perform(get(base).with(api)).andReturn().getResponse().getContentAsString();
        String withFax = JsonPath.parse(document)
            .put("$.objects[0].fields[?(@.target=='phone')]", "sources", List.of("Phone", "Fax"))
            .jsonString();
        this.mvc.perform(put(base).with(api).contentType(MediaType.APPLICATION_JSON).content(withFax))
            .andExpect(status().isOk());
        String after = this.mvc.perform(post(base + "/validate").with(api))
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(JsonPath.<List<String>>read(after, "$.warnings[?(@.code=='not-migrated-stale')].message"))
            .containsExactly("The decision not to migrate Fax no longer applies: Fax is mapped, so it is migrated "
                    + "after all. Remove it");
        String fields = this.mvc.perform(get(base + "/unmapped-fields").with(api))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(JsonPath.<List<String>>read(fields, "$[0].stale[*].field")).containsExactly("Fax");
        assertThat(JsonPath.<List<Object>>read(fields, "$[0].fields[?(@.name=='TickerSymbol')].reason"))
            .containsExactly("Market data comes from another feed");
        assertThat(JsonPath.<List<Object>>read(fields, "$[0].fields[?(@.name=='Ownership')].samples[0].value"))
            .containsExactly("Listed");
        assertThat(JsonPath.<List<String>>read(fields, "$[0].empty")).contains("Rating", "Jigsaw");
    }

    @Test
    void decisionsSurviveExportAndImportAndAreShownWithTheScope() throws Exception {
        AppUser analyst = this.fixtures.user("exporter");
        AppUser stakeholder = this.fixtures.user("approver");
        Project project = extracted(analyst);
        this.fixtures.grant(project, stakeholder.getUsername(), "STAKEHOLDER");
        RequestPostProcessor api = httpBasic(analyst.getUsername(), Fixtures.PASSWORD);
        String base = "/api/v1/projects/" + project.getId() + "/mapping";
        String decided = JsonPath.parse(MAPPING)
            .put("$.objects[0]", "notMigrated",
                    List.of(Map.of("field", "Fax", "reason", "=Nobody faxes (formula-like on purpose)"),
                            Map.of("field", "Description", "reason", "Marketing copy, rewritten in the new CRM")))
            .jsonString();
        this.mvc.perform(put(base).with(api).contentType(MediaType.APPLICATION_JSON).content(decided))
            .andExpect(status().isOk());
        String v1 = this.mvc.perform(get(base).with(api)).andReturn().getResponse().getContentAsString();
        byte[] xlsx = this.mvc.perform(get(base + "/export").param("format", "xlsx").with(api))
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
        byte[] json = this.mvc.perform(get(base + "/export").param("format", "json").with(api))
            .andReturn()
            .getResponse()
            .getContentAsByteArray();

        // the decisions removed, then each file imported: they are back
        String none = JsonPath.parse(v1).delete("$.objects[0].notMigrated").jsonString();
        save(base, api, JsonPath.parse(none).set("$.version", 1).jsonString());
        assertThat(importFile(base, api, "m.xlsx", xlsx, 2)).isEqualTo(JsonPath.read(v1, "$.objects[0].notMigrated"));
        save(base, api, JsonPath.parse(none).set("$.version", 3).jsonString());
        assertThat(importFile(base, api, "m.json", json, 4)).isEqualTo(JsonPath.read(v1, "$.objects[0].notMigrated"));
        int version = 5;

        // the stakeholder sees them with the scope (and on its printable page)
        String scope = this.mvc
            .perform(
                    get("/projects/" + project.getId() + "/scope").with(this.fixtures.login(stakeholder.getUsername())))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(scope).contains("Source fields not migrated", "mapping version " + version,
                "id=\"not-migrated-Account\"", "(Account → companies)", "=Nobody faxes (formula-like on purpose)",
                "Marketing copy, rewritten in the new CRM", "not decided yet", "Fields not migrated: 2 on purpose, ");
        // an object nobody mapped has no entry
        assertThat(scope).doesNotContain("id=\"not-migrated-Contact\"");
        this.mvc
            .perform(get("/projects/" + project.getId() + "/scope/print")
                .with(this.fixtures.login(stakeholder.getUsername())))
            .andExpect(content().string(containsString("Marketing copy, rewritten in the new CRM")));
    }

    private void save(String base, RequestPostProcessor api, String document) throws Exception {
        this.mvc.perform(put(base).with(api).contentType(MediaType.APPLICATION_JSON).content(document))
            .andExpect(status().isOk());
    }

    /**
     * @return the imported document's decisions
     */
    private Object importFile(String base, RequestPostProcessor api, String name, byte[] content, int version)
            throws Exception {
        String imported = this.mvc
            .perform(multipart(base + "/import").file(new MockMultipartFile("file", name, null, content))
                .param("version", String.valueOf(version))
                .with(api))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        return JsonPath.read(imported, "$.objects[0].notMigrated");
    }

    private Project extracted(AppUser analyst) throws Exception {
        Project project = this.fixtures.project(analyst.getUsername());
        RequestPostProcessor auth = httpBasic(analyst.getUsername(), Fixtures.PASSWORD);
        this.mvc.perform(multipart("/api/v1/projects/" + project.getId() + "/connections")
            .file(new MockMultipartFile("file", "export.zip", "application/zip",
                    TestFiles.zipOf("sf-export-mashmatrix", "Account.csv", "Contact.csv", "Opportunity.csv")))
            .param("role", "source")
            .param("type", "csv")
            .with(auth)).andExpect(status().isCreated());
        ExtractionSteps.extract(this.mvc, project.getId(), "full", auth);
        return project;
    }

}
