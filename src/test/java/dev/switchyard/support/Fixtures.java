package dev.switchyard.support;

import java.util.UUID;
import java.util.concurrent.Callable;

import dev.switchyard.admin.AppUser;
import dev.switchyard.admin.UserService;
import dev.switchyard.project.Project;
import dev.switchyard.project.ProjectService;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Creates users and projects for tests, each with a unique name so that tests sharing the
 * database never collide.
 */
@TestComponent
public class Fixtures {

    /** The password every fixture user gets. */
    public static final String PASSWORD = "correct-horse-battery";

    /** The administrator from the test configuration. */
    public static final String ADMIN = "admin";

    /** The administrator's password from the test configuration. */
    public static final String ADMIN_PASSWORD = "admin-secret-for-tests";

    private final UserService users;

    private final ProjectService projects;

    private final UserDetailsService userDetails;

    Fixtures(UserService users, ProjectService projects, UserDetailsService userDetails) {
        this.users = users;
        this.projects = projects;
        this.userDetails = userDetails;
    }

    /**
     * @param prefix a readable prefix
     * @return a name no other test uses
     */
    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * @param prefix a readable prefix for the user name
     * @return a new enabled, non-admin user with {@link #PASSWORD}
     */
    public AppUser user(String prefix) {
        return as(ADMIN, () -> this.users.create(unique(prefix), PASSWORD, null, false));
    }

    /**
     * @param owner the user who creates the project (and so becomes its ANALYST)
     * @return a new project
     */
    public Project project(String owner) {
        return as(owner, () -> this.projects.create(unique("Project"), "A test project"));
    }

    /**
     * Grants a role, acting as the administrator.
     * @param project the project
     * @param username the user
     * @param role the role
     */
    public void grant(Project project, String username, String role) {
        as(ADMIN, () -> this.projects.addMember(project.getId(), username, role));
    }

    /**
     * @param username the user
     * @return a MockMvc request post-processor that signs the user in, as a form login
     * would
     */
    public RequestPostProcessor login(String username) {
        return SecurityMockMvcRequestPostProcessors.user(this.userDetails.loadUserByUsername(username));
    }

    /**
     * Runs work as a signed-in user.
     * @param <T> the result type
     * @param username the user
     * @param work the work
     * @return its result
     */
    public <T> T as(String username, Callable<T> work) {
        UserDetails principal = this.userDetails.loadUserByUsername(username);
        var previous = SecurityContextHolder.getContext();
        SecurityContextHolder.setContext(SecurityContextHolder.createEmptyContext());
        SecurityContextHolder.getContext()
            .setAuthentication(
                    UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
        try {
            return work.call();
        }
        catch (RuntimeException ex) {
            throw ex;
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
        finally {
            SecurityContextHolder.setContext(previous);
        }
    }

}
