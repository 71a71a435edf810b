package dev.switchyard.admin;

import java.time.Clock;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads users from the database for form login and HTTP Basic.
 */
@Service
class DatabaseUserDetailsService implements UserDetailsService {

    private final AppUserRepository users;

    private final Clock clock;

    DatabaseUserDetailsService(AppUserRepository users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        return this.users.findByUsername(username)
            .map((user) -> new SwitchyardPrincipal(user, this.clock.instant()))
            .orElseThrow(() -> new UsernameNotFoundException("No such user"));
    }

}
