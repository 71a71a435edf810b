package dev.switchyard.cutover;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Planned against actual per task for each execution, beside the predicted duration.
 *
 * @param executions the executions compared, oldest first
 * @param rows one per task
 * @param actualWindows per execution, from its start to its end (or now), written out
 * @param prediction the prediction
 * @param plannedWindow the planned window, written out
 * @param predictedWindow the predicted window, written out
 */
record Comparison(List<Execution> executions, List<Row> rows, List<String> actualWindows, Prediction prediction,
        String plannedWindow, String predictedWindow) {

    static Comparison of(List<CutoverTask> tasks, List<Execution> executions, Prediction prediction,
            java.time.Instant now) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            CutoverTask task = tasks.get(i);
            List<String> actuals = new ArrayList<>();
            for (Execution execution : executions) {
                TaskRun run = execution.runs().get(task.id());
                actuals.add((run != null && run.status() == TaskStatus.DONE) ? Times.format(run.actual()) : "—");
            }
            Prediction.TaskPrediction predicted = prediction.tasks().get(i);
            rows.add(new Row(task, Times.format(Duration.ofMinutes(task.plannedMinutes())), actuals,
                    Times.format(predicted.duration()), predicted.basis()));
        }
        List<String> windows = new ArrayList<>();
        for (Execution execution : executions) {
            windows.add(Times.format(Duration.between(execution.startedAt(),
                    (execution.finishedAt() != null) ? execution.finishedAt() : now)));
        }
        return new Comparison(executions, rows, windows, prediction, Times.format(prediction.planned()),
                Times.format(prediction.window()));
    }

    /**
     * One task compared.
     *
     * @param task the task
     * @param planned planned, written out
     * @param actuals per execution, its actual duration written out, or — when not done
     * @param predicted the predicted duration, written out
     * @param basis how it was predicted
     */
    record Row(CutoverTask task, String planned, List<String> actuals, String predicted, Prediction.Basis basis) {
    }

}
