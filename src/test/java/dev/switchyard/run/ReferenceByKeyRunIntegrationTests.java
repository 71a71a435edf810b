package dev.switchyard.run;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import dev.switchyard.admin.AppUser;
import dev.switchyard.profiling.KeyNormal;
import dev.switchyard.project.Project;
import dev.switchyard.support.ExtractionSteps;
import dev.switchyard.support.Fixtures;
import dev.switchyard.support.IntegrationTest;
import dev.switchyard.support.Mashmatrix;
import dev.switchyard.support.TargetDatabases;
import dev.switchyard.support.TestFiles;
import dev.switchyard.support.Validations;
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
 * A run resolving references by the parent's name into the demo destination schema: the
 * crafted report export relates contacts to accounts, and accounts to their parent
 * accounts, by the account's name; the suggested mapping resolves them by
 * {@code Account.Name} (ignoring case and punctuation, as some values differ so), and the
 * run loads every contact under the right company and every account under its parent,
 * whatever id the accounts have; contacts whose account name matches no account are
 * quarantined, naming the value. Validation resolves the references the same way and
 * finds none broken.
 */
@IntegrationTest
class ReferenceByKeyRunIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    EmbeddedPostgres postgres;

    @Test
    void loadsContactsUnderTheAccountTheirAccountNameNamesAndAccountsUnderTheirParent() throws Exception {
        AppUser analyst = this.fixtures.user("bykey");
        Project project = this.fixtures.project(analyst.getUsername());
        RequestPostProcessor auth = httpBasic(analyst.getUsername(), Fixtures.PASSWORD);
        this.mvc.perform(multipart("/api/v1/projects/" + project.getId() + "/connections")
            .file(new MockMultipartFile("file", "report.zip", "application/zip",
                    TestFiles.zipOf("crafted-report-export", "Account.csv", "Contact.csv")))
            .param("role", "source")
            .param("type", "csv")
            .with(auth)).andExpect(status().isCreated());
        ExtractionSteps.extract(this.mvc, project.getId(), "full", auth);
        String url = TargetDatabases.create(this.postgres, "bykey", TargetDatabases.demoSchema());
        TargetDatabases.connect(this.mvc, project.getId(), "sandbox", url, auth);

        String base = "/api/v1/projects/" + project.getId() + "/mapping";
        this.mvc.perform(put(base).with(auth).contentType(MediaType.APPLICATION_JSON).content("""
                {"version": 0, "objects": [
                  {"source": "Account", "target": "companies"}, {"source": "Contact", "target": "people"}]}"""))
            .andExpect(status().isOk());
        String suggested = this.mvc.perform(post(base + "/suggest").with(auth))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        // the dictionary found the references by name: the suggestions resolve them so
        List<Map<String, Object>> company = JsonPath.read(suggested,
                "$.mapping.objects[?(@.target=='people')].fields[?(@.target=='company_id')].transforms[0]");
        assertThat(company).singleElement()
            .isEqualTo(
                    Map.of("type", "reference", "targetObject", "Account", "byField", "Name", "match", "NORMALISED"));
        List<List<String>> companySources = JsonPath.read(suggested,
                "$.mapping.objects[?(@.target=='people')].fields[?(@.target=='company_id')].sources");
        assertThat(companySources).containsExactly(List.of("AccountName"));
        List<Map<String, Object>> parent = JsonPath.read(suggested,
                "$.mapping.objects[?(@.target=='companies')].fields[?(@.target=='parent_id')].transforms[0]");
        assertThat(parent).singleElement().extracting((p) -> p.get("byField")).isEqualTo("Name");

        // the export's numbers are fictitious (555): copied as written, as in the demo
        com.jayway.jsonpath.DocumentContext mapping = JsonPath
            .parse(JsonPath.parse(suggested).read("$.mapping", Object.class));
        mapping.set("$.objects[*].fields[?(@.target=='phone')].transforms",
                JsonPath.parse("[{\"type\": \"trim\", \"collapseSpaces\": true}]").json());
        this.mvc.perform(put(base).with(auth).contentType(MediaType.APPLICATION_JSON).content(mapping.jsonString()))
            .andExpect(status().isOk());
        String validation = this.mvc.perform(post(base + "/validate").with(auth))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat((List<?>) JsonPath.read(validation, "$.errors")).as(validation).isEmpty();

        Mashmatrix setup = new Mashmatrix(project.getId(), analyst.getUsername(), 0, auth, url);
        long run = setup.start(this.mvc, """
                {"environment": "sandbox", "mode": "full"}""");
        String done = setup.await(this.mvc, run, "COMPLETED");
        assertThat(Mashmatrix.counts(done, "Account")).containsEntry("created", 40);
        assertThat(Mashmatrix.counts(done, "Contact")).containsEntry("created", 57).containsEntry("quarantined", 3);
        String ledger = this.mvc
            .perform(get("/api/v1/runs/" + run + "/ledger").param("outcome", "quarantined")
                .param("object", "Contact")
                .with(auth))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        List<String> reasons = JsonPath.read(ledger, "$.entries[*].reason");
        assertThat(reasons)
            .contains("company_id: no Account has Name 'Globex Corportion' (ignoring case, spaces and punctuation)");

        Map<String, String> accountByName = new HashMap<>();
        Map<String, String> parentNameOf = new HashMap<>();
        for (Map<String, String> row : rows("Account.csv")) {
            accountByName.put(KeyNormal.of(row.get("Name")), row.get("Id"));
            parentNameOf.put(row.get("Id"), row.get("ParentAccount"));
        }
        Map<String, String> expected = new HashMap<>();
        for (Map<String, String> row : rows("Contact.csv")) {
            String account = accountByName.get(KeyNormal.of(row.get("AccountName")));
            if (account != null) {
                expected.put(row.get("Id"), account);
            }
        }
        assertThat(expected).hasSize(57);
        try (Connection target = DriverManager.getConnection(url, "postgres", "");
                Statement sql = target.createStatement()) {
            Map<String, String> loaded = pairs(sql,
                    "select p.source_id, c.source_id from people p" + " join companies c on c.id = p.company_id");
            assertThat(loaded).isEqualTo(expected);
            Map<String, String> parents = pairs(sql,
                    "select c.source_id, p.source_id from companies c" + " join companies p on p.id = c.parent_id");
            Map<String, String> expectedParents = new HashMap<>();
            parentNameOf.forEach((id, name) -> {
                String parentId = accountByName.get(KeyNormal.of(name));
                if (name != null && !name.isBlank() && parentId != null) {
                    expectedParents.put(id, parentId);
                }
            });
            // Globex Benelux ← Globex Corporation Europe ← Globex Corporation; Acme Tools
            // under Acme Corporation though its parent is written ACME CORPORATION;
            // Initech Payments' "Initech Holdngs" names no account
            assertThat(parents).isEqualTo(expectedParents).containsEntry("ACC-0008", "ACC-0007").hasSize(6);
        }

        // tracing finds the network by the same keys: Globex Corporation's contacts by
        // their account name, its child account by its parent's name
        String trace = this.mvc
            .perform(get("/api/v1/runs/" + run + "/trace").param("object", "Account")
                .param("sourceId", "ACC-0001")
                .with(auth))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        List<String> contactsOf = JsonPath.read(trace,
                "$.children[?(@.field=='AccountName')].source[?(@.status=='MATCHED')].sourceId");
        assertThat(contactsOf).containsExactly("CON-0001");
        List<String> children = JsonPath.read(trace,
                "$.children[?(@.field=='ParentAccount')].source[?(@.status=='MATCHED')].sourceId");
        assertThat(children).containsExactly("ACC-0002");
        String child = this.mvc
            .perform(get("/api/v1/runs/" + run + "/trace").param("object", "Account")
                .param("sourceId", "ACC-0008")
                .with(auth))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        List<String> parentOf = JsonPath.read(child,
                "$.parents[?(@.field=='ParentAccount')].source[?(@.status=='MATCHED')].sourceId");
        assertThat(parentOf).as(child).containsExactly("ACC-0007");

        Validations.validate(this.mvc, auth, run, null);
        String reconciliation = this.mvc.perform(get("/api/v1/runs/" + run + "/reconciliation").with(auth))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat((Integer) JsonPath.read(reconciliation, "$.relationships.broken")).as(reconciliation).isZero();
        assertThat((Integer) JsonPath.read(reconciliation, "$.relationships.checked")).isPositive();
    }

    private static Map<String, String> pairs(Statement sql, String query) throws Exception {
        Map<String, String> pairs = new HashMap<>();
        try (ResultSet rs = sql.executeQuery(query)) {
            while (rs.next()) {
                pairs.put(rs.getString(1), rs.getString(2));
            }
        }
        return pairs;
    }

    private static List<Map<String, String>> rows(String file) throws Exception {
        String text = java.nio.file.Files.readString(TestFiles.data("crafted-report-export/" + file));
        List<Map<String, String>> rows = new java.util.ArrayList<>();
        try (de.siegmar.fastcsv.reader.CsvReader<de.siegmar.fastcsv.reader.NamedCsvRecord> reader = de.siegmar.fastcsv.reader.CsvReader
            .builder()
            .ofNamedCsvRecord(text)) {
            reader.forEach((r) -> rows.add(new java.util.LinkedHashMap<>(r.getFieldsAsMap())));
        }
        return rows;
    }

}
