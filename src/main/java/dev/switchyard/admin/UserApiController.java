package dev.switchyard.admin;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import dev.switchyard.project.ProjectMember;
import dev.switchyard.project.ProjectService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Users in the automation API: who am I, and (administrators) creating users.
 */
@RestController
@Tag(name = "Users", description = "The caller, and user administration")
class UserApiController {

    private final UserService users;

    private final ProjectService projects;

    UserApiController(UserService users, ProjectService projects) {
        this.users = users;
        this.projects = projects;
    }

    /**
     * A user as the API shows it.
     *
     * @param id the id
     * @param username the user name
     * @param displayName the display name
     * @param admin whether an administrator
     * @param enabled whether the user may sign in
     * @param createdAt when created
     */
    record UserJson(Long id, String username, String displayName, boolean admin, boolean enabled, Instant createdAt) {

        static UserJson of(AppUser user) {
            return new UserJson(user.getId(), user.getUsername(), user.getDisplayName(), user.isAdmin(),
                    user.isEnabled(), user.getCreatedAt());
        }

    }

    /**
     * The caller and their project roles.
     *
     * @param id the id
     * @param username the user name
     * @param admin whether an administrator
     * @param memberships their project roles
     */
    record MeJson(Long id, String username, boolean admin, List<Membership> memberships) {
    }

    /**
     * One project role.
     *
     * @param projectId the project
     * @param role the role
     */
    record Membership(Long projectId, String role) {
    }

    /**
     * A new user.
     *
     * @param username the user name
     * @param password the password, at least 8 characters
     * @param displayName an optional display name
     * @param admin whether an administrator
     */
    record CreateUser(String username, String password, String displayName, Boolean admin) {
    }

    @GetMapping("/api/v1/me")
    @Operation(summary = "The caller", description = "Who the credentials belong to, and their project roles.")
    MeJson me() {
        SwitchyardPrincipal me = CurrentUser.require();
        List<Membership> memberships = this.projects.membershipsOf(me.getId())
            .stream()
            .map((ProjectMember m) -> new Membership(m.getProjectId(), m.getRole().name()))
            .toList();
        return new MeJson(me.getId(), me.getUsername(), me.isAdmin(), memberships);
    }

    @PostMapping("/api/v1/users")
    @Operation(summary = "Create a user (administrators)",
            description = "201 with the user; 409 when the name is taken; 422 when invalid.")
    ResponseEntity<UserJson> create(@RequestBody CreateUser request) {
        AppUser user = this.users.create(request.username(), request.password(), request.displayName(),
                Boolean.TRUE.equals(request.admin()));
        return ResponseEntity.created(URI.create("/api/v1/users/" + user.getId())).body(UserJson.of(user));
    }

}
