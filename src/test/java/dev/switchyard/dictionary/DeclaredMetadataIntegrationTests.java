package dev.switchyard.dictionary;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.switchyard.admin.AppUser;
import dev.switchyard.project.Project;
import dev.switchyard.support.ExtractionSteps;
import dev.switchyard.support.Fixtures;
import dev.switchyard.support.IntegrationTest;
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
 * The object's dictionary page shows the validation rules and record types a CRM declares
 * (kept under {@code declared} in the object's profile).
 */
@IntegrationTest
class DeclaredMetadataIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    DictionaryStore dictionaries;

    @Test
    void showsAnObjectsValidationRulesAndRecordTypes() throws Exception {
        AppUser analyst = this.fixtures.user("declared");
        Project project = this.fixtures.project(analyst.getUsername());
        RequestPostProcessor auth = httpBasic(analyst.getUsername(), Fixtures.PASSWORD);
        this.mvc.perform(multipart("/api/v1/projects/" + project.getId() + "/connections")
            .file(new MockMultipartFile("file", "Opportunity.csv", "text/csv",
                    "Id,Name,CloseDate\n006A,Deal,2026-01-02\n".getBytes(StandardCharsets.UTF_8)))
            .param("role", "source")
            .param("type", "csv")
            .with(auth)).andExpect(status().isCreated());
        long snapshot = ((Number) ExtractionSteps.extract(this.mvc, project.getId(), "full", auth).get("id"))
            .longValue();
        List<DictionaryObject> objects = new ArrayList<>();
        for (DictionaryObject object : this.dictionaries.forSnapshot(snapshot)) {
            Map<String, Object> profile = new LinkedHashMap<>(object.profile());
            profile.putAll(SchemaDictionary.declared(Map.of("validationRules",
                    List.of(Map.of("name", "Close_Date_Required", "active", true, "errorMessage",
                            "Close date is required when the stage is Closed Won", "errorField", "CloseDate", "formula",
                            "AND(ISPICKVAL(StageName, 'Closed Won'), ISBLANK(CloseDate))")),
                    "recordTypes", List.of(Map.of("developerName", "Renewal", "active", true)))));
            objects.add(new DictionaryObject(object.id(), object.name(), object.origin(), object.idField(),
                    object.recordCount(), profile, object.fields()));
        }
        this.dictionaries.saveSource(project.getId(), snapshot, objects);
        String page = this.mvc
            .perform(get("/projects/" + project.getId() + "/dictionary").param("object", "Opportunity")
                .with(this.fixtures.login(analyst.getUsername())))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(page).contains("Validation rules", "Close_Date_Required",
                "Close date is required when the stage is Closed Won",
                "AND(ISPICKVAL(StageName, &#39;Closed Won&#39;), ISBLANK(CloseDate))", "Record types", "Renewal");
    }

}
