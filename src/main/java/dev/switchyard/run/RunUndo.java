package dev.switchyard.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.switchyard.connection.ConnectionService;
import dev.switchyard.connector.ConnectionSettings;
import dev.switchyard.connector.RowRejection;
import dev.switchyard.connector.TargetUnavailableException;
import dev.switchyard.connector.ConnectorRegistry;
import dev.switchyard.connector.TargetConnector;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Deletes every record a run created, through its ledger, children before parents: first
 * the references the run set in its second pass are cleared (so records of one object
 * that point at each other can go), then the rows are deleted a chunk at a time and their
 * cross-reference entries with them. A row the target will not delete (another record now
 * points at it) stays, and the run's message says which and why. Runs on the run
 * executor; the run is UNDOING meanwhile and UNDONE after.
 */
@Component
class RunUndo {

    private static final Log logger = LogFactory.getLog(RunUndo.class);

    private static final int CHUNK = 500;

    private final RunStore store;

    private final JdbcTemplate jdbc;

    private final ConnectionService connections;

    private final ConnectorRegistry targets;

    private final ThreadPoolTaskExecutor executor;

    private final RunLog log;

    RunUndo(RunStore store, JdbcTemplate jdbc, ConnectionService connections, ConnectorRegistry targets,
            @Qualifier("runExecutor") ThreadPoolTaskExecutor executor, RunLog log) {
        this.log = log;
        this.store = store;
        this.jdbc = jdbc;
        this.connections = connections;
        this.targets = targets;
        this.executor = executor;
    }

    void launch(Run run) {
        this.executor.execute(() -> undo(run));
    }

    private void undo(Run run) {
        ConnectionSettings settings = this.connections
            .settings(this.connections.target(run.environmentId()).orElseThrow());
        long deleted = 0;
        List<String> refused = new ArrayList<>();
        try (TargetConnector writer = TargetConnections.open(this.targets, settings)) {
            List<RunPlan.Step> steps = run.plan().steps();
            for (RunPlan.Step step : steps) {
                if (step.deferred().isEmpty()) {
                    continue;
                }
                for (List<String[]> chunk : created(run, step)) {
                    Map<String, Map<String, Object>> clear = new LinkedHashMap<>();
                    for (String[] row : chunk) {
                        Map<String, Object> values = new LinkedHashMap<>();
                        step.deferred().forEach((field) -> values.put(field, null));
                        clear.put(row[1], values);
                    }
                    writer.patch(step.target(), step.idColumn(), clear);
                }
            }
            for (int i = steps.size() - 1; i >= 0; i--) {
                RunPlan.Step step = steps.get(i);
                for (List<String[]> chunk : created(run, step)) {
                    Map<String, String> sourceOf = new LinkedHashMap<>();
                    chunk.forEach((row) -> sourceOf.put(row[1], row[0]));
                    List<RowRejection> rejections = writer.delete(step.target(), step.idColumn(), sourceOf.keySet());
                    for (RowRejection rejection : rejections) {
                        sourceOf.remove(rejection.targetId());
                        if (refused.size() < 5) {
                            refused.add(step.target() + " " + rejection.targetId() + ": " + rejection.message());
                        }
                    }
                    if (!sourceOf.isEmpty()) {
                        this.jdbc.update("""
                                delete from xref where environment_id = ? and source_object = ? and target_object = ?
                                and source_id = any (?) and run_id = ?""", run.environmentId(), step.source(),
                                step.target(), sourceOf.values().toArray(String[]::new), run.id());
                    }
                    deleted += sourceOf.size();
                }
            }
            String message = "Undone: deleted " + deleted + " records this run created"
                    + (refused.isEmpty() ? "" : "; some could not be deleted: " + String.join("; ", refused));
            this.store.finished(run.id(), RunStatus.UNDONE, message);
            this.log.add(run.id(), message);
        }
        catch (TargetUnavailableException ex) {
            String message = "Undo stopped after deleting " + deleted + " records: the target is unavailable ("
                    + ex.getMessage() + "). Undo again when it is back";
            this.store.finished(run.id(), RunStatus.FAILED, message);
            this.log.add(run.id(), "Target outage. " + message);
        }
        catch (RuntimeException ex) {
            logger.warn("Undo of run " + run.id() + " failed", ex);
            this.store.finished(run.id(), RunStatus.FAILED,
                    "Undo stopped after deleting " + deleted + " records: " + ex.getMessage());
            this.log.add(run.id(), "Undo stopped after deleting " + deleted + " records: " + ex.getMessage());
        }
    }

    /**
     * The records a run created for one object mapping and that are still its own in the
     * cross-reference, in chunks of source id and target id.
     */
    private List<List<String[]>> created(Run run, RunPlan.Step step) {
        List<String[]> rows = this.jdbc.query("""
                select l.source_id, l.target_id from run_ledger l
                join xref x on x.environment_id = ? and x.source_object = l.source_object
                    and x.target_object = l.target_object and x.source_id = l.source_id and x.run_id = l.run_id
                where l.run_id = ? and l.source_object = ? and l.target_object = ? and l.outcome = 'CREATED'
                order by l.source_id""", (rs, i) -> new String[] { rs.getString(1), rs.getString(2) },
                run.environmentId(), run.id(), step.source(), step.target());
        List<List<String[]>> chunks = new ArrayList<>();
        for (int i = 0; i < rows.size(); i += CHUNK) {
            chunks.add(rows.subList(i, Math.min(rows.size(), i + CHUNK)));
        }
        return chunks;
    }

}
