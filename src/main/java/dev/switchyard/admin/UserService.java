package dev.switchyard.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;

import dev.switchyard.audit.AuditLog;
import dev.switchyard.system.ConflictException;
import dev.switchyard.system.InvalidInputException;
import dev.switchyard.system.NotFoundException;
import dev.switchyard.system.SwitchyardProperties;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates and manages users: passwords, enabling, the admin role and the lock after
 * repeated failed logins.
 */
@Service
public class UserService {

    /** The shortest password accepted. */
    public static final int MIN_PASSWORD_LENGTH = 8;

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{1,63}");

    private final AppUserRepository users;

    private final PasswordEncoder passwordEncoder;

    private final AuditLog audit;

    private final Clock clock;

    private final SwitchyardProperties.Security settings;

    private final UnknownNameLocks unknownNames;

    UserService(AppUserRepository users, PasswordEncoder passwordEncoder, AuditLog audit, Clock clock,
            SwitchyardProperties properties, UnknownNameLocks unknownNames) {
        this.unknownNames = unknownNames;
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.audit = audit;
        this.clock = clock;
        this.settings = properties.security();
    }

    /**
     * Creates a user.
     * @param username the user name: 2 to 64 letters, digits, dots, dashes, underscores
     * or @, unique ignoring case
     * @param password the password, at least {@value #MIN_PASSWORD_LENGTH} characters
     * @param displayName an optional display name
     * @param admin whether the user is an administrator
     * @return the new user
     */
    @Transactional
    public AppUser create(String username, String password, String displayName, boolean admin) {
        String name = (username != null) ? username.trim() : "";
        if (!USERNAME.matcher(name).matches()) {
            throw new InvalidInputException("username",
                    "User name must be 2 to 64 letters, digits, dots, dashes, underscores or @, starting with a letter or digit");
        }
        checkPassword("password", password);
        if (this.users.findByUsername(name).isPresent()) {
            throw new ConflictException("username", "User name '" + name + "' is already taken");
        }
        AppUser user = this.users
            .save(new AppUser(name, this.passwordEncoder.encode(password), blankToNull(displayName), admin));
        this.audit.record(null, "User", user.getId(), "created", "user " + name + (admin ? " (administrator)" : ""));
        return user;
    }

    @Transactional(readOnly = true)
    public AppUser get(Long id) {
        return this.users.findById(id).orElseThrow(() -> NotFoundException.of("User", id));
    }

    @Transactional(readOnly = true)
    public AppUser getByUsername(String username) {
        return this.users.findByUsername(username)
            .orElseThrow(() -> new NotFoundException("User '" + username + "' does not exist"));
    }

    @Transactional(readOnly = true)
    public Page<AppUser> search(String query, Pageable pageable) {
        return this.users.search((query != null) ? query.trim().toLowerCase() : "", pageable);
    }

    @Transactional(readOnly = true)
    public long count() {
        return this.users.count();
    }

    /**
     * Enables or disables a user; a disabled user cannot sign in or use tokens.
     * @param id the user
     * @param enabled the new state
     * @return the user
     */
    @Transactional
    public AppUser setEnabled(Long id, boolean enabled) {
        AppUser user = get(id);
        if (!enabled && isSelf(user)) {
            throw new InvalidInputException("enabled", "You cannot disable your own account");
        }
        if (user.isEnabled() != enabled) {
            user.setEnabled(enabled);
            this.audit.record(null, "User", id, enabled ? "enabled" : "disabled", "user " + user.getUsername());
        }
        return user;
    }

    /**
     * Grants or withdraws the global administrator role.
     * @param id the user
     * @param admin the new state
     * @return the user
     */
    @Transactional
    public AppUser setAdmin(Long id, boolean admin) {
        AppUser user = get(id);
        if (!admin && isSelf(user)) {
            throw new InvalidInputException("admin", "You cannot withdraw your own administrator role");
        }
        if (user.isAdmin() != admin) {
            user.setAdmin(admin);
            this.audit.record(null, "User", id, admin ? "admin granted" : "admin withdrawn",
                    "user " + user.getUsername() + ": admin " + !admin + " → " + admin);
        }
        return user;
    }

    /**
     * Sets a new password chosen by an administrator and lifts any lock.
     * @param id the user
     * @param newPassword the password
     */
    @Transactional
    public void resetPassword(Long id, String newPassword) {
        checkPassword("newPassword", newPassword);
        AppUser user = get(id);
        user.setPasswordHash(this.passwordEncoder.encode(newPassword));
        user.setFailedLogins(0);
        user.setLockedUntil(null);
        this.audit.record(null, "User", id, "password reset", "user " + user.getUsername());
    }

    /**
     * Changes the signed-in user's own password.
     * @param username the user
     * @param currentPassword the current password, checked
     * @param newPassword the new password
     */
    @Transactional
    public void changeOwnPassword(String username, String currentPassword, String newPassword) {
        AppUser user = getByUsername(username);
        if (currentPassword == null || !this.passwordEncoder.matches(currentPassword, user.getPasswordHash())) {
            throw new InvalidInputException("currentPassword", "The current password is not correct");
        }
        checkPassword("newPassword", newPassword);
        user.setPasswordHash(this.passwordEncoder.encode(newPassword));
        this.audit.record(null, "User", user.getId(), "password changed", "user " + username);
    }

    /**
     * Counts a failed login; the account is locked for a while once the limit is reached.
     * A name that belongs to no user is counted and locked the same way (in memory), so
     * that the lock does not tell which names exist.
     * @param username the name that was tried
     */
    @Transactional
    public void recordFailedLogin(String username) {
        this.users.findByUsername(username).ifPresentOrElse((user) -> {
            Instant now = this.clock.instant();
            if (user.isLockedAt(now)) {
                return;
            }
            int failures = user.getFailedLogins() + 1;
            if (failures >= this.settings.maxFailedLogins()) {
                user.setFailedLogins(0);
                user.setLockedUntil(now.plus(Duration.ofMinutes(this.settings.lockMinutes())));
                this.audit.recordAs(user.getUsername(), null, "User", user.getId(), "locked",
                        failures + " failed logins in a row: locked until " + user.getLockedUntil());
            }
            else {
                user.setFailedLogins(failures);
            }
        }, () -> this.unknownNames.failed(username));
    }

    /**
     * Clears the failed-login count after a successful login.
     * @param username the user
     */
    @Transactional
    public void recordSuccessfulLogin(String username) {
        this.users.findByUsername(username).ifPresent((user) -> {
            if (user.getFailedLogins() != 0 || user.getLockedUntil() != null) {
                user.setFailedLogins(0);
                user.setLockedUntil(null);
            }
        });
    }

    private void checkPassword(String field, String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new InvalidInputException(field,
                    "Password must have at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        if (password.length() > 128) {
            throw new InvalidInputException(field, "Password must have at most 128 characters");
        }
    }

    private boolean isSelf(AppUser user) {
        return CurrentUser.get().map((p) -> p.getId().equals(user.getId())).orElse(false);
    }

    private static String blankToNull(String value) {
        return (value == null || value.isBlank()) ? null : value.trim();
    }

}
