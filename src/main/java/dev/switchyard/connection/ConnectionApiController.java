package dev.switchyard.connection;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;

import dev.switchyard.project.Environment;
import dev.switchyard.project.ProjectAccess;
import dev.switchyard.project.ProjectRole;
import dev.switchyard.project.ProjectService;
import dev.switchyard.system.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Connections in the automation API.
 */
@RestController
@Tag(name = "Connections", description = "Source and target systems of a project")
class ConnectionApiController {

    private final ConnectionService connections;

    private final ProjectAccess access;

    private final ProjectService projects;

    ConnectionApiController(ConnectionService connections, ProjectAccess access, ProjectService projects) {
        this.connections = connections;
        this.access = access;
        this.projects = projects;
    }

    @PostMapping(path = "/api/v1/projects/{projectId}/connections", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Create a file-based connection from an upload",
            description = "Multipart parts: role (source|target), environment (targets only), type (csv|xlsx|sobject-tree), "
                    + "file (a ZIP of files, or a single .csv/.xlsx/.json file), optional name, encoding, delimiter. "
                    + "The files are read at once: 201 with what was found; 422 with the reason when they cannot be read.")
    ResponseEntity<ConnectionJson> createFromUpload(@PathVariable Long projectId,
            @RequestParam(required = false) String role, @RequestParam(required = false) String environment,
            @RequestParam(required = false) String type, @RequestParam(required = false) String name,
            @RequestParam(required = false) String encoding, @RequestParam(required = false) String delimiter,
            @RequestPart("file") MultipartFile file) throws IOException {
        this.access.require(projectId, ProjectRole.ANALYST);
        Map<String, String> options = new java.util.LinkedHashMap<>();
        putIfText(options, "encoding", encoding);
        putIfText(options, "delimiter", delimiter);
        try (InputStream content = file.getInputStream()) {
            ConnectionService.Created created = this.connections.create(projectId,
                    new ConnectionRequest(role, environment, type, name, null, null, null, null, null, options),
                    file.getOriginalFilename(), content);
            return created(created);
        }
    }

    @PostMapping(path = "/api/v1/projects/{projectId}/connections", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Create a connection from settings",
            description = "JSON: {\"role\":\"target\",\"environment\":\"sandbox\",\"type\":\"jdbc\",\"url\",\"username\","
                    + "\"password\",\"schema\"} or, for files already on the server, {\"role\":\"source\",\"type\":\"csv\","
                    + "\"folder\":\"/path/under/an/import/root\"} or, for a CRM, {\"role\",\"environment\",\"type\":"
                    + "\"salesforce\"|\"hubspot\",\"name\",\"settings\":{…}} (Salesforce: loginUrl, authFlow "
                    + "client-credentials|jwt-bearer, clientId, clientSecret or username and privateKey, apiVersion, "
                    + "apiBudgetPercent; HubSpot: baseUrl, accessToken, apiBudgetPercent; secrets are stored encrypted and "
                    + "never returned). 201 with what was found; 409 when the project already "
                    + "has a source or the environment a target; 422 with the exact reason when it cannot be read.")
    ResponseEntity<ConnectionJson> create(@PathVariable Long projectId, @RequestBody ConnectionRequest request) {
        this.access.require(projectId, ProjectRole.ANALYST);
        return created(this.connections.create(projectId, request, null, null));
    }

    @GetMapping("/api/v1/projects/{projectId}/connections")
    @Operation(summary = "List the project's connections")
    List<ConnectionJson> list(@PathVariable Long projectId) {
        return this.connections.list(projectId).stream().map((c) -> json(c, null)).toList();
    }

