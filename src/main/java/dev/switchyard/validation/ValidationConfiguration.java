package dev.switchyard.validation;

import dev.switchyard.system.BoundedExecutors;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The bounded background executor validations run on:
 * {@code switchyard.validations.threads} (1 by default) at once, more wait in its queue.
 */
@Configuration(proxyBeanMethods = false)
class ValidationConfiguration {

    @Bean
    ThreadPoolTaskExecutor validationExecutor(org.springframework.core.env.Environment environment) {
        return BoundedExecutors.of(environment.getProperty("switchyard.validations.threads", Integer.class, 1),
                "validation-");
    }

}
