package dev.switchyard.demo;

import java.sql.Connection;
import java.sql.ResultSet;

import javax.sql.DataSource;

import dev.switchyard.connection.ConnectionService;
import dev.switchyard.dictionary.DictionaryObject;
import dev.switchyard.dictionary.DictionaryStore;
import dev.switchyard.mapping.MappingDocument;
import dev.switchyard.mapping.MappingInputs;
import dev.switchyard.mapping.MappingService;
import dev.switchyard.mapping.MappingValidator;
import dev.switchyard.mapping.MappingVersion;
import dev.switchyard.mapping.MappingWorkbench;
import dev.switchyard.project.Environment;
import dev.switchyard.project.EnvironmentKind;
import dev.switchyard.project.Project;
import dev.switchyard.project.ProjectRepository;
import dev.switchyard.project.ProjectService;
import dev.switchyard.scope.ScopeService;
import dev.switchyard.scope.ScopeStatus;
import dev.switchyard.scope.ScopeVersion;
import dev.switchyard.staging.SnapshotLifecycle;
import dev.switchyard.support.IntegrationTest;
import dev.switchyard.support.TargetDatabases;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo project, built as on a first start (the test configuration switches the
 * automatic build off, so the test invokes the builder itself).
 */
@IntegrationTest
class DemoProjectIntegrationTests {

    @Autowired
    DemoProjectBuilder builder;

    @Autowired
    ProjectRepository projectRepository;

    @Autowired
    ProjectService projects;

    @Autowired
    ConnectionService connections;

    @Autowired
    DictionaryStore dictionaries;

    @Autowired
    MappingInputs inputs;

    @Autowired
    ScopeService scopes;

    @Autowired
    SnapshotLifecycle snapshots;

    @Autowired
    MappingService mappings;

    @Autowired
    MappingWorkbench workbench;

    @Autowired
    EmbeddedPostgres postgres;

    @Autowired
    org.springframework.test.web.servlet.MockMvc mvc;

    @Test
    void createsTheDemoTablesInASchemaOfTheirOwnOnlyOnce() throws Exception {
        // as with an external datasource: a schema switchyard_demo in Switchyard's own
        // database
        String url = TargetDatabases.create(this.postgres, "external", "select 1");
        DataSource database = this.postgres.getDatabase("postgres", url.substring(url.lastIndexOf('/') + 1));
        assertThat(DemoTargetDatabase.createSchema(database, DemoTargetDatabase.NAME)).isTrue();
        assertThat(DemoTargetDatabase.createSchema(database, DemoTargetDatabase.NAME)).isFalse();
        try (Connection connection = database.getConnection();
                ResultSet tables = connection.createStatement()
                    .executeQuery("select table_schema, count(*) from information_schema.tables "
                            + "where table_schema in ('public', 'switchyard_demo') group by table_schema")) {
            assertThat(tables.next()).isTrue();
            assertThat(tables.getString(1)).isEqualTo(DemoTargetDatabase.NAME);
            assertThat(tables.getInt(2)).isEqualTo(5);
            assertThat(tables.next()).as("nothing in public").isFalse();
        }
    }

