package dev.switchyard.admin;

import java.security.SecureRandom;
import java.util.Base64;

import dev.switchyard.system.SwitchyardProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On first start, with no users at all, creates the administrator from
 * {@code SWITCHYARD_ADMIN_USERNAME} / {@code SWITCHYARD_ADMIN_PASSWORD}; without a
 * password, a random one is generated and printed once to the log.
 */
@Component
@Order(0)
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final UserService users;

    private final SwitchyardProperties properties;

    AdminBootstrap(UserService users, SwitchyardProperties properties) {
        this.users = users;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (this.users.count() > 0) {
            return;
        }
        String username = this.properties.admin().username();
        String password = this.properties.admin().password();
        boolean generated = password == null || password.isBlank();
        if (generated) {
            byte[] random = new byte[18];
            new SecureRandom().nextBytes(random);
            password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        }
        this.users.create(username, password, "Administrator", true);
        if (generated) {
            log.warn("""

                    ==========================================================
                     Created administrator '{}' with password: {}
                     This password is shown only once. Change it after login.
                    ==========================================================""", username, password);
        }
        else {
            log.info("Created administrator '{}' from SWITCHYARD_ADMIN_USERNAME/SWITCHYARD_ADMIN_PASSWORD", username);
        }
    }

}
