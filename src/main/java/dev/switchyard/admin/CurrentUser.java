package dev.switchyard.admin;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Access to the signed-in user of the current request.
 */
public final class CurrentUser {

    private CurrentUser() {
    }

    /**
     * @return the signed-in user, if any
     */
    public static Optional<SwitchyardPrincipal> get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof SwitchyardPrincipal principal) {
            return Optional.of(principal);
        }
        return Optional.empty();
    }

    /**
     * @return the signed-in user
     * @throws org.springframework.security.access.AccessDeniedException when nobody is
     * signed in
     */
    public static SwitchyardPrincipal require() {
        return get()
            .orElseThrow(() -> new org.springframework.security.access.AccessDeniedException("Nobody is signed in"));
    }

}
