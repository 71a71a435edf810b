package dev.switchyard.system;

import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The bounded background executors extractions, runs and validations execute on: a fixed
 * number of threads, a queue of 100 waiting tasks, nothing awaited at shutdown (what a
 * stop interrupts is recovered at the next start).
 */
public final class BoundedExecutors {

    private BoundedExecutors() {
    }

    /**
     * @param threads how many tasks execute at once
     * @param prefix the threads' name prefix
     * @return the initialised executor
     */
    public static ThreadPoolTaskExecutor of(int threads, String prefix) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(threads);
        executor.setMaxPoolSize(threads);
        executor.setQueueCapacity(100);
        executor.setThreadNamePrefix(prefix);
        executor.setWaitForTasksToCompleteOnShutdown(false);
        executor.initialize();
        return executor;
    }

}
