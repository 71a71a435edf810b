package dev.switchyard.system;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Switchyard's own settings, under the {@code switchyard} prefix.
 *
 * @param dataDir where Switchyard keeps its data: the embedded PostgreSQL cluster
 * ({@code postgres/}), uploads and archives; {@code SWITCHYARD_DATA_DIR}, default
 * {@code ~/.switchyard}
 * @param admin the administrator created on first start when there are no users
 * @param security login protection settings
 */
@ConfigurationProperties("switchyard")
public record SwitchyardProperties(Path dataDir, @DefaultValue Admin admin, @DefaultValue Security security) {

    /**
     * The first administrator.
     *
     * @param username user name ({@code SWITCHYARD_ADMIN_USERNAME}, default
     * {@code admin})
     * @param password password ({@code SWITCHYARD_ADMIN_PASSWORD}); when blank a random
     * one is generated and printed once to the log
     */
    public record Admin(@DefaultValue("admin") String username, String password) {
    }

    /**
     * Login protection.
     *
     * @param maxFailedLogins failed logins in a row after which an account is locked
     * @param lockMinutes how long a locked account stays locked
     */
    public record Security(@DefaultValue("5") int maxFailedLogins, @DefaultValue("1") int lockMinutes) {
    }

}
