package dev.switchyard.admin;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Counts failed logins (form and HTTP Basic alike) so that an account is locked after too
 * many in a row, and clears the count after a success.
 */
@Component
class LoginAttemptListener {

    private final UserService users;

    LoginAttemptListener(UserService users) {
        this.users = users;
    }

    @EventListener
    void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        this.users.recordFailedLogin(event.getAuthentication().getName());
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof SwitchyardPrincipal principal) {
            this.users.recordSuccessfulLogin(principal.getUsername());
        }
    }

}
