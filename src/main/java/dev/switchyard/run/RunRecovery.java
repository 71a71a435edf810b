package dev.switchyard.run;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Keeps runs honest across restarts: on start-up, before the web server answers (this
 * runs when every bean exists, before the context starts its web server), a run whose
 * instance stopped — this instance before a restart or a crash, or any instance not heard
 * of for {@value #STALE_SECONDS} seconds — is marked INTERRUPTED and its Spring Batch
 * execution recovered, so it can be resumed from its last committed chunk. While running,
 * this instance beats its heart on its runs every {@value #BEAT_SECONDS} seconds.
 */
@Component
class RunRecovery implements SmartInitializingSingleton, DisposableBean {

    static final int STALE_SECONDS = 60;

    static final int BEAT_SECONDS = 10;

    private static final Log logger = LogFactory.getLog(RunRecovery.class);

    private final RunStore store;

    private final RunJobs jobs;

    private final RunLog log;

    private ScheduledExecutorService heart;

    RunRecovery(RunStore store, RunJobs jobs, RunLog log) {
        this.store = store;
        this.jobs = jobs;
        this.log = log;
    }

    @Override
    public void afterSingletonsInstantiated() {
        List<Long> interrupted = this.store.interruptOrphans(this.jobs.owner(), STALE_SECONDS);
        if (!interrupted.isEmpty()) {
            logger.warn("Runs " + interrupted + " were interrupted by a stop of their instance: resume them to go on");
        }
        interrupted.forEach((id) -> this.log.add(id, "Interrupted: found running when " + this.jobs.owner()
                + " started (its instance stopped or crashed); marked INTERRUPTED, resume it to continue from its"
                + " last committed chunk"));
        this.jobs.recover();
        this.heart = Executors.newSingleThreadScheduledExecutor((task) -> {
            Thread thread = new Thread(task, "run-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        this.heart.scheduleWithFixedDelay(this::beat, BEAT_SECONDS, BEAT_SECONDS, TimeUnit.SECONDS);
    }

    private void beat() {
        try {
            this.store.heartbeat(this.jobs.owner());
            this.store.interruptStale(STALE_SECONDS)
                .forEach((id) -> this.log.add(id, "Interrupted: its instance has not been heard of for " + STALE_SECONDS
                        + " s; marked INTERRUPTED by " + this.jobs.owner() + ", resume it to continue"));
        }
        catch (RuntimeException ex) {
            logger.debug("Heartbeat failed: " + ex.getMessage());
        }
    }

    @Override
    public void destroy() {
        if (this.heart != null) {
            this.heart.shutdownNow();
        }
    }

}
