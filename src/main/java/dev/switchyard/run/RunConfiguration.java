package dev.switchyard.run;

import dev.switchyard.system.BoundedExecutors;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The bounded background executor runs execute on: several projects may run at once, up
 * to {@code switchyard.runs.threads} (2 by default); more wait in its queue.
 */
@Configuration(proxyBeanMethods = false)
@org.springframework.scheduling.annotation.EnableScheduling
class RunConfiguration {

    @Bean
    ThreadPoolTaskExecutor runExecutor(org.springframework.core.env.Environment environment) {
        return BoundedExecutors.of(environment.getProperty("switchyard.runs.threads", Integer.class, 2), "run-");
    }

}
