package dev.switchyard.extraction;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import dev.switchyard.admin.AppUser;
import dev.switchyard.project.Project;
import dev.switchyard.support.ExtractionSteps;
import dev.switchyard.support.Fixtures;
import dev.switchyard.support.IntegrationTest;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The assessment on real exports: the dictionary with inferred references, and the
 * data-quality findings the data sets are known to have.
 */
@IntegrationTest
class AssessmentIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    EmbeddedPostgres postgres;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void buildsTheDictionaryAndFindingsOfTheMashmatrixExport() throws Exception {
        AppUser analyst = this.fixtures.user("analyst");
        Project project = this.fixtures.project(analyst.getUsername());
        RequestPostProcessor auth = httpBasic(analyst.getUsername(), Fixtures.PASSWORD);
        long connectionId = upload(project, "mashmatrix.zip",
                TestFiles.zipOf("sf-export-mashmatrix", "Account.csv", "Contact.csv", "Opportunity.csv"), auth);
        this.mvc
            .perform(put("/api/v1/projects/" + project.getId() + "/connections/" + connectionId + "/objects/Account")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"categoryField\":\"Type\"}")
                .with(auth))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.options['category.Account']").value("Type"));
        assertThat(extract(project, auth)).isIn("COMPLETED", "COMPLETED_WITH_ERRORS");
        this.mvc
            .perform(get("/projects/" + project.getId() + "/dictionary/field").param("object", "Account")
                .with(this.fixtures.login(analyst.getUsername())))
            .andExpect(status().isOk())
            .andExpect(content().string(org.hamcrest.Matchers.containsString("Records by Type")))
            .andExpect(content().string(org.hamcrest.Matchers.containsString("Customer")));
        byte[] xlsx = this.mvc
            .perform(get("/projects/" + project.getId() + "/dictionary.xlsx")
                .with(this.fixtures.login(analyst.getUsername())))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            var sheet = workbook.getSheet("Dictionary");
            assertThat(sheet.getRow(0).getCell(10).getStringCellValue()).isEqualTo("References");
            boolean found = false;
            for (var row : sheet) {
                if ("Contact".equals(row.getCell(0).getStringCellValue())
                        && "AccountId".equals(row.getCell(1).getStringCellValue())) {
                    assertThat(row.getCell(10).getStringCellValue()).isEqualTo("Account");
                    found = true;
                }
            }
            assertThat(found).isTrue();
        }
        byte[] findingsXlsx = this.mvc
            .perform(get("/projects/" + project.getId() + "/findings.xlsx")
                .with(this.fixtures.login(analyst.getUsername())))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new java.io.ByteArrayInputStream(findingsXlsx))) {
            assertThat(workbook.getSheet("Findings").getLastRowNum()).isPositive();
        }

        String dictionary = this.mvc.perform(get("/api/v1/projects/" + project.getId() + "/dictionary").with(auth))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        List<Integer> accounts = JsonPath.read(dictionary, "$.objects[?(@.name=='Account')].recordCount");
        assertThat(accounts).containsExactly(83);
        assertThat(field(dictionary, "Account", "Id")).containsEntry("type", "ID")
            .containsEntry("required", true)
            .containsEntry("unique", true);
        assertThat(field(dictionary, "Contact", "AccountId")).containsEntry("references", "Account")
            .containsEntry("type", "REFERENCE")
            .containsEntry("referenceInferred", true)
            .containsEntry("fillRate", 1.0);
        assertThat(field(dictionary, "Contact", "ReportsToId")).containsEntry("references", "Contact");
        assertThat(field(dictionary, "Opportunity", "AccountId")).containsEntry("references", "Account");
        assertThat(field(dictionary, "Opportunity", "CloseDate")).containsEntry("type", "DATE");
        assertThat(field(dictionary, "Opportunity", "StageName")).containsEntry("type", "PICKLIST");
        assertThat(field(dictionary, "Account", "Name")).containsEntry("distinctCount", 82);
        List<String> byKey = JsonPath.read(dictionary, "$.objects[*].fields[?(@.referenceKey != null)].name");
        assertThat(byKey).as("the export relates its records by id only").isEmpty();
        List<String> absent = JsonPath.read(dictionary,
                "$.objects[?(@.name=='Opportunity')].absentReferences[*].field");
        assertThat(absent).containsExactlyInAnyOrder("OwnerId", "CreatedById", "LastModifiedById");

        String findings = this.mvc.perform(get("/api/v1/projects/" + project.getId() + "/findings").with(auth))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        List<String> duplicateIds = JsonPath.read(findings,
                "$[?(@.kind=='DUPLICATE_CANDIDATES' && @.object=='Account')].examples[*].recordId");
        assertThat(duplicateIds).contains("001f4000009wJD7AAM", "001f4000003NkdGAAS");
        List<Integer> lostZeros = JsonPath.read(findings,
                "$[?(@.kind=='LOST_LEADING_ZEROS' && @.field=='BillingPostalCode')].count");
        assertThat(lostZeros).isNotEmpty();
        List<String> phoneFormats = JsonPath.read(findings,
                "$[?(@.kind=='INCONSISTENT_FORMAT' && @.object=='Account')].field");
        assertThat(phoneFormats).contains("Phone");
        List<Integer> orphans = JsonPath.read(findings, "$[?(@.kind=='ORPHAN_REFERENCES')].count");
        assertThat(orphans).as("the export has no orphans").isEmpty();
    }

    @Test
    void extractsSObjectTreePlansWithTheirReferences() throws Exception {
        AppUser analyst = this.fixtures.user("analyst");
        Project project = this.fixtures.project(analyst.getUsername());
        RequestPostProcessor auth = httpBasic(analyst.getUsername(), Fixtures.PASSWORD);
        byte[] zip = TestFiles.zipOf("sf-apex-recipes/data", "data-plan.json", "Accounts.json", "Contacts.json",
                "Opportunities.json");
        this.mvc
            .perform(multipart("/api/v1/projects/" + project.getId() + "/connections")
                .file(new MockMultipartFile("file", "apex-recipes.zip", "application/zip", zip))
                .param("role", "source")
                .param("type", "sobject-tree")
                .with(auth))
            .andExpect(status().isCreated());
        assertThat(extract(project, auth)).isEqualTo("COMPLETED");
        String dictionary = this.mvc.perform(get("/api/v1/projects/" + project.getId() + "/dictionary").with(auth))
            .andReturn()
            .getResponse()
            .getContentAsString();
        List<Integer> contacts = JsonPath.read(dictionary, "$.objects[?(@.name=='Contact')].recordCount");
        assertThat(contacts).containsExactly(150);
        assertThat(field(dictionary, "Contact", "accountId")).containsEntry("references", "Account")
            .containsEntry("type", "REFERENCE");
        String findings = this.mvc.perform(get("/api/v1/projects/" + project.getId() + "/findings").with(auth))
            .andReturn()
            .getResponse()
            .getContentAsString();
        List<Integer> orphans = JsonPath.read(findings, "$[?(@.kind=='ORPHAN_REFERENCES')].count");
        assertThat(orphans).as("every @reference of the plan resolves").isEmpty();
    }

    @Test
    void extractsEveryDataPlanOfAZipAndNamesTheFilesNoPlanLists() throws Exception {
        AppUser analyst = this.fixtures.user("analyst");
        Project project = this.fixtures.project(analyst.getUsername());
        RequestPostProcessor auth = httpBasic(analyst.getUsername(), Fixtures.PASSWORD);
        byte[] zip = TestFiles.zipOf("sf-apex-recipes/data", "data-plan.json", "data-plan2.json", "Accounts.json",
                "Contacts.json", "Opportunities.json", "Campaigns.json", "Junction Demo 1.json", "Junction Demo 2.json",
                "Junction.json", "Campaigns.csv");
        this.mvc
            .perform(multipart("/api/v1/projects/" + project.getId() + "/connections")
                .file(new MockMultipartFile("file", "apex-recipes.zip", "application/zip", zip))
                .param("role", "source")
                .param("type", "sobject-tree")
                .with(auth))
            .andExpect(status().isCreated());
        Map<String, Object> extraction = ExtractionSteps.extract(this.mvc, project.getId(), "full", auth);
        assertThat(extraction.get("status")).isEqualTo("COMPLETED_WITH_ERRORS");
        assertThat(extraction.get("records")).isEqualTo(50 + 150 + 50 + 15 + 50 + 50 + 50);
        String problems = this.mvc.perform(get("/api/v1/extractions/" + extraction.get("id") + "/problems").with(auth))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        List<String> messages = JsonPath.read(problems, "$[*].message");
        assertThat(messages).containsExactly(
                "Campaigns.csv was not read (no data plan in use lists it): its records, if any, are not staged");
        String dictionary = this.mvc.perform(get("/api/v1/projects/" + project.getId() + "/dictionary").with(auth))
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(field(dictionary, "Junction__c", "parent2__c")).containsEntry("references", "Junction_Demo_2__c");
    }

    @Test
    void readsATargetDatabaseSchemaWhenItsConnectionIsCreated() throws Exception {
        AppUser analyst = this.fixtures.user("analyst");
        Project project = this.fixtures.project(analyst.getUsername());
        RequestPostProcessor auth = httpBasic(analyst.getUsername(), Fixtures.PASSWORD);
        String database = database("target",
                """
                        create table company (id bigserial primary key, name varchar(255) not null,
                            industry text check (industry in ('Banking', 'Retail', 'Technology')), source_id varchar(18) unique);
                        create table person (id bigserial primary key, company_id bigint not null references company,
                            email varchar(120), reports_to_id bigint references person);
                        """);
        String url = "jdbc:postgresql://localhost:" + this.postgres.getPort() + "/" + database;
        this.mvc
            .perform(post("/api/v1/projects/" + project.getId() + "/connections").with(auth)
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"role":"target","environment":"sandbox","type":"jdbc","url":"%s","username":"postgres",
                         "password":"not-needed","schema":"public"}""".formatted(url)))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.found.ok").value(true))
            .andExpect(jsonPath("$.found.objects.length()").value(2))
            .andExpect(jsonPath("$.hasPassword").value(true))
            .andExpect(jsonPath("$.options.password").doesNotExist());
        String dictionary = this.mvc
            .perform(get("/api/v1/projects/" + project.getId() + "/dictionary").param("side", "target").with(auth))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(field(dictionary, "person", "company_id")).containsEntry("references", "company")
            .containsEntry("required", true);
        assertThat(field(dictionary, "person", "email")).containsEntry("length", 120);
        assertThat(field(dictionary, "company", "id")).containsEntry("generated", true);
        List<String> industries = JsonPath.read(dictionary,
                "$.objects[?(@.name=='company')].fields[?(@.name=='industry')].picklistValues[*].value");
        assertThat(industries).containsExactly("Banking", "Retail", "Technology");

        this.mvc
            .perform(post("/api/v1/projects/" + project.getId() + "/connections").with(auth)
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"role":"target","environment":"staging","type":"jdbc",
                         "url":"jdbc:postgresql://localhost:1/nowhere","username":"postgres"}"""))
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("localhost:1")));
    }

    @Test
    void extractsADatabaseSourceWithItsDeclaredKeys() throws Exception {
        AppUser analyst = this.fixtures.user("analyst");
        Project project = this.fixtures.project(analyst.getUsername());
        RequestPostProcessor auth = httpBasic(analyst.getUsername(), Fixtures.PASSWORD);
        String database = database("source", """
                create table account (id varchar(18) primary key, name text not null, industry text,
                    updated_at timestamptz not null default now());
                create table contact (id varchar(18) primary key, account_id varchar(18) references account,
                    last_name text not null, email varchar(80));
                insert into account (id, name, industry, updated_at) values
                    ('001f4000009wJD7AAM', 'Nissan Motors', 'Manufacturing', '2020-01-01T00:00:00Z'),
                    ('001f4000003NkdGAAS', 'Nissan Motors', 'Manufacturing', '2020-01-02T00:00:00Z'),
                    ('001f4000003NkdHAAS', 'Gateway', 'Technology', '2020-01-03T00:00:00Z');
                insert into contact values ('003f4000002wCrmAAE', '001f4000003NkdHAAS', 'Davis', 'jdavis@example.com'),
                    ('003f4000002wCrnAAE', '001f4000003NkdHAAS', 'Jones', 'not-an-email');
                """);
        this.mvc.perform(post("/api/v1/projects/" + project.getId() + "/connections").with(auth)
            .contentType(MediaType.APPLICATION_JSON)
            .content("""
                    {"role":"source","type":"jdbc","url":"jdbc:postgresql://localhost:%d/%s","username":"postgres"}"""
                .formatted(this.postgres.getPort(), database)))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.found.objects.length()").value(2));
        assertThat(extract(project, auth)).isIn("COMPLETED", "COMPLETED_WITH_ERRORS");
        String dictionary = this.mvc.perform(get("/api/v1/projects/" + project.getId() + "/dictionary").with(auth))
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(field(dictionary, "contact", "account_id")).containsEntry("references", "account")
            .containsEntry("referenceInferred", false);
        assertThat(field(dictionary, "contact", "email")).containsEntry("length", 80);
        List<Integer> accounts = JsonPath.read(dictionary, "$.objects[?(@.name=='account')].recordCount");
        assertThat(accounts).containsExactly(3);
        String findings = this.mvc.perform(get("/api/v1/projects/" + project.getId() + "/findings").with(auth))
            .andReturn()
            .getResponse()
            .getContentAsString();
        List<String> duplicates = JsonPath.read(findings, "$[?(@.kind=='DUPLICATE_CANDIDATES')].examples[*].recordId");
        assertThat(duplicates).contains("001f4000009wJD7AAM", "001f4000003NkdGAAS");

        // a delta reads only the accounts changed since the watermark (minus the overlap)
        try (Connection connection = this.postgres.getDatabase("postgres", database).getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("""
                    update account set name = 'Gateway Inc.', updated_at = now() where id = '001f4000003NkdHAAS';
                    insert into account (id, name, industry) values ('001f4000003NkdIAAS', 'Globex', 'Energy');
                    delete from account where id = '001f4000003NkdGAAS';
                    -- changed without touching updated_at: outside the window, so a delta does not see it
                    update account set industry = 'Automotive' where id = '001f4000009wJD7AAM';
                    """);
        }
        Map<String, Object> delta = ExtractionSteps.extract(this.mvc, project.getId(), "delta", auth);
        assertThat(delta.get("status")).isIn("COMPLETED", "COMPLETED_WITH_ERRORS");
        @SuppressWarnings("unchecked")
        Map<String, Object> account = ((List<Map<String, Object>>) delta.get("objects")).stream()
            .filter((o) -> "account".equals(o.get("name")))
            .findFirst()
            .orElseThrow();
        assertThat(account).containsEntry("newRecords", 1)
            .containsEntry("changed", 1)
            .containsEntry("unchanged", 1)
            .containsEntry("deleted", 1)
            .containsEntry("records", 3)
            .containsEntry("modifiedField", "updated_at");
        assertThat(this.jdbc.queryForObject(
                "select payload ->> 'industry' from staged_record where snapshot_id = ?"
                        + " and object = 'account' and source_id = '001f4000009wJD7AAM'",
                String.class, ((Number) delta.get("id")).longValue()))
            .as("carried over from the previous snapshot, not read again")
            .isEqualTo("Manufacturing");
    }

    private String database(String prefix, String schema) throws Exception {
        String database = prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection connection = this.postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("create database " + database);
        }
        try (Connection connection = this.postgres.getDatabase("postgres", database).getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(schema);
        }
        return database;
    }

    private long upload(Project project, String name, byte[] zip, RequestPostProcessor auth) throws Exception {
        String created = this.mvc
            .perform(multipart("/api/v1/projects/" + project.getId() + "/connections")
                .file(new MockMultipartFile("file", name, "application/zip", zip))
                .param("role", "source")
                .param("type", "csv")
                .with(auth))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
        return ((Number) JsonPath.read(created, "$.id")).longValue();
    }

    private String extract(Project project, RequestPostProcessor auth) throws Exception {
        return (String) ExtractionSteps.extract(this.mvc, project.getId(), "full", auth).get("status");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> field(String dictionary, String object, String field) {
        List<Map<String, Object>> found = JsonPath.read(dictionary,
                "$.objects[?(@.name=='" + object + "')].fields[?(@.name=='" + field + "')]");
        assertThat(found).as(object + "." + field).hasSize(1);
        return found.get(0);
    }

}
