package dev.switchyard.admin;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A person who signs in to Switchyard. Project roles come from project membership;
 * {@link #isAdmin() admin} is the only global role.
 */
@Entity
@Table(name = "app_user")
public class AppUser {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String username;

    @Column(name = "password_hash")
    private String passwordHash;

    @Column(name = "display_name")
    private String displayName;

    private boolean admin;

    private boolean enabled = true;

    @Column(name = "failed_logins")
    private int failedLogins;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    @Column(name = "created_at")
    private Instant createdAt = Instant.now();

    @Version
    private long version;

    protected AppUser() {
    }

    public AppUser(String username, String passwordHash, String displayName, boolean admin) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.displayName = displayName;
        this.admin = admin;
    }

    public Long getId() {
        return this.id;
    }

    public String getUsername() {
        return this.username;
    }

    public String getPasswordHash() {
        return this.passwordHash;
    }

    void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    public String getDisplayName() {
        return this.displayName;
    }

    void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    /**
     * The name to show: the display name, or the user name when there is none.
     * @return a name for people
     */
    public String getLabel() {
        return (this.displayName != null && !this.displayName.isBlank()) ? this.displayName : this.username;
    }

    public boolean isAdmin() {
        return this.admin;
    }

    void setAdmin(boolean admin) {
        this.admin = admin;
    }

    public boolean isEnabled() {
        return this.enabled;
    }

    void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public int getFailedLogins() {
        return this.failedLogins;
    }

    void setFailedLogins(int failedLogins) {
        this.failedLogins = failedLogins;
    }

    public Instant getLockedUntil() {
        return this.lockedUntil;
    }

    void setLockedUntil(Instant lockedUntil) {
        this.lockedUntil = lockedUntil;
    }

    /**
     * Whether the account is locked at the given moment after too many failed logins.
     * @param now the moment to check
     * @return true while the lock lasts
     */
    public boolean isLockedAt(Instant now) {
        return this.lockedUntil != null && this.lockedUntil.isAfter(now);
    }

    public Instant getCreatedAt() {
        return this.createdAt;
    }

}