    @PostMapping(path = "/api/v1/projects/{projectId}/connections/{connectionId}/files",
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Replace a file-based connection's files with a new upload",
            description = "Keeps the connection, its settings, the dictionary annotations and the delta watermarks, so "
                    + "that the next extraction can be a delta. 200 with what the new files hold.")
    ConnectionJson replaceFiles(@PathVariable Long projectId, @PathVariable Long connectionId,
            @RequestPart("file") MultipartFile file) throws IOException {
        this.access.require(projectId, ProjectRole.ANALYST);
        this.connections.inProject(projectId, connectionId);
        try (InputStream content = file.getInputStream()) {
            ConnectionService.Created created = this.connections.replaceUpload(connectionId, file.getOriginalFilename(),
                    content);
            return json(created.connection(), created.check());
        }
    }

    @PostMapping("/api/v1/projects/{projectId}/connections/{connectionId}/test")
    @Operation(summary = "Test a connection",
            description = "200 with what was found, or ok=false and exactly why it failed.")
    ConnectionCheck test(@PathVariable Long projectId, @PathVariable Long connectionId) {
        this.access.require(projectId, ProjectRole.ANALYST);
        return this.connections.check(this.connections.inProject(projectId, connectionId));
    }

    /**
     * The fields used for one object.
     *
     * @param idField the id field (blank: the default, Id or the primary key)
     * @param modifiedField the last-modified field for deltas (blank: LastModifiedDate,
     * SystemModstamp or updated_at where present)
     * @param categoryField the field whose distribution the profile shows (blank: none)
     */
    record ObjectFields(String idField, String modifiedField, String categoryField) {
    }

    @org.springframework.web.bind.annotation.PutMapping("/api/v1/projects/{projectId}/connections/{connectionId}/objects/{object}")
    @Operation(summary = "Choose an object's id, last-modified and category fields",
            description = "They apply from the next extraction. 200 with the connection.")
    ConnectionJson objectFields(@PathVariable Long projectId, @PathVariable Long connectionId,
            @PathVariable String object, @RequestBody ObjectFields fields) {
        this.access.require(projectId, ProjectRole.ANALYST);
        this.connections.inProject(projectId, connectionId);
        this.connections.setObjectFields(connectionId, object, fields.idField(), fields.modifiedField(),
                fields.categoryField());
        return json(this.connections.get(connectionId), null);
    }

    /**
     * A CRM connection's API budget.
     *
     * @param apiBudgetPercent the share of the provider's daily limit the project may
     * use, 1 to 100
     */
    record Budget(String apiBudgetPercent) {
    }

    @org.springframework.web.bind.annotation.PutMapping("/api/v1/projects/{projectId}/connections/{connectionId}/budget")
    @Operation(summary = "Change the share of a CRM's daily API limit the project may use",
            description = "{\"apiBudgetPercent\": 1-100} → 200 with the connection (audited); work waiting for its budget "
                    + "finds the new share at its next check. 422 for a share outside 1-100 or a connection that is not a CRM.")
    ConnectionJson budget(@PathVariable Long projectId, @PathVariable Long connectionId, @RequestBody Budget budget) {
        this.access.require(projectId, ProjectRole.ANALYST);
        this.connections.inProject(projectId, connectionId);
        return json(this.connections.setBudgetPercent(connectionId, budget.apiBudgetPercent()), null);
    }

    private ResponseEntity<ConnectionJson> created(ConnectionService.Created created) {
        DataConnection c = created.connection();
        return ResponseEntity.created(URI.create("/api/v1/projects/" + c.getProjectId() + "/connections/" + c.getId()))
            .body(json(c, created.check()));
    }

    private ConnectionJson json(DataConnection connection, ConnectionCheck check) {
        String environment = null;
        if (connection.getEnvironmentId() != null) {
            environment = this.projects.environments(connection.getProjectId())
                .stream()
                .filter((e) -> e.getId().equals(connection.getEnvironmentId()))
                .map(Environment::getName)
                .findFirst()
                .orElse(null);
        }
        return ConnectionJson.of(connection, environment, check, this.connections.budget(connection));
    }

    private static void putIfText(Map<String, String> options, String key, String value) {
        if (value != null && !value.isBlank()) {
            if (value.length() > 40) {
                throw new InvalidInputException(key, key + " is too long");
            }
            options.put(key, value.trim());
        }
    }

}
