package dev.switchyard.run;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The bounded background executor runs execute on: several projects may run at once, up
 * to {@code switchyard.runs.threads} (2 by default); more wait in its queue.
 */
@Configuration(proxyBeanMethods = false)
class RunConfiguration {

    @Bean
    ThreadPoolTaskExecutor runExecutor(org.springframework.core.env.Environment environment) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        int threads = environment.getProperty("switchyard.runs.threads", Integer.class, 2);
        executor.setCorePoolSize(threads);
        executor.setMaxPoolSize(threads);
        executor.setQueueCapacity(100);
        executor.setThreadNamePrefix("run-");
        executor.setWaitForTasksToCompleteOnShutdown(false);
        executor.initialize();
        return executor;
    }

}
