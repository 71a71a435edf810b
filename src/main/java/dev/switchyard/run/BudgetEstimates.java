package dev.switchyard.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.switchyard.connection.ApiBudgets;
import dev.switchyard.connection.ConnectionService;
import dev.switchyard.connection.DataConnection;
import dev.switchyard.connector.ApiMetered;
import dev.switchyard.connector.ConnectorException;
import dev.switchyard.connector.ConnectorRegistry;
import dev.switchyard.connector.TargetConnector;
import dev.switchyard.project.Environment;
import dev.switchyard.project.ProjectService;
import dev.switchyard.staging.Snapshot;
import dev.switchyard.staging.SnapshotLifecycle;
import dev.switchyard.staging.StagedRecords;

import org.springframework.stereotype.Component;

/**
 * Before a run into a CRM: per environment whose target is metered, the API calls a full
 * run of the latest extraction needs (per object, as the target's connector counts them:
 * collections of 200, batches of 100 or bulk jobs, with the second pass for cyclic
 * references), the provider's usage asked with one cheap call, the share of the daily
 * limit the project may use and what is left of it, and the expected duration from the
 * rate of the latest completed run into that environment. An estimate above what is left
 * does not stop a run: it waits for the budget when it is used up.
 */
@Component
class BudgetEstimates {

    private final ProjectService projects;

    private final ConnectionService connections;

    private final ConnectorRegistry registry;

    private final SnapshotLifecycle snapshots;

    private final StagedRecords staged;

    private final RunService runs;

    BudgetEstimates(ProjectService projects, ConnectionService connections, ConnectorRegistry registry,
            SnapshotLifecycle snapshots, StagedRecords staged, RunService runs) {
        this.projects = projects;
        this.connections = connections;
        this.registry = registry;
        this.snapshots = snapshots;
        this.staged = staged;
        this.runs = runs;
    }

    /**
     * @param projectId a project
     * @return one estimate per environment whose target is a CRM; empty when there is
     * none, or before the first extraction
     */
    List<Estimate> estimate(long projectId) {
        Optional<Snapshot> snapshot = this.snapshots.latestUsable(projectId);
        List<Estimate> estimates = new ArrayList<>();
        if (snapshot.isEmpty()) {
            return estimates;
        }
        RunPlan plan = null;
        for (Environment environment : this.projects.environments(projectId)) {
            DataConnection target = this.connections.target(environment.getId()).orElse(null);
            if (target == null || !target.getType().isCrm()) {
                continue;
            }
            if (plan == null) {
                plan = this.runs.plan(projectId);
            }
            estimates.add(estimate(projectId, environment, target, snapshot.get(), plan));
        }
        return estimates;
    }

    private Estimate estimate(long projectId, Environment environment, DataConnection target, Snapshot snapshot,
            RunPlan plan) {
        List<ObjectCalls> objects = new ArrayList<>();
        long records = 0;
        long calls = 0;
        String problem = null;
        try (TargetConnector connector = TargetConnections.open(this.registry, this.connections.settings(target))) {
            if (connector instanceof ApiMetered metered) {
                for (RunPlan.Step step : plan.steps()) {
                    long count = this.staged.count(snapshot.getId(), step.source());
                    long writes = metered.callsToWrite(step.target(), count);
                    long second = step.deferred().isEmpty() ? 0 : metered.callsToWrite(step.target(), count);
                    objects.add(new ObjectCalls(step.source(), step.target(), count, writes + second));
                    records += count;
                    calls += writes + second;
                }
                metered.probeUsage();
            }
        }
        catch (ConnectorException ex) {
            problem = ex.getMessage();
        }
        ApiBudgets.Budget budget = this.connections.budget(target);
        Long seconds = null;
        Double rate = rate(projectId, environment.getId());
        if (rate != null && rate > 0) {
            seconds = Math.round(records / rate);
        }
        Long left = (budget != null) ? budget.left() : null;
        return new Estimate(environment.getName(), target.getType().key(), snapshot.getId(), records, calls, objects,
                (budget != null) ? budget.percent() : null, (budget != null) ? budget.share() : null,
                (budget != null) ? budget.callsToday() : 0, left,
                (budget != null && budget.provider() != null) ? budget.provider().usage().used() : null,
                (budget != null && budget.provider() != null) ? budget.provider().usage().max() : null,
                left != null && calls > left, seconds, problem);
    }

    /**
     * @return records per second of the latest completed run into the environment, or
     * null without one
     */
    private Double rate(long projectId, long environmentId) {
        return this.runs.list(projectId)
            .stream()
            .filter((r) -> r.environmentId() == environmentId && r.status() == RunStatus.COMPLETED)
            .filter((r) -> r.elapsedSeconds() != null && r.elapsedSeconds() > 0 && r.processed() > 0)
            .findFirst()
            .map((r) -> (double) r.processed() / r.elapsedSeconds())
            .orElse(null);
    }

    /**
     * What a full run into one environment's CRM would cost.
     *
     * @param environment the environment
     * @param type the target's type
     * @param snapshotId the extraction it would load
     * @param records the records it would write
     * @param calls the API calls that takes
     * @param objects the calls per object
     * @param percent the share of the daily limit the project may use
     * @param share the calls that share allows a day, or null while the limit is unknown
     * @param callsToday the calls the project made today
     * @param left the calls the project may still make today, or null while unknown
     * @param used the provider's count of calls used in its period, or null
     * @param max the provider's daily limit, or null
     * @param exceeds whether the estimate is above what is left: the run would wait for
     * the budget on the way
     * @param expectedSeconds the expected duration at the rate of the latest completed
     * run into the environment, or null without one
     * @param problem why the target could not be asked, or null
     */
    record Estimate(String environment, String type, long snapshotId, long records, long calls,
            List<ObjectCalls> objects, Integer percent, Long share, long callsToday, Long left, Long used, Long max,
            boolean exceeds, Long expectedSeconds, String problem) {
    }

    /**
     * The calls one object would take.
     *
     * @param source the source object
     * @param target the target object
     * @param records its records in the extraction
     * @param calls the calls writing them takes
     */
    record ObjectCalls(String source, String target, long records, long calls) {
    }

}
