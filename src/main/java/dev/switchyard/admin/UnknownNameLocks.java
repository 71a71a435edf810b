package dev.switchyard.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import dev.switchyard.system.SwitchyardProperties;

import org.springframework.stereotype.Component;

/**
 * Failed logins with names that belong to no user, counted and locked exactly as an
 * account's are, so that the lock never tells which names exist: after the same number of
 * failures an unknown name is "locked" for the same time. Kept in memory, for the
 * {@value #CAPACITY} names tried most recently.
 */
@Component
class UnknownNameLocks {

    /** Names remembered; the least recently tried is forgotten first. */
    static final int CAPACITY = 10_000;

    private final Clock clock;

    private final SwitchyardProperties.Security settings;

    private final Map<String, Attempts> names = new LinkedHashMap<>(256, 0.75f, true) {

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Attempts> eldest) {
            return size() > CAPACITY;
        }

    };

    UnknownNameLocks(Clock clock, SwitchyardProperties properties) {
        this.clock = clock;
        this.settings = properties.security();
    }

    /**
     * Counts a failed login with a name no user has.
     * @param username the name tried
     */
    synchronized void failed(String username) {
        Instant now = this.clock.instant();
        Attempts attempts = this.names.computeIfAbsent(key(username), (k) -> new Attempts());
        if (attempts.lockedUntil != null && attempts.lockedUntil.isAfter(now)) {
            return;
        }
        attempts.failures++;
        if (attempts.failures >= this.settings.maxFailedLogins()) {
            attempts.failures = 0;
            attempts.lockedUntil = now.plus(Duration.ofMinutes(this.settings.lockMinutes()));
        }
    }

    /**
     * @param username a name no user has
     * @return until when it is locked, or null when it is not
     */
    synchronized Instant lockedUntil(String username) {
        Attempts attempts = this.names.get(key(username));
        return (attempts != null && attempts.lockedUntil != null && attempts.lockedUntil.isAfter(this.clock.instant()))
                ? attempts.lockedUntil : null;
    }

    private static String key(String username) {
        return (username != null) ? username.toLowerCase(Locale.ROOT) : "";
    }

    private static final class Attempts {

        private int failures;

        private Instant lockedUntil;

    }

}
