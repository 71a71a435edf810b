package dev.switchyard.validation;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import dev.switchyard.support.Fixtures;
import dev.switchyard.support.IntegrationTest;
import dev.switchyard.support.Mashmatrix;
import dev.switchyard.support.TargetDatabases;
import dev.switchyard.support.TestFiles;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Relationship tracing of a real run (the mashmatrix export in the demo destination
 * schema): the top accounts by revenue are those of the export; a high-value account's
 * contacts and opportunities are the export's, all matched in the target; a contact moved
 * to another company and a deleted deal show up as missing under it, and the moved
 * contact as extra under its new company; a search by name finds the account; bad input
 * is named; an unreadable target is said so.
 */
@IntegrationTest
class RelationshipTraceIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    EmbeddedPostgres postgres;

    @Test
    void aHighValueAccountsNetworkMatchesUntilTheTargetIsChanged() throws Exception {
        Mashmatrix setup = Mashmatrix.mapped(this.mvc, this.fixtures, this.postgres, "tracer",
                TargetDatabases.demoSchema());
        long run = setup.start(this.mvc, "{\"environment\": \"sandbox\"}");
        setup.await(this.mvc, run, "COMPLETED");
        RequestPostProcessor auth = setup.auth();

        // the top 20 accounts by AnnualRevenue, as the export has them
        List<NamedCsvRecord> accounts = csv("Account.csv");
        List<NamedCsvRecord> withRevenue = new ArrayList<>(
                accounts.stream().filter((a) -> a.getField("AnnualRevenue").strip().matches("[0-9.]+")).toList());
        withRevenue.sort(Comparator.comparing((NamedCsvRecord a) -> new BigDecimal(a.getField("AnnualRevenue").strip()))
            .reversed()
            .thenComparing((a) -> a.getField("Id")));
        List<String> expectedTop = withRevenue.stream().limit(20).map((a) -> a.getField("Id")).toList();
        assertThat(expectedTop).hasSizeGreaterThan(5);
        String top = json(get("/api/v1/runs/" + run + "/trace/top").param("object", "account")
            .param("field", "annualrevenue")
            .with(auth));
        assertThat((List<String>) JsonPath.read(top, "$.records[*].sourceId")).containsExactlyElementsOf(expectedTop);
        assertThat((Integer) JsonPath.read(top, "$.total")).isEqualTo(withRevenue.size());
        assertThat((String) JsonPath.read(top, "$.field")).isEqualTo("AnnualRevenue");

        // a high-value account with contacts and opportunities, counted in the export
        Map<String, Integer> contacts = countBy(csv("Contact.csv"), "AccountId");
        Map<String, Integer> deals = countBy(csv("Opportunity.csv"), "AccountId");
        List<String> candidates = new ArrayList<>(expectedTop);
        accounts.forEach((a) -> candidates.add(a.getField("Id")));
        String account = candidates.stream()
            .filter((id) -> contacts.getOrDefault(id, 0) >= 2 && deals.getOrDefault(id, 0) >= 2)
            .findFirst()
            .orElseThrow();
        String name = accounts.stream()
            .filter((a) -> a.getField("Id").equals(account))
            .findFirst()
            .orElseThrow()
            .getField("Name");

        String clean = trace(auth, run, account);
        assertThat((String) JsonPath.read(clean, "$.name")).isEqualTo(name);
        assertThat((Object) JsonPath.read(clean, "$.targetProblem")).isNull();
        assertThat((Object) JsonPath.read(clean, "$.targetId")).isNotNull();
        assertThat(children(clean, "Contact")).containsEntry("sourceCount", contacts.get(account))
            .containsEntry("targetCount", contacts.get(account))
            .containsEntry("matched", contacts.get(account))
            .containsEntry("missing", 0)
            .containsEntry("extra", 0)
            .containsEntry("targetObject", "people")
            .containsEntry("targetField", "company_id");
        assertThat(children(clean, "Opportunity")).containsEntry("sourceCount", deals.get(account))
            .containsEntry("matched", deals.get(account))
            .containsEntry("missing", 0)
            .containsEntry("extra", 0);
        List<String> contactIds = JsonPath.read(clean,
                "$.children[?(@.object=='Contact')].source[?(@.status=='MATCHED')].sourceId");
        assertThat(contactIds).hasSize(contacts.get(account));
        List<String> contactNames = JsonPath.read(clean, "$.children[?(@.object=='Contact')].source[*].name");
        assertThat(contactNames).doesNotContainNull();
        List<String> dealIds = JsonPath.read(clean, "$.children[?(@.object=='Opportunity')].source[*].sourceId");

        // a contact moved to another company, a deal deleted
        String moved = contactIds.get(0);
        String deleted = dealIds.get(0);
        String other;
        try (Connection target = DriverManager.getConnection(setup.url(), "postgres", "");
                Statement sql = target.createStatement()) {
            try (var rs = sql.executeQuery(
                    "select source_id from companies where source_id <> '" + account + "' order by id limit 1")) {
                rs.next();
                other = rs.getString(1);
            }
            assertThat(sql.executeUpdate("update people set company_id = (select id from companies where source_id = '"
                    + other + "') where source_id = '" + moved + "'"))
                .isEqualTo(1);
            assertThat(sql.executeUpdate("delete from deals where source_id = '" + deleted + "'")).isEqualTo(1);
        }
        String changed = trace(auth, run, account);
        assertThat(children(changed, "Contact")).containsEntry("sourceCount", contacts.get(account))
            .containsEntry("targetCount", contacts.get(account) - 1)
            .containsEntry("matched", contacts.get(account) - 1)
            .containsEntry("missing", 1)
            .containsEntry("extra", 0);
        assertThat(children(changed, "Opportunity")).containsEntry("matched", deals.get(account) - 1)
            .containsEntry("missing", 1)
            .containsEntry("extra", 0);
        Map<String, Object> movedMember = member(changed, "Contact", "source", "MISSING_IN_TARGET");
        assertThat(movedMember).containsEntry("sourceId", moved);
        assertThat((String) movedMember.get("detail")).contains("company_id points at companies")
            .contains("Account " + other);
        Map<String, Object> deletedMember = member(changed, "Opportunity", "source", "MISSING_IN_TARGET");
        assertThat(deletedMember).containsEntry("sourceId", deleted);
        assertThat((String) deletedMember.get("detail")).contains("is no longer in deals");
        // missing ones are listed first: the difference is never cut off by the cap
        assertThat((String) JsonPath.read(changed, "$.children[?(@.object=='Contact')].source[0].status").toString())
            .contains("MISSING_IN_TARGET");

        // the moved contact is an extra child of its new company in the target
        String elsewhere = trace(auth, run, other);
        Map<String, Object> extra = member(elsewhere, "Contact", "target", "EXTRA_IN_TARGET");
        assertThat(extra).containsEntry("sourceId", moved);
        assertThat((String) extra.get("detail")).contains("AccountId is " + account);
        assertThat(children(elsewhere, "Contact")).containsEntry("extra", 1);

        // the page shows both sides with the differences in words
        RequestPostProcessor web = this.fixtures.login(setup.analyst());
        String page = this.mvc
            .perform(get("/projects/" + setup.project() + "/runs/" + run + "/trace/Account/" + account).with(web))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(page).contains("Missing in target", moved, deleted, "Differences found");

        // a search by a part of the name finds it; LIKE wildcards are taken literally
        String part = name.substring(0, Math.min(5, name.length())).toLowerCase(java.util.Locale.ROOT);
        String found = json(
                get("/api/v1/runs/" + run + "/trace/search").param("object", "Account").param("q", part).with(auth));
        assertThat((List<String>) JsonPath.read(found, "$.records[*].sourceId")).contains(account);
        assertThat((Integer) JsonPath.read(json(
                get("/api/v1/runs/" + run + "/trace/search").param("object", "Account").param("q", account).with(auth)),
                "$.total"))
            .isEqualTo(1);
        assertThat((Integer) JsonPath.read(json(
                get("/api/v1/runs/" + run + "/trace/search").param("object", "Account").param("q", "%").with(auth)),
                "$.total"))
            .isZero();

        // bad input is named, never a 500
        assertThat(problem(auth, "/api/v1/runs/" + run + "/trace?object=Lead&sourceId=1", 422))
            .contains("did not map 'Lead'", "Account, Contact, Opportunity");
        assertThat(problem(auth, "/api/v1/runs/" + run + "/trace?object=Account&sourceId=nope", 404))
            .contains("no Account with the source id 'nope'");
        assertThat(problem(auth, "/api/v1/runs/" + run + "/trace/top?object=Account&field=Name", 422))
            .contains("No record of Account holds a number in Name", "AnnualRevenue");
        assertThat(problem(auth, "/api/v1/runs/" + run + "/trace/top?object=Account&field=Nope", 422))
            .contains("Account has no field 'Nope'");
        assertThat(problem(auth, "/api/v1/runs/" + run + "/trace/top?object=Account&field=AnnualRevenue&limit=x", 422))
            .contains("whole number");
        String pick = this.mvc
            .perform(get("/projects/" + setup.project() + "/runs/" + run + "/trace").param("object", "Account")
                .param("field", "Name")
                .with(web))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(pick).contains("No record of Account holds a number in Name");

        // a target that cannot be read is said so, never an empty network
        try (Connection target = DriverManager.getConnection(setup.url(), "postgres", "");
                Statement sql = target.createStatement()) {
            sql.executeUpdate("alter table people rename to people_gone");
        }
        String partly = trace(auth, run, account);
        assertThat((String) children(partly, "Contact").get("problem")).startsWith("Could not read the target");
        assertThat(children(partly, "Contact").get("matched")).isNull();
        assertThat(children(partly, "Opportunity")).containsEntry("missing", 1);
        try (Connection target = DriverManager.getConnection(setup.url(), "postgres", "");
                Statement sql = target.createStatement()) {
            sql.executeUpdate("alter table companies rename to companies_gone");
        }
        String unread = trace(auth, run, account);
        assertThat((String) JsonPath.read(unread, "$.targetProblem")).startsWith("Could not read the target");
        assertThat(children(unread, "Contact")).containsEntry("sourceCount", contacts.get(account))
            .containsEntry("matched", null);
    }

    private String trace(RequestPostProcessor auth, long run, String account) throws Exception {
        return json(
                get("/api/v1/runs/" + run + "/trace").param("object", "Account").param("sourceId", account).with(auth));
    }

    private String json(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        return this.mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private String problem(RequestPostProcessor auth, String url, int expected) throws Exception {
        return this.mvc.perform(get(url).with(auth))
            .andExpect(status().is(expected))
            .andReturn()
            .getResponse()
            .getContentAsString();
    }

    private static Map<String, Object> children(String network, String object) {
        List<Map<String, Object>> found = JsonPath.read(network,
                "$.children[?(@.object=='" + object + "' && @.field=='AccountId')]");
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private static Map<String, Object> member(String network, String object, String side, String status) {
        List<Map<String, Object>> found = JsonPath.read(network,
                "$.children[?(@.object=='" + object + "')]." + side + "[?(@.status=='" + status + "')]");
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private static Map<String, Integer> countBy(List<NamedCsvRecord> records, String field) {
        Map<String, Integer> counts = new HashMap<>();
        records.forEach((r) -> {
            String value = r.getField(field).strip();
            if (!value.isEmpty()) {
                counts.merge(value, 1, Integer::sum);
            }
        });
        return counts;
    }

    private static List<NamedCsvRecord> csv(String file) throws Exception {
        String text = new String(Files.readAllBytes(TestFiles.data("sf-export-mashmatrix/" + file)),
                StandardCharsets.UTF_8);
        try (CsvReader<NamedCsvRecord> reader = CsvReader.builder().ofNamedCsvRecord(text.replace("\uFEFF", ""))) {
            return reader.stream().toList();
        }
    }

}
