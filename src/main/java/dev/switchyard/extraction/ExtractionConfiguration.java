package dev.switchyard.extraction;

import dev.switchyard.system.BoundedExecutors;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The bounded background executor extractions run on.
 */
@Configuration(proxyBeanMethods = false)
class ExtractionConfiguration {

    @Bean
    ThreadPoolTaskExecutor extractionExecutor(org.springframework.core.env.Environment environment) {
        return BoundedExecutors.of(environment.getProperty("switchyard.extraction.threads", Integer.class, 2),
                "extraction-");
    }

}
