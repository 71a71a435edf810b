package dev.switchyard.cutover;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One execution of a project's cutover plan: a rehearsal in staging or the live cutover
 * in production, with the tasks carried out so far.
 *
 * @param id its id
 * @param projectId the project
 * @param mode rehearsal or live
 * @param environmentId the environment it runs against
 * @param environment that environment's name
 * @param status ACTIVE, FINISHED or ABANDONED
 * @param startedBy who started it
 * @param startedAt when
 * @param finishedAt when it was finished, or null
 * @param freezeAt the source freeze time recorded, or null
 * @param freezeBy who recorded it, or null
 * @param runs the tasks carried out, by task id
 */
public record Execution(long id, long projectId, ExecutionMode mode, long environmentId, String environment,
        String status, String startedBy, Instant startedAt, Instant finishedAt, Instant freezeAt, String freezeBy,
        Map<Long, TaskRun> runs) {

    /** Still being carried out. */
    public static final String ACTIVE = "ACTIVE";

    /** Ended. */
    public static final String FINISHED = "FINISHED";

    public Execution {
        runs = Map.copyOf(runs);
    }

    /**
     * @return whether tasks may still start
     */
    public boolean active() {
        return ACTIVE.equals(this.status);
    }

    /**
     * @param task a task of the plan
     * @return where it stands in this execution
     */
    public TaskStatus status(CutoverTask task) {
        TaskRun run = this.runs.get(task.id());
        if (run != null) {
            return run.status();
        }
        for (Long dependency : task.dependsOn()) {
            TaskRun before = this.runs.get(dependency);
            if (before == null || before.status() != TaskStatus.DONE) {
                return TaskStatus.WAITING;
            }
        }
        return TaskStatus.READY;
    }

    /**
     * @param task a task
     * @return its run in this execution, if it started
     */
    public Optional<TaskRun> run(CutoverTask task) {
        return Optional.ofNullable(this.runs.get(task.id()));
    }

}
