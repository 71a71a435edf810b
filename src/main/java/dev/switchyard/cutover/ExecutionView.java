package dev.switchyard.cutover;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.switchyard.project.ProjectRole;

/**
 * An execution as its page shows it: per task its status, planned and elapsed time,
 * whether it runs late, the action it launched and whether the signed-in user may start
 * or finish it.
 *
 * @param execution the execution
 * @param rows one per task of the plan, in order
 * @param elapsed from its start to its end, or to now while active
 */
record ExecutionView(Execution execution, List<Row> rows, String elapsed) {

    /**
     * @param execution the execution
     * @param tasks the plan
     * @param userId the signed-in user
     * @param roles their roles in the project
     * @param now the time now
     * @param progress the progress of a running task's action, or null
     * @return the view
     */
    static ExecutionView of(Execution execution, List<CutoverTask> tasks, long userId, Set<ProjectRole> roles,
            Instant now, java.util.function.LongFunction<Integer> progress) {
        List<Row> rows = new ArrayList<>();
        java.util.Map<Long, String> waits = CutoverController.waitsFor(tasks);
        for (CutoverTask task : tasks) {
            TaskStatus status = execution.status(task);
            TaskRun run = execution.runs().get(task.id());
            Duration elapsed = (run != null) ? run.elapsed(now) : null;
            boolean late = elapsed != null && elapsed.compareTo(Duration.ofMinutes(task.plannedMinutes())) > 0;
            boolean may = roles.contains(ProjectRole.ANALYST) || (!task.action().automatic() && task.isOwnedBy(userId));
            Integer percent = (status == TaskStatus.RUNNING && task.action().automatic()) ? progress.apply(task.id())
                    : null;
            rows.add(new Row(task, status, run, Times.format(Duration.ofMinutes(task.plannedMinutes())),
                    Times.format(elapsed), late, percent, waits.get(task.id()),
                    execution.active() && may && (status == TaskStatus.READY || status == TaskStatus.FAILED),
                    execution.active() && may && status == TaskStatus.RUNNING && !task.action().automatic(),
                    link(execution.projectId(), task.action(), run)));
        }
        Instant end = (execution.finishedAt() != null) ? execution.finishedAt() : now;
        return new ExecutionView(execution, rows, Times.format(Duration.between(execution.startedAt(), end)));
    }

    private static String link(long projectId, TaskAction action, TaskRun run) {
        if (run == null || run.actionRef() == null) {
            return null;
        }
        return switch (action) {
            case DELTA_EXTRACTION -> "/projects/" + projectId + "/extractions/" + run.actionRef();
            case FULL_RUN, DELTA_RUN -> "/projects/" + projectId + "/runs/" + run.actionRef();
            case VALIDATION -> "/projects/" + projectId + "/validations/" + run.actionRef();
            case MANUAL -> null;
        };
    }

    /**
     * @return whether a task is running
     */
    boolean running() {
        return this.rows.stream().anyMatch((r) -> r.status() == TaskStatus.RUNNING);
    }

    /**
     * One task in the execution.
     *
     * @param task the task
     * @param status where it stands
     * @param run its run, or null before it started
     * @param planned its planned duration, written out
     * @param elapsed how long it took or has taken, written out
     * @param late whether it took or takes longer than planned
     * @param percent its action's progress while it runs, or null
     * @param waitsFor the positions it waits for
     * @param mayStart whether the signed-in user may start it now
     * @param mayFinish whether the signed-in user may mark it done now
     * @param actionLink the page of the action it launched, or null
     */
    record Row(CutoverTask task, TaskStatus status, TaskRun run, String planned, String elapsed, boolean late,
            Integer percent, String waitsFor, boolean mayStart, boolean mayFinish, String actionLink) {
    }

}
