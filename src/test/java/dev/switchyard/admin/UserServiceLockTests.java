package dev.switchyard.admin;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import dev.switchyard.audit.AuditLog;
import dev.switchyard.system.SwitchyardProperties;
import org.junit.jupiter.api.Test;

import org.springframework.security.crypto.factory.PasswordEncoderFactories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

class UserServiceLockTests {

    final Instant start = Instant.parse("2026-01-05T09:00:00Z");

    final AppUserRepository users = mock(AppUserRepository.class);

    final AppUser user = new AppUser("jo", "{noop}x", null, false);

    UserService service(Instant now) {
        given(this.users.findByUsername("jo")).willReturn(Optional.of(this.user));
        SwitchyardProperties properties = new SwitchyardProperties(Path.of("/tmp"),
                new SwitchyardProperties.Admin("admin", null), new SwitchyardProperties.Security(5, 1));
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        return new UserService(this.users, PasswordEncoderFactories.createDelegatingPasswordEncoder(),
                mock(AuditLog.class), clock, properties, new UnknownNameLocks(clock, properties));
    }

    @Test
    void locksForOneMinuteOnTheFifthFailureInARow() {
        UserService service = service(this.start);
        for (int i = 0; i < 4; i++) {
            service.recordFailedLogin("jo");
        }
        assertThat(this.user.isLockedAt(this.start)).isFalse();
        service.recordFailedLogin("jo");
        assertThat(this.user.isLockedAt(this.start)).isTrue();
        assertThat(this.user.isLockedAt(this.start.plus(Duration.ofSeconds(59)))).isTrue();
        assertThat(this.user.isLockedAt(this.start.plus(Duration.ofSeconds(60)))).isFalse();
    }

    @Test
    void failuresDuringTheLockDoNotExtendIt() {
        service(this.start).recordFailedLogin("jo");
        UserService service = service(this.start);
        for (int i = 0; i < 4; i++) {
            service.recordFailedLogin("jo");
        }
        Instant lockedUntil = this.user.getLockedUntil();
        service(this.start.plusSeconds(30)).recordFailedLogin("jo");
        assertThat(this.user.getLockedUntil()).isEqualTo(lockedUntil);
    }

    @Test
    void successClearsTheCount() {
        UserService service = service(this.start);
        for (int i = 0; i < 4; i++) {
            service.recordFailedLogin("jo");
        }
        service.recordSuccessfulLogin("jo");
        service.recordFailedLogin("jo");
        assertThat(this.user.isLockedAt(this.start)).isFalse();
        assertThat(this.user.getFailedLogins()).isEqualTo(1);
    }

    @Test
    void aNameThatBelongsToNoUserIsLockedAfterAsManyFailuresAndAsLong() {
        SwitchyardProperties properties = new SwitchyardProperties(Path.of("/tmp"),
                new SwitchyardProperties.Admin("admin", null), new SwitchyardProperties.Security(5, 1));
        Instant[] now = { this.start };
        Clock clock = new Clock() {

            @Override
            public Instant instant() {
                return now[0];
            }

            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

        };
        UnknownNameLocks locks = new UnknownNameLocks(clock, properties);
        for (int i = 0; i < 4; i++) {
            locks.failed("Nobody");
        }
        assertThat(locks.lockedUntil("nobody")).isNull();
        locks.failed("NOBODY");
        assertThat(locks.lockedUntil("nobody")).isEqualTo(this.start.plus(Duration.ofMinutes(1)));
        now[0] = this.start.plusSeconds(30);
        locks.failed("nobody");
        assertThat(locks.lockedUntil("nobody")).isEqualTo(this.start.plus(Duration.ofMinutes(1)));
        now[0] = this.start.plusSeconds(60);
        assertThat(locks.lockedUntil("nobody")).isNull();
    }

}
