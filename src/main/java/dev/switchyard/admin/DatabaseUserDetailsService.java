package dev.switchyard.admin;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads users from the database for form login and HTTP Basic. A name that belongs to no
 * user but is locked after failed logins ({@link UnknownNameLocks}) loads as a locked
 * account that can never sign in, so that it is refused exactly as a locked user is.
 */
@Service
class DatabaseUserDetailsService implements UserDetailsService {

    private final AppUserRepository users;

    private final Clock clock;

    private final UnknownNameLocks unknownNames;

    DatabaseUserDetailsService(AppUserRepository users, Clock clock, UnknownNameLocks unknownNames) {
        this.users = users;
        this.clock = clock;
        this.unknownNames = unknownNames;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        Instant now = this.clock.instant();
        return this.users.findByUsername(username)
            .map((user) -> new SwitchyardPrincipal(user, now))
            .or(() -> Optional.ofNullable(this.unknownNames.lockedUntil(username)).map((until) -> {
                AppUser nobody = new AppUser(username, "{noop}" + UUID.randomUUID(), null, false);
                nobody.setLockedUntil(until);
                return new SwitchyardPrincipal(nobody, now);
            }))
            .orElseThrow(() -> new UsernameNotFoundException("No such user"));
    }

}
