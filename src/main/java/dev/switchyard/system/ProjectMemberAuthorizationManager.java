package dev.switchyard.system;

import java.util.function.Supplier;

import dev.switchyard.admin.SwitchyardPrincipal;
import dev.switchyard.project.ProjectAccess;

import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Lets a request for {@code /projects/{projectId}/…} through only for administrators and
 * members of that project, before any controller runs. Finer role checks (an analyst
 * edits, a stakeholder approves) are made by the features themselves.
 */
class ProjectMemberAuthorizationManager implements AuthorizationManager<RequestAuthorizationContext> {

    private final ProjectAccess access;

    ProjectMemberAuthorizationManager(ProjectAccess access) {
        this.access = access;
    }

    @Override
    public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
            RequestAuthorizationContext context) {
        Authentication auth = authentication.get();
        if (auth == null || !(auth.getPrincipal() instanceof SwitchyardPrincipal user)) {
            return new AuthorizationDecision(false);
        }
        String projectId = context.getVariables().get("projectId");
        try {
            return new AuthorizationDecision(this.access.canView(user, Long.valueOf(projectId)));
        }
        catch (NumberFormatException ex) {
            return new AuthorizationDecision(user.isAdmin());
        }
    }

}
