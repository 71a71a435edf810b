package dev.switchyard.demo;

import java.time.Duration;
import java.util.stream.Collectors;

import dev.switchyard.system.BackgroundTasks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Builds the demo project on the first start ({@code switchyard.demo.enabled}, default
 * true), once the application is up: on a background thread, so that {@code /login}
 * answers first and start-up is never delayed. A failure never stops Switchyard: it is
 * logged as a warning naming the step, and the next start finishes the demo (see
 * {@link DemoProjectBuilder}).
 *
 * <p>
 * The thread waits until the application accepts traffic, which Spring Boot announces
 * after every {@link ApplicationReadyEvent} listener has returned, so that start-up work
 * such as failing extractions interrupted by a restart is done before the demo queues its
 * own.
 *
 * <p>
 * While it builds, the home page tells administrators so (through
 * {@link BackgroundTasks}), and that it failed when it did.
 */
@Component
class DemoProject {

    private static final Logger log = LoggerFactory.getLogger(DemoProject.class);

    private static final Duration READINESS_WAIT = Duration.ofSeconds(60);

    /** The demo's task in {@link BackgroundTasks}. */
    static final String TASK = "demo";

    private final DemoProjectBuilder builder;

    private final ApplicationAvailability availability;

    private final BackgroundTasks background;

    private final boolean enabled;

    DemoProject(DemoProjectBuilder builder, ApplicationAvailability availability, BackgroundTasks background,
            @Value("${switchyard.demo.enabled:true}") boolean enabled) {
        this.builder = builder;
        this.availability = availability;
        this.background = background;
        this.enabled = enabled;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        if (!this.enabled) {
            return;
        }
        Thread thread = new Thread(this::buildOnFirstStart, "demo-project");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Builds the demo project when this is a first start; logs the outcome and never
     * throws.
     */
    void buildOnFirstStart() {
        try {
            awaitReadiness();
            if (!this.builder.isFirstStart()) {
                return;
            }
            log.info("First start: building the demo project (switchyard.demo.enabled=false switches this off)");
            this.background.begun(TASK, "home.demoBuilding");
            long start = System.nanoTime();
            DemoProjectBuilder.Result result = this.builder.build();
            this.background.finished(TASK);
            if (!result.built()) {
                return;
            }
            String steps = result.timings()
                .entrySet()
                .stream()
                .map((e) -> e.getKey() + " " + e.getValue().toMillis() + " ms")
                .collect(Collectors.joining(", "));
            log.info("Demo project '{}' is ready (id {}) in {} ms ({}); its mapping has {} errors and {} warnings",
                    DemoProjectBuilder.NAME, result.projectId(), Duration.ofNanos(System.nanoTime() - start).toMillis(),
                    steps, result.report().errors().size(), result.report().warnings().size());
            if (!result.report().errors().isEmpty()) {
                log.warn("The demo mapping does not validate: {}", result.report().errors());
            }
        }
        catch (DemoStepException ex) {
            this.background.failed(TASK, "home.demoFailed", ex.getMessage());
            log.warn(
                    "The demo project could not be built: {}. Switchyard works without it; the next start tries "
                            + "to finish it (switchyard.demo.enabled=false switches this off).",
                    ex.getMessage(), ex.getCause());
        }
        catch (RuntimeException ex) {
            this.background.failed(TASK, "home.demoFailed", ex.toString());
            log.warn("The demo project could not be built: {}. Switchyard works without it; the next start tries "
                    + "to finish it (switchyard.demo.enabled=false switches this off).", ex.toString(), ex);
        }
    }

    private void awaitReadiness() {
        long deadline = System.nanoTime() + READINESS_WAIT.toNanos();
        while (this.availability.getReadinessState() != ReadinessState.ACCEPTING_TRAFFIC
                && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the application to be ready", ex);
            }
        }
    }

}
