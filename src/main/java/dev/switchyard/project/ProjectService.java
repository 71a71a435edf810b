package dev.switchyard.project;

import java.time.Clock;
import java.util.List;
import java.util.Objects;

import dev.switchyard.admin.AppUser;
import dev.switchyard.admin.CurrentUser;
import dev.switchyard.admin.SwitchyardPrincipal;
import dev.switchyard.admin.UserService;
import dev.switchyard.audit.AuditLog;
import dev.switchyard.system.ConflictException;
import dev.switchyard.system.InvalidInputException;
import dev.switchyard.system.NotFoundException;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Projects, their members and their environments. Access checks are the callers' (see
 * {@link ProjectAccess}); every change is audited here.
 */
@Service
public class ProjectService {

    private final ProjectRepository projects;

    private final ProjectMemberRepository members;

    private final EnvironmentRepository environments;

    private final UserService users;

    private final AuditLog audit;

    private final Clock clock;

    ProjectService(ProjectRepository projects, ProjectMemberRepository members, EnvironmentRepository environments,
            UserService users, AuditLog audit, Clock clock) {
        this.projects = projects;
        this.members = members;
        this.environments = environments;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Creates a project with the default environments (sandbox, staging, production); its
     * creator becomes its first ANALYST.
     * @param name a unique name
     * @param description an optional description
     * @return the project
     */
    @Transactional
    public Project create(String name, String description) {
        SwitchyardPrincipal creator = CurrentUser.require();
        String cleanName = checkName(name, null);
        Project project = this.projects
            .save(new Project(cleanName, clean(description), this.clock.instant(), creator.getUsername()));
        this.audit.record(project.getId(), "Project", project.getId(), "created", "project '" + cleanName + "'");
        int position = 0;
        for (EnvironmentKind kind : EnvironmentKind.values()) {
            Environment environment = this.environments
                .save(new Environment(project.getId(), kind.name().toLowerCase(), kind, position++));
            this.audit.record(project.getId(), "Environment", environment.getId(), "created",
                    "environment '" + environment.getName() + "' (" + kind + ")");
        }
        grant(project, this.users.get(creator.getId()), ProjectRole.ANALYST);
        return project;
    }

    @Transactional(readOnly = true)
    public Project get(Long id) {
        return this.projects.findById(id).orElseThrow(() -> NotFoundException.of("Project", id));
    }

    /**
     * The projects the signed-in user may see.
     * @param query search text over name and description
     * @param includeArchived whether to list archived projects
     * @param pageable the page
     * @return a page of projects
     */
    @Transactional(readOnly = true)
    public Page<Project> visible(String query, boolean includeArchived, Pageable pageable) {
        SwitchyardPrincipal user = CurrentUser.require();
        String q = (query != null) ? query.trim().toLowerCase() : "";
        return this.projects.findVisible(user.getId(), user.isAdmin(), q, includeArchived, pageable);
    }

    /**
     * Changes name and description.
     * @param id the project
     * @param version the version the change was made on (stale → conflict)
     * @param name the new name
     * @param description the new description
     * @return the project
     */
    @Transactional
    public Project update(Long id, Long version, String name, String description) {
        Project project = get(id);
        if (version != null && version != project.getVersion()) {
            throw new ConflictException("name",
                    "Someone else changed this project in the meantime: reload it and apply your change again");
        }
        String cleanName = checkName(name, id);
        String cleanDescription = clean(description);
        StringBuilder summary = new StringBuilder();
        if (!cleanName.equals(project.getName())) {
            summary.append("name: '").append(project.getName()).append("' → '").append(cleanName).append("'; ");
        }
        if (!Objects.equals(cleanDescription, project.getDescription())) {
            summary.append("description changed");
        }
        project.setName(cleanName);
        project.setDescription(cleanDescription);
        if (!summary.isEmpty()) {
            this.audit.record(id, "Project", id, "updated", summary.toString());
        }
        return project;
    }

    /**
     * Archives or restores a project. An archived project is read-only history, hidden
     * from the default project list.
     * @param id the project
     * @param archived the new state
     * @return the project
     */
    @Transactional
    public Project setArchived(Long id, boolean archived) {
        Project project = get(id);
        if (project.isArchived() != archived) {
            project.setArchived(archived);
            this.audit.record(id, "Project", id, archived ? "archived" : "restored",
                    "project '" + project.getName() + "'");
        }
        return project;
    }

    @Transactional(readOnly = true)
    public List<ProjectMember> members(Long projectId) {
        return this.members.findByProject(projectId);
    }

    @Transactional(readOnly = true)
    public List<ProjectMember> membershipsOf(Long userId) {
        return this.members.findByUser(userId);
    }

    /**
     * Grants a user a role in a project. Nobody grants roles to themselves, so that no
     * one can approve their own work.
     * @param projectId the project
     * @param username the user
     * @param roleName the role
     * @return the membership
     */
    @Transactional
    public ProjectMember addMember(Long projectId, String username, String roleName) {
        Project project = get(projectId);
        if (username == null || username.isBlank()) {
            throw new InvalidInputException("username", "Choose a user");
        }
        ProjectRole role;
        try {
            role = ProjectRole.parse(roleName);
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidInputException("role", ex.getMessage());
        }
        AppUser user;
        try {
            user = this.users.getByUsername(username.trim());
        }
        catch (NotFoundException ex) {
            throw new InvalidInputException("username", ex.getMessage());
        }
        SwitchyardPrincipal current = CurrentUser.require();
        if (!current.isAdmin() && current.getId().equals(user.getId())) {
            throw new AccessDeniedException("You cannot grant yourself a role; ask an administrator");
        }
        if (this.members.findRoles(projectId, user.getId()).contains(role)) {
            throw new ConflictException("role",
                    user.getUsername() + " already has the " + role + " role in this project");
        }
        return grant(project, user, role);
    }

    /**
     * Withdraws one role from a member.
     * @param projectId the project
     * @param memberId the membership
     */
    @Transactional
    public void removeMember(Long projectId, Long memberId) {
        ProjectMember member = this.members.findById(memberId)
            .filter((m) -> m.getProjectId().equals(projectId))
            .orElseThrow(() -> NotFoundException.of("Member", memberId));
        this.members.delete(member);
        this.audit.record(projectId, "Member", memberId, "role withdrawn",
                member.getUser().getUsername() + ": " + member.getRole() + " withdrawn");
    }

    @Transactional(readOnly = true)
    public List<Environment> environments(Long projectId) {
        return this.environments.findByProjectIdOrderByPositionAscIdAsc(projectId);
    }

    /**
     * Adds an environment.
     * @param projectId the project
     * @param name a name unique in the project
     * @param kindName sandbox, staging or production
     * @return the environment
     */
    @Transactional
    public Environment addEnvironment(Long projectId, String name, String kindName) {
        get(projectId);
        String cleanName = checkEnvironmentName(projectId, name, null);
        EnvironmentKind kind;
        try {
            kind = EnvironmentKind.parse(kindName);
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidInputException("kind", ex.getMessage());
        }
        int position = environments(projectId).size();
        Environment environment = this.environments.save(new Environment(projectId, cleanName, kind, position));
        this.audit.record(projectId, "Environment", environment.getId(), "created",
                "environment '" + cleanName + "' (" + kind + ")");
        return environment;
    }

    /**
     * Renames an environment.
     * @param projectId the project
     * @param environmentId the environment
     * @param name the new name
     * @return the environment
     */
    @Transactional
    public Environment renameEnvironment(Long projectId, Long environmentId, String name) {
        Environment environment = this.environments.findById(environmentId)
            .filter((e) -> e.getProjectId().equals(projectId))
            .orElseThrow(() -> NotFoundException.of("Environment", environmentId));
        String cleanName = checkEnvironmentName(projectId, name, environmentId);
        if (!cleanName.equals(environment.getName())) {
            this.audit.record(projectId, "Environment", environmentId, "renamed",
                    "name: '" + environment.getName() + "' → '" + cleanName + "'");
            environment.setName(cleanName);
        }
        return environment;
    }

    private ProjectMember grant(Project project, AppUser user, ProjectRole role) {
        ProjectMember member = this.members.save(new ProjectMember(project.getId(), user, role, this.clock.instant(),
                CurrentUser.get().map(SwitchyardPrincipal::getUsername).orElse(AuditLog.SYSTEM)));
        this.audit.record(project.getId(), "Member", member.getId(), "role granted",
                user.getUsername() + ": " + role + " granted");
        return member;
    }

    private String checkName(String name, Long ownId) {
        String cleanName = (name != null) ? name.trim() : "";
        if (cleanName.isEmpty()) {
            throw new InvalidInputException("name", "Give the project a name");
        }
        if (cleanName.length() > 120) {
            throw new InvalidInputException("name", "The name must have at most 120 characters");
        }
        this.projects.findByNameIgnoreCase(cleanName)
            .filter((other) -> !other.getId().equals(ownId))
            .ifPresent((other) -> {
                throw new ConflictException("name", "A project named '" + other.getName() + "' already exists");
            });
        return cleanName;
    }

    private String checkEnvironmentName(Long projectId, String name, Long ownId) {
        String cleanName = (name != null) ? name.trim() : "";
        if (!cleanName.matches("[A-Za-z0-9][A-Za-z0-9 _.-]{0,59}")) {
            throw new InvalidInputException("name",
                    "An environment name has 1 to 60 letters, digits, spaces, dots, dashes or underscores");
        }
        this.environments.findByName(projectId, cleanName)
            .filter((other) -> !other.getId().equals(ownId))
            .ifPresent((other) -> {
                throw new ConflictException("name",
                        "This project already has an environment named '" + other.getName() + "'");
            });
        return cleanName;
    }

    private static String clean(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String trimmed = text.trim();
        if (trimmed.length() > 2000) {
            throw new InvalidInputException("description", "The description must have at most 2000 characters");
        }
        return trimmed;
    }

}
