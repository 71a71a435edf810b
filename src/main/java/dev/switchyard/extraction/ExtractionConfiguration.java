package dev.switchyard.extraction;

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
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        int threads = environment.getProperty("switchyard.extraction.threads", Integer.class, 2);
        executor.setCorePoolSize(threads);
        executor.setMaxPoolSize(threads);
        executor.setQueueCapacity(100);
        executor.setThreadNamePrefix("extraction-");
        executor.setWaitForTasksToCompleteOnShutdown(false);
        executor.initialize();
        return executor;
    }

}
