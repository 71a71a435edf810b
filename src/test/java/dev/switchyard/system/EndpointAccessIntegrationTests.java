package dev.switchyard.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.switchyard.admin.AppUser;
import dev.switchyard.connection.ConnectionRequest;
import dev.switchyard.connection.ConnectionService;
import dev.switchyard.connection.DataConnection;
import dev.switchyard.staging.ExtractionMode;
import dev.switchyard.staging.Snapshot;
import dev.switchyard.staging.SnapshotLifecycle;
import dev.switchyard.support.TestFiles;
import dev.switchyard.project.Project;
import dev.switchyard.support.Fixtures;
import dev.switchyard.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Walks every controller endpoint and checks that anonymous users are refused (a redirect
 * to the login page, or 401 on the API), that users who are not members of a project are
 * refused everything in it, that non-administrators are refused the administration, and
 * that members without the ANALYST role are refused changes. A new endpoint that fits no
 * rule below fails this test until it is classified.
 */
@IntegrationTest
class EndpointAccessIntegrationTests {

    /** Endpoints anyone may call. */
    static final Set<String> PUBLIC = Set.of("/login", "/error");

    /** Endpoints any signed-in user may call. */
    static final Set<String> ANY_USER = Set.of("/", "/projects", "/projects/new", "/profile", "/profile/password",
            "/profile/tokens", "/profile/tokens/{tokenId}/revoke", "/api/v1/me", "/api/v1/projects",
            "/notifications/{notificationId}/open");

    /**
     * Project endpoints that change something yet are open to every member (comments).
     */
    static final Set<String> ANY_MEMBER_CHANGES = Set.of("/projects/{projectId}/scope/comments",
            "/api/v1/projects/{projectId}/scope/versions/{version}/comments",
            // cutover tasks: their owner or backup (any role) or an analyst; the service
            // refuses everybody else (CutoverExecutionIntegrationTests)
            "/projects/{projectId}/cutover/executions/{executionId}/tasks/{taskId}/start",
            "/projects/{projectId}/cutover/executions/{executionId}/tasks/{taskId}/done",
            "/api/v1/projects/{projectId}/cutover/executions/{executionId}/tasks/{taskId}/start",
            "/api/v1/projects/{projectId}/cutover/executions/{executionId}/tasks/{taskId}/done",
            // go/no-go votes: stakeholders and testers; the service refuses the others
            "/projects/{projectId}/cutover/executions/{executionId}/votes",
            "/api/v1/projects/{projectId}/cutover/executions/{executionId}/votes");

    /**
     * Project endpoints that change something and are open to testers as well as analysts
     * (validating a run, thresholds) or to testers only (sign-off): a member who is only
     * a stakeholder is refused them.
     */
    static final Set<String> TESTER_CHANGES = Set.of("/projects/{projectId}/validation",
            "/projects/{projectId}/validation/thresholds", "/projects/{projectId}/validations/{validationId}/decision",
            "/api/v1/runs/{runId}/validations", "/api/v1/validations/{validationId}/decision");

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ConnectionService connections;

    @Autowired
    SnapshotLifecycle snapshots;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    record Endpoint(HttpMethod method, String pattern, String handler, boolean multipart) {

        boolean isApi() {
            return this.pattern.startsWith("/api/");
        }

        boolean isAdmin() {
            return this.pattern.equals("/admin") || this.pattern.startsWith("/admin/")
                    || this.pattern.startsWith("/api/v1/users");
        }

        boolean isProject() {
            // snapshot-, run- and validation-scoped endpoints check their project in the
            // controller
            return this.pattern.contains("{projectId}") || this.pattern.contains("{snapshotId}")
                    || this.pattern.contains("{runId}") || this.pattern.contains("{validationId}");
        }

        boolean changes() {
            return this.method != HttpMethod.GET || this.pattern.endsWith("/edit");
        }

    }

    /**
     * A finished run of the project, for the run-scoped endpoints.
     */
    private Long run(Project project, Snapshot snapshot) {
        return this.jdbcTemplate.queryForObject("""
                insert into migration_run (project_id, environment_id, mode, status, snapshot_id, mapping_version,
                    requested_by, plan)
                values (?, (select min(id) from environment where project_id = ?), 'FULL', 'COMPLETED', ?, 1, 'test',
                    '{"steps": [], "warnings": []}'::jsonb) returning id""", Long.class, project.getId(),
                project.getId(), snapshot.getId());
    }

    /**
     * A finished validation of the run.
     */
    private Long validation(Project project, Long run) {
        return this.jdbcTemplate.queryForObject("""
                insert into validation (run_id, project_id, environment_id, mode, status, requested_by)
                select id, project_id, environment_id, 'FULL', 'COMPLETED', 'test' from migration_run where id = ?
                returning id""", Long.class, run);
    }

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbcTemplate;

