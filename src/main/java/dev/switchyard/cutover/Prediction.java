package dev.switchyard.cutover;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The production window predicted from measured rehearsals. A task's duration is, in
 * order of preference: for an automatic task (extraction, run, validation), the mean of
 * its rehearsal durations each scaled by the final delta's records over that rehearsal's
 * delta (the records its delta extraction read); else the mean of its measured durations;
 * else its planned duration. The window is the longest chain of dependent tasks (tasks
 * without a dependency between them may run side by side).
 *
 * @param tasks per task of the plan, in order, its predicted duration and basis
 * @param window the predicted window: the longest chain of dependent tasks
 * @param planned the planned window, by the same rule
 * @param finalRecords the records of the final delta scaled to, or null (no scaling)
 * @param rehearsals how many rehearsals were measured
 */
public record Prediction(List<TaskPrediction> tasks, Duration window, Duration planned, Long finalRecords,
        int rehearsals) {

    /**
     * How a task's duration was predicted.
     */
    public enum Basis {

        /** Scaled by record counts from measured rehearsals. */
        SCALED,

        /** The mean of measured rehearsals, unscaled. */
        MEASURED,

        /** Never measured: as planned. */
        PLANNED

    }

    /**
     * One task's prediction.
     *
     * @param task the task
     * @param duration its predicted duration
     * @param basis how it was predicted
     * @param measurements how many rehearsals measured it
     */
    public record TaskPrediction(CutoverTask task, Duration duration, Basis basis, int measurements) {
    }

    /**
     * @param tasks the plan, in order (dependencies on earlier tasks only)
     * @param rehearsals the task runs of each rehearsal measured
     * @param finalRecords the records of the final delta, or null not to scale
     * @return the prediction
     */
    public static Prediction of(List<CutoverTask> tasks, List<Map<Long, TaskRun>> rehearsals, Long finalRecords) {
        List<Long> deltas = new ArrayList<>();
        for (Map<Long, TaskRun> rehearsal : rehearsals) {
            deltas.add(deltaRecords(tasks, rehearsal));
        }
        List<TaskPrediction> predictions = new ArrayList<>();
        Map<Long, Duration> durations = new HashMap<>();
        Map<Long, Duration> planned = new HashMap<>();
        for (CutoverTask task : tasks) {
            TaskPrediction prediction = predict(task, rehearsals, deltas, finalRecords);
            predictions.add(prediction);
            durations.put(task.id(), prediction.duration());
            planned.put(task.id(), Duration.ofMinutes(task.plannedMinutes()));
        }
        return new Prediction(predictions, longestChain(tasks, durations), longestChain(tasks, planned), finalRecords,
                rehearsals.size());
    }

    /**
     * @param tasks the plan
     * @param runs the task runs of one execution
     * @return the records its (done) delta extraction read, or null without one
     */
    static Long deltaRecords(List<CutoverTask> tasks, Map<Long, TaskRun> runs) {
        for (CutoverTask task : tasks) {
            TaskRun run = runs.get(task.id());
            if (task.action() == TaskAction.DELTA_EXTRACTION && run != null && run.status() == TaskStatus.DONE
                    && run.records() != null) {
                return run.records();
            }
        }
        return null;
    }

    private static TaskPrediction predict(CutoverTask task, List<Map<Long, TaskRun>> rehearsals, List<Long> deltas,
            Long finalRecords) {
        List<Duration> measured = new ArrayList<>();
        List<Duration> scaled = new ArrayList<>();
        for (int i = 0; i < rehearsals.size(); i++) {
            TaskRun run = rehearsals.get(i).get(task.id());
            if (run == null || run.status() != TaskStatus.DONE || run.actual() == null) {
                continue;
            }
            measured.add(run.actual());
            Long delta = deltas.get(i);
            if (task.action().automatic() && finalRecords != null && delta != null && delta > 0) {
                scaled.add(Duration.ofMillis(Math.round(run.actual().toMillis() * (double) finalRecords / delta)));
            }
        }
        if (!scaled.isEmpty()) {
            return new TaskPrediction(task, mean(scaled), Basis.SCALED, scaled.size());
        }
        if (!measured.isEmpty()) {
            return new TaskPrediction(task, mean(measured), Basis.MEASURED, measured.size());
        }
        return new TaskPrediction(task, Duration.ofMinutes(task.plannedMinutes()), Basis.PLANNED, 0);
    }

    private static Duration mean(List<Duration> durations) {
        long total = 0;
        for (Duration duration : durations) {
            total += duration.toMillis();
        }
        return Duration.ofMillis(Math.round((double) total / durations.size()));
    }

    /**
     * @param tasks the plan, in order (dependencies on earlier tasks only)
     * @param durations each task's duration
     * @return the longest chain of dependent tasks: each task ends its duration after the
     * latest end of the tasks it waits for
     */
    static Duration longestChain(List<CutoverTask> tasks, Map<Long, Duration> durations) {
        Map<Long, Duration> ends = new HashMap<>();
        Duration window = Duration.ZERO;
        for (CutoverTask task : tasks) {
            Duration start = Duration.ZERO;
            for (Long dependency : task.dependsOn()) {
                Duration end = ends.getOrDefault(dependency, Duration.ZERO);
                if (end.compareTo(start) > 0) {
                    start = end;
                }
            }
            Duration end = start.plus(durations.getOrDefault(task.id(), Duration.ZERO));
            ends.put(task.id(), end);
            if (end.compareTo(window) > 0) {
                window = end;
            }
        }
        return window;
    }

}
