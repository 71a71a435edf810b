package dev.switchyard.validation;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import dev.switchyard.support.Fixtures;
import dev.switchyard.support.IntegrationTest;
import dev.switchyard.support.Mashmatrix;
import dev.switchyard.support.TargetDatabases;
import dev.switchyard.support.Validations;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Validation of a real run (the mashmatrix export in the demo destination schema, with
 * the accounts' multi-line, partly non-Latin descriptions): a clean target passes; a
 * target corrupted in every way a tester fears is caught record by record; a target that
 * cannot be read is "could not verify", never green.
 */
@IntegrationTest
class ValidationIntegrationTests {

    static final String SCHEMA = TargetDatabases.demoSchema()
            + "\nalter table companies add column description text;\n";

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    EmbeddedPostgres postgres;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void aCleanRunPassesAndEveryCorruptionIsFoundRecordByRecord() throws Exception {
        Mashmatrix setup = Mashmatrix.mapped(this.mvc, this.fixtures, this.postgres, "validator", SCHEMA);
        long run = setup.start(this.mvc, """
                {"environment": "sandbox"}""");
        setup.await(this.mvc, run, "COMPLETED");

        String clean = validate(setup.auth(), run, null);
        assertThat((String) JsonPath.read(clean, "$.status")).isEqualTo("COMPLETED");
        List<Map<String, Object>> mismatched = JsonPath.read(clean,
                "$.reconciliation.fields[?(@.matched != @.compared)]");
        assertThat(mismatched).isEmpty();
        assertThat((String) JsonPath.read(clean, "$.verdict")).isEqualTo("PASS");
        assertThat(object(clean, "Account")).containsEntry("extracted", 83)
            .containsEntry("created", 83)
            .containsEntry("inTarget", 83)
            .containsEntry("balanced", true);
        assertThat(object(clean, "Opportunity")).containsEntry("inTarget", 774).containsEntry("balanced", true);
        // every contact's company, every deal's company, ReportsToId and ParentId checked
        assertThat((Integer) JsonPath.read(clean, "$.reconciliation.relationships.checked")).isGreaterThan(133 + 774);
        assertThat((Integer) JsonPath.read(clean, "$.reconciliation.relationships.broken")).isZero();
        // the descriptions with line breaks and non-Latin text were checked, and passed
        assertThat(check(clean, "companies", "LINE_BREAKS")).containsEntry("checked", 40).containsEntry("failed", 0);
        // phones trimmed by design: the raw source differs, the target is as expected
        String reconciliation = this.mvc.perform(get("/api/v1/runs/" + run + "/reconciliation").with(setup.auth()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat((Integer) JsonPath.read(reconciliation, "$.objects[0].inScope")).isEqualTo(83);

        String deal;
        String company;
        String person;
        String described;
        String truncated;
        String titled;
        String born;
        try (Connection target = DriverManager.getConnection(setup.url(), "postgres", "");
                Statement sql = target.createStatement()) {
            company = text(sql, "select source_id from companies order by id limit 1");
            sql.executeUpdate("update companies set name = name || ' (edited)' where source_id = '" + company + "'");
            deal = text(sql, "select source_id from deals order by id limit 1");
            sql.executeUpdate("delete from deals where source_id = '" + deal + "'");
            person = text(sql, "select source_id from people where company_id is not null order by id limit 1");
            sql.executeUpdate("update people set company_id = (select max(id) from companies where id <> "
                    + "(select company_id from people where source_id = '" + person + "')) where source_id = '" + person
                    + "'");
            described = text(sql, "select source_id from companies where description like E'%\\n%' "
                    + "and description !~ '[^\\x01-\\x7F]' order by id limit 1");
            sql.executeUpdate(
                    "update companies set description = replace(replace(description, E'\\r', ''), E'\\n', ' ')"
                            + " where source_id = '" + described + "'");
            truncated = text(sql, "select source_id from companies where length(description) > 40 and source_id <> '"
                    + described + "' and description ~ '^[\\x01-\\x7F]*$' order by id limit 1");
            sql.executeUpdate(
                    "update companies set description = left(description, 20) where source_id = '" + truncated + "'");
            titled = text(sql, "select source_id from people where coalesce(department, '') = '' and source_id <> '"
                    + person + "' order by id limit 1");
            sql.executeUpdate("update people set department = 'null' where source_id = '" + titled + "'");
            born = text(sql, "select source_id from deals where source_id <> '" + deal + "' order by id limit 1");
            sql.executeUpdate("update deals set close_date = close_date - 1 where source_id = '" + born + "'");
        }

        String corrupt = validate(setup.auth(), run, null);
        assertThat((String) JsonPath.read(corrupt, "$.verdict")).isEqualTo("FAIL");
        assertThat(object(corrupt, "Opportunity")).containsEntry("inTarget", 773)
            .containsEntry("missing", 1)
            .containsEntry("balanced", false);
        assertThat(object(corrupt, "Account")).containsEntry("balanced", true);
        assertThat((Integer) JsonPath.read(corrupt, "$.reconciliation.relationships.broken")).isEqualTo(1);
        long id = ((Number) JsonPath.read(corrupt, "$.id")).longValue();
        assertThat(findings(setup.auth(), id, "MISSING_IN_TARGET")).containsExactly(deal + "|deals|null");
        assertThat(findings(setup.auth(), id, "MISMATCH")).contains(company + "|companies|name")
            .contains(described + "|companies|description")
            .contains(titled + "|people|department")
            .contains(born + "|deals|close_date");
        assertThat(findings(setup.auth(), id, "BROKEN_REFERENCE")).containsExactly(person + "|people|company_id");
        assertThat(findings(setup.auth(), id, "LINE_BREAKS")).containsExactly(described + "|companies|description");
        assertThat(findings(setup.auth(), id, "TRUNCATION")).containsExactly(truncated + "|companies|description");
        assertThat(findings(setup.auth(), id, "NULL_STRING")).containsExactly(titled + "|people|department");
        assertThat(findings(setup.auth(), id, "DATE_ONLY")).containsExactly(born + "|deals|close_date");
        Map<String, Object> name = field(corrupt, "companies", "name");
        assertThat(name).containsEntry("compared", 83).containsEntry("matched", 82).containsEntry("status", "FAIL");

        // the report downloads from the validation's page too
        byte[] report = this.mvc
            .perform(get("/projects/" + setup.project() + "/validations/" + id + "/export.xlsx")
                .with(this.fixtures.login(setup.analyst())))
            .andExpect(status().isOk())
            .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                .string("Content-Disposition", org.hamcrest.Matchers.containsString("validation-" + id + ".xlsx")))
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new java.io.ByteArrayInputStream(report))) {
            assertThat(book.getSheet("Mismatch samples")).isNotNull();
        }

        // a table that cannot be read back: could not verify, never a pass
        try (Connection target = DriverManager.getConnection(setup.url(), "postgres", "");
                Statement sql = target.createStatement()) {
            sql.executeUpdate("alter table people rename to people_gone");
        }
        String gone = validate(setup.auth(), run, null);
        assertThat((String) JsonPath.read(gone, "$.status")).isEqualTo("COULD_NOT_VERIFY");
        assertThat((String) JsonPath.read(gone, "$.verdict")).isEqualTo("UNVERIFIED");
        assertThat(object(gone, "Contact")).containsEntry("balanced", null);
        assertThat((String) object(gone, "Contact").get("reason")).contains("people");
        assertThat(object(gone, "Account")).containsEntry("balanced", true);

        // a source record the ledger lost its outcome for is named
        this.jdbc.update("delete from run_ledger where run_id = ? and source_object = 'Account' and source_id = ?", run,
                company);
        String unaccounted = validate(setup.auth(), run, null);
        assertThat(object(unaccounted, "Account")).containsEntry("withoutOutcome", 1)
            .containsEntry("created", 82)
            .containsEntry("balanced", false);
        long last = ((Number) JsonPath.read(unaccounted, "$.id")).longValue();
        assertThat(findings(setup.auth(), last, "NO_OUTCOME")).containsExactly(company + "|companies|null");
    }

    @Test
    void aReferenceLeftEmptyBecauseItsParentWasQuarantinedIsExplainedNotBrokenNorAMismatch() throws Exception {
        // last names over 7 characters do not fit: 26 contacts are quarantined, and 6
        // loaded
        // contacts report to one of them
        Mashmatrix setup = Mashmatrix.mapped(this.mvc, this.fixtures, this.postgres, "unresolved",
                TargetDatabases.demoSchema() + "\nalter table people alter column last_name type varchar(7);\n");
        long run = setup.start(this.mvc, """
                {"environment": "sandbox"}""");
        String done = setup.await(this.mvc, run, "COMPLETED");
        assertThat(Mashmatrix.counts(done, "Contact")).containsEntry("quarantined", 26).containsEntry("created", 107);
        String validation = validate(setup.auth(), run, null);
        assertThat((Integer) JsonPath.read(validation, "$.reconciliation.relationships.broken")).isZero();
        assertThat((Integer) JsonPath.read(validation, "$.reconciliation.relationships.unresolved")).isEqualTo(6);
        // left out of the field's match rate: every reference compared is as expected,
        // the six are shown only as unresolved (the field warns, like the tile)
        assertThat(field(validation, "people", "reports_to_id")).containsEntry("status", "WARN")
            .containsEntry("compared", 101)
            .containsEntry("matched", 101)
            .containsEntry("rate", 100.0)
            .containsEntry("unresolved", 6);
        assertThat(field(validation, "people", "company_id")).containsEntry("status", "PASS")
            .containsEntry("compared", 107)
            .containsEntry("unresolved", 0);
        assertThat((String) JsonPath.read(validation, "$.verdict")).isEqualTo("WARN");
        assertThat(object(validation, "Contact")).containsEntry("balanced", true).containsEntry("inTarget", 107);
        long id = ((Number) JsonPath.read(validation, "$.id")).longValue();
        assertThat(findings(setup.auth(), id, "UNRESOLVED_PARENT")).hasSize(6)
            .allMatch((f) -> f.endsWith("|people|reports_to_id"));
        assertThat(findings(setup.auth(), id, "BROKEN_REFERENCE")).isEmpty();
    }

    @Test
    void aSeededSampleComparesTheSameRecordsEachTime() throws Exception {
        Mashmatrix setup = Mashmatrix.mapped(this.mvc, this.fixtures, this.postgres, "sampler",
                TargetDatabases.demoSchema());
        long run = setup.start(this.mvc, """
                {"environment": "sandbox"}""");
        setup.await(this.mvc, run, "COMPLETED");
        String first = validate(setup.auth(), run, """
                {"mode": "sample", "sampleSize": 50, "seed": 7, "strata": "StageName"}""");
        String second = validate(setup.auth(), run, """
                {"mode": "sample", "sampleSize": 50, "seed": 7, "strata": "StageName"}""");
        Map<String, Object> deals = object(first, "Opportunity");
        // reconciliation stays complete; the comparison is the sample, drawn across
        // stages
        assertThat(deals).containsEntry("inTarget", 774);
        int compared = ((Number) field(first, "deals", "stage").get("compared")).intValue();
        assertThat(compared).isBetween(50, 60);
        assertThat(field(second, "deals", "stage")).containsEntry("compared", compared);
        assertThat((String) JsonPath.read(first, "$.mode")).isEqualTo("SAMPLE");

        this.mvc
            .perform(post("/api/v1/runs/" + run + "/validations").with(setup.auth())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"mode\": \"sample\"}"))
            .andExpect(status().isUnprocessableContent());
        this.mvc
            .perform(post("/api/v1/runs/" + run + "/validations").with(setup.auth())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"mode\": \"everything\"}"))
            .andExpect(status().isUnprocessableContent());
    }

    String validate(RequestPostProcessor auth, long run, String body) throws Exception {
        return Validations.validate(this.mvc, auth, run, body);
    }

    List<String> findings(RequestPostProcessor auth, long id, String kind) throws Exception {
        String json = this.mvc.perform(get("/api/v1/validations/" + id + "/findings").param("kind", kind).with(auth))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        List<Map<String, Object>> found = JsonPath.read(json, "$.findings");
        return found.stream().map((f) -> f.get("sourceId") + "|" + f.get("target") + "|" + f.get("field")).toList();
    }

    static Map<String, Object> object(String json, String name) {
        List<Map<String, Object>> found = JsonPath.read(json, "$.reconciliation.objects[?(@.name=='" + name + "')]");
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    static Map<String, Object> field(String json, String object, String field) {
        List<Map<String, Object>> found = JsonPath.read(json,
                "$.reconciliation.fields[?(@.object=='" + object + "' && @.field=='" + field + "')]");
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    static Map<String, Object> check(String json, String object, String check) {
        List<Map<String, Object>> found = JsonPath.read(json,
                "$.reconciliation.content[?(@.object=='" + object + "' && @.check=='" + check + "')]");
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    static String text(Statement sql, String query) throws Exception {
        try (java.sql.ResultSet rs = sql.executeQuery(query)) {
            assertThat(rs.next()).as(query).isTrue();
            return rs.getString(1);
        }
    }

}
