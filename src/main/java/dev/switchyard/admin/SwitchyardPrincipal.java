package dev.switchyard.admin;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in user as Spring Security sees it. The only global authority is
 * {@code ROLE_ADMIN}; project roles are checked per project.
 */
public final class SwitchyardPrincipal implements UserDetails, CredentialsContainer {

    private static final long serialVersionUID = 1L;

    private final Long id;

    private final String username;

    private String passwordHash;

    private final boolean admin;

    private final boolean enabled;

    private final boolean locked;

    SwitchyardPrincipal(AppUser user, Instant now) {
        this.id = user.getId();
        this.username = user.getUsername();
        this.passwordHash = user.getPasswordHash();
        this.admin = user.isAdmin();
        this.enabled = user.isEnabled();
        this.locked = user.isLockedAt(now);
    }

    public Long getId() {
        return this.id;
    }

    public boolean isAdmin() {
        return this.admin;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return this.admin ? List.of(new SimpleGrantedAuthority("ROLE_ADMIN"), new SimpleGrantedAuthority("ROLE_USER"))
                : List.of(new SimpleGrantedAuthority("ROLE_USER"));
    }

    @Override
    public String getPassword() {
        return this.passwordHash;
    }

    @Override
    public String getUsername() {
        return this.username;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !this.locked;
    }

    @Override
    public boolean isEnabled() {
        return this.enabled;
    }

    @Override
    public void eraseCredentials() {
        this.passwordHash = null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SwitchyardPrincipal that && this.username.equals(that.username);
    }

    @Override
    public int hashCode() {
        return this.username.hashCode();
    }

    @Override
    public String toString() {
        return "SwitchyardPrincipal[" + this.username + "]";
    }

}
