package dev.switchyard.project;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import dev.switchyard.admin.CurrentUser;
import dev.switchyard.admin.SwitchyardPrincipal;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decides what the signed-in user may do in a project: administrators everything, members
 * what their project roles allow, everybody else nothing.
 */
@Component
public class ProjectAccess {

    private final ProjectMemberRepository members;

    ProjectAccess(ProjectMemberRepository members) {
        this.members = members;
    }

    /**
     * @param user the user
     * @param projectId the project
     * @return whether the user may see the project at all
     */
    @Transactional(readOnly = true)
    public boolean canView(SwitchyardPrincipal user, Long projectId) {
        return user.isAdmin() || this.members.isMember(projectId, user.getId());
    }

    /**
     * @param projectId the project
     * @return the signed-in user's roles in the project (all of them for an
     * administrator)
     */
    @Transactional(readOnly = true)
    public Set<ProjectRole> rolesOfCurrentUser(Long projectId) {
        SwitchyardPrincipal user = CurrentUser.require();
        if (user.isAdmin()) {
            return EnumSet.allOf(ProjectRole.class);
        }
        List<ProjectRole> roles = this.members.findRoles(projectId, user.getId());
        return roles.isEmpty() ? EnumSet.noneOf(ProjectRole.class) : EnumSet.copyOf(roles);
    }

    /**
     * Refuses the request unless the signed-in user is an administrator or holds one of
     * the roles in the project.
     * @param projectId the project
     * @param anyOf the roles that allow the action
     * @throws AccessDeniedException when refused
     */
    @Transactional(readOnly = true)
    public void require(Long projectId, ProjectRole... anyOf) {
        Set<ProjectRole> held = rolesOfCurrentUser(projectId);
        for (ProjectRole role : anyOf) {
            if (held.contains(role)) {
                return;
            }
        }
        throw new AccessDeniedException("This needs the " + describe(anyOf) + " role in this project");
    }

    /**
     * Refuses the request unless the signed-in user holds the role in the project as a
     * member. Administrators are not exempt: approvals need a real stakeholder.
     * @param projectId the project
     * @param role the role
     * @throws AccessDeniedException when refused
     */
    @Transactional(readOnly = true)
    public void requireMemberRole(Long projectId, ProjectRole role) {
        SwitchyardPrincipal user = CurrentUser.require();
        if (!this.members.findRoles(projectId, user.getId()).contains(role)) {
            throw new AccessDeniedException("Only a " + role + " of this project may do this");
        }
    }

    /**
     * Refuses the request unless the signed-in user may see the project.
     * @param projectId the project
     */
    @Transactional(readOnly = true)
    public void requireView(Long projectId) {
        if (!canView(CurrentUser.require(), projectId)) {
            throw new AccessDeniedException("You are not a member of this project");
        }
    }

    private static String describe(ProjectRole... roles) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < roles.length; i++) {
            if (i > 0) {
                text.append((i == roles.length - 1) ? " or " : ", ");
            }
            text.append(roles[i].name());
        }
        return text.toString();
    }

}