    @Test
    void buildsAReadyDemoProjectOnceWithAMappingThatValidatesWithoutErrorsAndRuns() throws Exception {
        long start = System.nanoTime();
        DemoProjectBuilder.Result result = this.builder.build();
        System.out.printf("Demo project built in %d ms: %s%n", (System.nanoTime() - start) / 1_000_000,
                result.timings());
        assertThat(result.built()).isTrue();
        Project project = this.projectRepository.findByNameIgnoreCase(DemoProjectBuilder.NAME).orElseThrow();
        assertThat(project.getId()).isEqualTo(result.projectId());
        Long id = project.getId();

        MappingInputs.Inputs dictionaries = this.inputs.load(id);
        assertThat(dictionaries.source()).extracting(DictionaryObject::name)
            .containsExactlyInAnyOrder("Account", "Contact", "Opportunity");
        assertThat(dictionaries.sourceObject("Opportunity").orElseThrow().recordCount()).isEqualTo(774);
        ScopeVersion scope = this.scopes.latest(id).orElseThrow();
        assertThat(scope.getVersion()).isEqualTo(1);
        assertThat(scope.getStatus()).isEqualTo(ScopeStatus.DRAFT);

        Environment sandbox = this.projects.environments(id)
            .stream()
            .filter((e) -> e.getKind() == EnvironmentKind.SANDBOX)
            .findFirst()
            .orElseThrow();
        Long target = this.connections.target(sandbox.getId()).orElseThrow().getId();
        assertThat(this.dictionaries.forConnection(target)).extracting(DictionaryObject::name)
            .containsExactlyInAnyOrder("companies", "people", "deals", "activities", "industries");
        assertThat(dictionaries.environment()).isEqualTo(sandbox.getName());

        MappingVersion mapping = this.mappings.current(id);
        assertThat(mapping.version()).isEqualTo(1);
        MappingDocument document = mapping.document();
        assertThat(document.objects()).extracting((o) -> o.source() + " → " + o.target())
            .containsExactlyInAnyOrder("Account → companies", "Contact → people", "Opportunity → deals");
        assertThat(document.picklistSources()).containsExactly(DemoMapping.INDUSTRY_CODES);
        assertThat(document.object("Account", "companies").orElseThrow().field("phone").orElseThrow().note())
            .contains("fictitious");
        MappingValidator.Report report = this.workbench.validate(id);
        assertThat(report.errors()).as("validation errors of the demo mapping").isEmpty();

        DemoProjectBuilder.Result again = this.builder.build();
        assertThat(again.built()).as("a second build does nothing").isFalse();
        assertThat(again.projectId()).isEqualTo(id);
        assertThat(this.mappings.current(id).version()).isEqualTo(1);
        assertThat(this.snapshots.list(id, PageRequest.of(0, 10)).getTotalElements()).isEqualTo(1);
        assertThat(this.connections.list(id)).hasSize(2);
        assertThat(this.builder.isFirstStart()).as("a start after the demo is built is no first start").isFalse();

        // a new user can run a migration at once: every record of the export arrives
        org.springframework.test.web.servlet.request.RequestPostProcessor admin = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
            .httpBasic(dev.switchyard.support.Fixtures.ADMIN, dev.switchyard.support.Fixtures.ADMIN_PASSWORD);
        String started = this.mvc
            .perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .post("/api/v1/projects/" + id + "/runs")
                .with(admin)
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .content("{\"environment\": \"sandbox\"}"))
            .andReturn()
            .getResponse()
            .getContentAsString();
        Number run = com.jayway.jsonpath.JsonPath.read(started, "$.id");
        String done = null;
        for (int i = 0; i < 600; i++) {
            done = this.mvc
                .perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/v1/runs/" + run)
                    .with(admin))
                .andReturn()
                .getResponse()
                .getContentAsString();
            if (java.util.List.of("COMPLETED", "FAILED")
                .contains(com.jayway.jsonpath.JsonPath.read(done, "$.status"))) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat((String) com.jayway.jsonpath.JsonPath.read(done, "$.status")).as(done).isEqualTo("COMPLETED");
        assertThat((Boolean) com.jayway.jsonpath.JsonPath.read(done, "$.balanced")).isTrue();
        java.util.List<Integer> created = com.jayway.jsonpath.JsonPath.read(done, "$.objects[*].created");
        assertThat(created).containsExactly(83, 133, 774);

        // and validate it: every record read back as the mapping makes it, every
        // relationship
        // as the cross-reference says
        String validation = dev.switchyard.support.Validations.validate(this.mvc, admin, run.longValue(), null);
        assertThat((String) com.jayway.jsonpath.JsonPath.read(validation, "$.verdict")).as(validation)
            .isEqualTo("PASS");
        assertThat((Integer) com.jayway.jsonpath.JsonPath.read(validation, "$.reconciliation.relationships.broken"))
            .isZero();
    }

}
