package dev.switchyard.project;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Projects and their members in the automation API.
 */
@RestController
@RequestMapping("/api/v1/projects")
@Tag(name = "Projects", description = "Migration projects, their environments and members")
class ProjectApiController {

    private final ProjectService projects;

    private final ProjectAccess access;

    ProjectApiController(ProjectService projects, ProjectAccess access) {
        this.projects = projects;
        this.access = access;
    }

    /**
     * A project as the API shows it.
     *
     * @param id the id
     * @param name the name
     * @param description the description
     * @param archived whether archived
     * @param createdAt when created
     * @param createdBy who created it
     * @param environments its environments
     * @param members its members with their roles
     */
    record ProjectJson(Long id, String name, String description, boolean archived, Instant createdAt, String createdBy,
            List<EnvironmentJson> environments, List<MemberJson> members) {
    }

    /**
     * An environment.
     *
     * @param id the id
     * @param name the name
     * @param kind SANDBOX, STAGING or PRODUCTION
     */
    record EnvironmentJson(Long id, String name, EnvironmentKind kind) {
    }

    /**
     * A member and the roles they hold.
     *
     * @param username the user
     * @param roles their roles in the project
     */
    record MemberJson(String username, List<ProjectRole> roles) {
    }

    /**
     * A new project.
     *
     * @param name a unique name
     * @param description an optional description
     */
    record CreateProject(String name, String description) {
    }

    /**
     * A role to grant.
     *
     * @param username the user
     * @param role ANALYST, STAKEHOLDER or TESTER
     */
    record AddMember(String username, String role) {
    }

    @PostMapping
    @Operation(summary = "Create a project", description = "Creates a project with the environments sandbox, "
            + "staging and production; the caller becomes its ANALYST. 201 with the project; 409 when the name is taken; 422 when invalid.")
    ResponseEntity<ProjectJson> create(@RequestBody CreateProject request) {
        Project project = this.projects.create(request.name(), request.description());
        return ResponseEntity.created(URI.create("/api/v1/projects/" + project.getId())).body(json(project));
    }

    @GetMapping
    @Operation(summary = "List the projects the caller may see",
            description = "Members see their projects, administrators all; `q` searches name and description.")
    List<ProjectJson> list(@RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "false") boolean archived) {
        return this.projects.visible(q, archived, PageRequest.of(0, 1000, Sort.by(Sort.Order.asc("name").ignoreCase())))
            .map(this::json)
            .getContent();
    }

    @GetMapping("/{projectId}")
    @Operation(summary = "Get a project", description = "404 when it does not exist; 403 for a non-member.")
    ProjectJson get(@PathVariable Long projectId) {
        return json(this.projects.get(projectId));
    }

    @PostMapping("/{projectId}/members")
    @Operation(summary = "Grant a user a role in the project",
            description = "Needs ANALYST in the project or ADMIN. 201 with the member; 409 when the role is already held; 422 for an unknown user or role.")
    ResponseEntity<MemberJson> addMember(@PathVariable Long projectId, @RequestBody AddMember request) {
        this.access.require(projectId, ProjectRole.ANALYST);
        ProjectMember member = this.projects.addMember(projectId, request.username(), request.role());
        String username = member.getUser().getUsername();
        MemberJson body = members(projectId).stream()
            .filter((m) -> m.username().equals(username))
            .findFirst()
            .orElseThrow();
        return ResponseEntity.created(URI.create("/api/v1/projects/" + projectId + "/members/" + username)).body(body);
    }

    private ProjectJson json(Project project) {
        List<EnvironmentJson> environments = this.projects.environments(project.getId())
            .stream()
            .map((e) -> new EnvironmentJson(e.getId(), e.getName(), e.getKind()))
            .toList();
        return new ProjectJson(project.getId(), project.getName(), project.getDescription(), project.isArchived(),
                project.getCreatedAt(), project.getCreatedBy(), environments, members(project.getId()));
    }

    private List<MemberJson> members(Long projectId) {
        Map<String, TreeSet<ProjectRole>> roles = new TreeMap<>();
        for (ProjectMember member : this.projects.members(projectId)) {
            roles.computeIfAbsent(member.getUser().getUsername(), (k) -> new TreeSet<>()).add(member.getRole());
        }
        return roles.entrySet().stream().map((e) -> new MemberJson(e.getKey(), List.copyOf(e.getValue()))).toList();
    }

}
