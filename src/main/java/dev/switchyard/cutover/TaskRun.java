package dev.switchyard.cutover;

import java.time.Duration;
import java.time.Instant;

/**
 * One task carried out in one execution: when and by whom it started and ended, the
 * workbench action it launched and the records that action handled.
 *
 * @param taskId the task
 * @param status RUNNING, DONE or FAILED
 * @param startedAt when it started
 * @param startedBy who started it
 * @param finishedAt when it ended (for an automatic task, when its action ended), or null
 * @param finishedBy who marked it done, or system for an automatic task
 * @param actionRef the extraction, run or validation it launched, or null
 * @param records the records the action handled, or null
 * @param message why it failed, or the owner's comment
 */
public record TaskRun(long taskId, TaskStatus status, Instant startedAt, String startedBy, Instant finishedAt,
        String finishedBy, Long actionRef, Long records, String message) {

    /**
     * @param now the time now
     * @return how long it took, or has taken so far
     */
    public Duration elapsed(Instant now) {
        return Duration.between(this.startedAt, (this.finishedAt != null) ? this.finishedAt : now);
    }

    /**
     * @return how long it took, or null while it runs
     */
    public Duration actual() {
        return (this.finishedAt != null) ? Duration.between(this.startedAt, this.finishedAt) : null;
    }

}
