package dev.switchyard.cutover;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.switchyard.system.TableExport;

/**
 * The runbook as a workbook: every task of the plan with its stream, owners, planned
 * duration, dependencies, action and instructions, then per execution (oldest first) its
 * status, start, end and actual minutes, and the predicted minutes.
 */
final class RunbookExport {

    private RunbookExport() {
    }

    static void write(List<CutoverTask> tasks, List<Execution> executions, Prediction prediction, OutputStream out)
            throws IOException {
        List<String> headers = new ArrayList<>(List.of("#", "Stream", "Task", "Owner", "Backup owner", "Planned (min)",
                "Waits for", "Action", "Instructions"));
        for (Execution execution : executions) {
            String name = execution.mode().label() + " " + execution.id();
            headers.addAll(List.of(name + " status", name + " started", name + " ended", name + " actual (min)"));
        }
        headers.add("Predicted (min)");
        Map<Long, String> waits = CutoverController.waitsFor(tasks);
        List<List<?>> rows = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            CutoverTask task = tasks.get(i);
            List<Object> row = new ArrayList<>(List.of(task.position(), task.stream().label(), task.name(),
                    task.owner(), text(task.backup()), task.plannedMinutes(), waits.get(task.id()),
                    task.action().label(), text(task.instructions())));
            for (Execution execution : executions) {
                TaskRun run = execution.runs().get(task.id());
                row.add(execution.status(task).label());
                row.add((run != null) ? run.startedAt() : "");
                row.add((run != null && run.finishedAt() != null) ? run.finishedAt() : "");
                row.add((run != null && run.actual() != null) ? minutes(run.actual()) : "");
            }
            row.add(minutes(prediction.tasks().get(i).duration()));
            rows.add(row);
        }
        TableExport.xlsx("Runbook", headers, rows.stream(), out);
    }

    private static BigDecimal minutes(Duration duration) {
        return BigDecimal.valueOf(duration.toMillis()).divide(BigDecimal.valueOf(60_000), 2, RoundingMode.HALF_UP);
    }

    private static String text(String value) {
        return (value != null) ? value : "";
    }

}