    @Test
    void everyEndpointRefusesThoseWithoutAccess() throws Exception {
        AppUser analyst = this.fixtures.user("owner");
        AppUser outsider = this.fixtures.user("outsider");
        AppUser tester = this.fixtures.user("tester");
        Project project = this.fixtures.project(analyst.getUsername());
        this.fixtures.grant(project, tester.getUsername(), "TESTER");
        AppUser stakeholder = this.fixtures.user("stakeholder");
        this.fixtures.grant(project, stakeholder.getUsername(), "STAKEHOLDER");
        DataConnection source = this.fixtures.as(analyst.getUsername(), () -> this.connections.create(project.getId(),
                new ConnectionRequest("source", null, "csv", null, null, null, null, null, null, null), "Account.csv",
                java.nio.file.Files.newInputStream(TestFiles.data("sf-export-mashmatrix/Account.csv")))
            .connection());
        Snapshot snapshot = this.snapshots.queue(project.getId(), source.getId(), ExtractionMode.FULL,
                analyst.getUsername(), 300);
        Long run = run(project, snapshot);
        Map<String, String> ids = Map.ofEntries(Map.entry("projectId", project.getId().toString()),
                Map.entry("userId", analyst.getId().toString()), Map.entry("memberId", "1"),
                Map.entry("environmentId", "1"), Map.entry("tokenId", "1"),
                Map.entry("connectionId", source.getId().toString()),
                Map.entry("snapshotId", snapshot.getId().toString()), Map.entry("findingId", "1"),
                Map.entry("object", "Account"), Map.entry("version", "1"), Map.entry("notificationId", "1"),
                Map.entry("archiveId", "1"), Map.entry("runId", run.toString()),
                Map.entry("validationId", validation(project, run).toString()), Map.entry("sourceId", "001A"),
                Map.entry("taskId", "1"), Map.entry("executionId", "1"));

        List<Endpoint> endpoints = endpoints();
        assertThat(endpoints).hasSizeGreaterThan(30);
        // the cross-reference page and its exports: project pages any member may read
        assertThat(endpoints).extracting(Endpoint::pattern)
            .contains("/projects/{projectId}/xref", "/projects/{projectId}/xref.csv",
                    "/projects/{projectId}/xref.xlsx");
        List<String> failures = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            if (PUBLIC.contains(endpoint.pattern())) {
                continue;
            }
            boolean classified = endpoint.isAdmin() || endpoint.isProject() || ANY_USER.contains(endpoint.pattern());
            if (!classified) {
                failures.add(endpoint + " is not classified: add it to a rule of this test");
                continue;
            }
            String url = expand(endpoint.pattern(), ids);
            MockHttpServletResponse anonymous = call(endpoint, url, null);
            if (endpoint.isApi() ? anonymous.getStatus() != 401
                    : anonymous.getStatus() != 302 || !anonymous.getRedirectedUrl().endsWith("/login")) {
                failures.add(endpoint + " answered an anonymous call with " + anonymous.getStatus());
            }
            if (endpoint.isAdmin() || endpoint.isProject()) {
                int status = call(endpoint, url, this.fixtures.login(outsider.getUsername())).getStatus();
                if (status != 403) {
                    failures.add(endpoint + " answered a non-member non-admin with " + status);
                }
            }
            if (endpoint.isProject() && endpoint.changes() && TESTER_CHANGES.contains(endpoint.pattern())) {
                int status = call(endpoint, url, this.fixtures.login(stakeholder.getUsername())).getStatus();
                if (status != 403) {
                    failures.add(endpoint + " answered a STAKEHOLDER (not TESTER) with " + status);
                }
            }
            else if (endpoint.isProject() && endpoint.changes() && !ANY_MEMBER_CHANGES.contains(endpoint.pattern())) {
                int status = call(endpoint, url, this.fixtures.login(tester.getUsername())).getStatus();
                if (status != 403) {
                    failures.add(endpoint + " answered a TESTER (not ANALYST) with " + status);
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    private MockHttpServletResponse call(Endpoint endpoint, String url, RequestPostProcessor user) throws Exception {
        if (endpoint.multipart()) {
            var multipart = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart(url)
                .file(new org.springframework.mock.web.MockMultipartFile("file", "empty.csv", "text/csv", new byte[0]))
                .with(csrf());
            return this.mvc.perform((user != null) ? multipart.with(user) : multipart).andReturn().getResponse();
        }
        MockHttpServletRequestBuilder request = request(endpoint.method(), url).with(csrf());
        if (user != null) {
            request = request.with(user);
        }
        if (endpoint.isApi()) {
            request = request.contentType("application/json").content("{}");
        }
        return this.mvc.perform(request).andReturn().getResponse();
    }

    private List<Endpoint> endpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : this.mappings.getHandlerMethods().entrySet()) {
            String handler = entry.getValue().getBeanType().getName();
            if (!handler.startsWith("dev.switchyard.")) {
                continue; // springdoc's OpenAPI description: public by design
            }
            Set<RequestMethod> methods = entry.getKey().getMethodsCondition().getMethods();
            boolean multipart = entry.getKey()
                .getConsumesCondition()
                .getConsumableMediaTypes()
                .contains(org.springframework.http.MediaType.MULTIPART_FORM_DATA);
            for (String pattern : entry.getKey().getPatternValues()) {
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    endpoints.add(new Endpoint(HttpMethod.valueOf(method.name()), pattern,
                            handler.substring(handler.lastIndexOf('.') + 1), multipart));
                }
            }
        }
        return endpoints;
    }

    private static String expand(String pattern, Map<String, String> ids) {
        String url = pattern;
        for (Map.Entry<String, String> id : ids.entrySet()) {
            url = url.replace("{" + id.getKey() + "}", id.getValue());
        }
        assertThat(url).as("every path variable of " + pattern + " has a value").doesNotContain("{");
        return url;
    }

}
