package dev.switchyard.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.switchyard.connection.ApiBudgets;
import dev.switchyard.connection.ConnectionService;
import dev.switchyard.connection.DataConnection;
import dev.switchyard.connector.ApiMetered;
import dev.switchyard.connector.ConnectorException;
import dev.switchyard.connector.ConnectorRegistry;
import dev.switchyard.connector.ObjectSchema;
import dev.switchyard.connector.SchemaSnapshot;
import dev.switchyard.connector.SourceConnector;
import dev.switchyard.staging.Snapshot;
import dev.switchyard.staging.SnapshotLifecycle;
import dev.switchyard.staging.StagedRecords;

import org.springframework.stereotype.Component;

/**
 * Before an extraction from a CRM: the API calls a full extraction needs (per object, as
 * the source's connector counts them: query pages or bulk jobs, for the records the
 * latest extraction found, or the count the source reports where none was taken yet), the
 * provider's usage, the project's share and what is left today. Describing the source and
 * asking for the usage cost a few calls of their own; the estimate says so.
 */
@Component
class ExtractionBudget {

    private final ConnectionService connections;

    private final ConnectorRegistry registry;

    private final SnapshotLifecycle snapshots;

    private final StagedRecords staged;

    ExtractionBudget(ConnectionService connections, ConnectorRegistry registry, SnapshotLifecycle snapshots,
            StagedRecords staged) {
        this.connections = connections;
        this.registry = registry;
        this.snapshots = snapshots;
        this.staged = staged;
    }

    /**
     * @param projectId a project
     * @return the estimate, or empty when the source is not a CRM
     */
    Optional<Estimate> estimate(long projectId) {
        DataConnection source = this.connections.source(projectId).orElse(null);
        if (source == null || !source.getType().isCrm()) {
            return Optional.empty();
        }
        Optional<Snapshot> latest = this.snapshots.latestUsable(projectId);
        List<ObjectCalls> objects = new ArrayList<>();
        long calls = 0;
        long unknown = 0;
        String problem = null;
        try (SourceConnector connector = this.registry.open(this.connections.settings(source))) {
            if (connector instanceof ApiMetered metered) {
                SchemaSnapshot schema = connector.describe();
                for (ObjectSchema object : schema.objects()) {
                    Long records = latest.map((s) -> this.staged.count(s.getId(), object.name()))
                        .filter((n) -> n > 0)
                        .orElse(object.recordCount());
                    if (records == null) {
                        unknown++;
                        objects.add(new ObjectCalls(object.name(), null, null));
                        continue;
                    }
                    long objectCalls = metered.callsToExtract(object.name(), records);
                    objects.add(new ObjectCalls(object.name(), records, objectCalls));
                    calls += objectCalls;
                }
                metered.probeUsage();
            }
        }
        catch (ConnectorException ex) {
            problem = ex.getMessage();
        }
        ApiBudgets.Budget budget = this.connections.budget(source);
        Long left = budget.left();
        return Optional.of(new Estimate(source.getType().key(), latest.map(Snapshot::getId).orElse(null), calls,
                unknown, objects, budget.percent(), budget.share(), budget.callsToday(), left,
                (budget.provider() != null) ? budget.provider().usage().used() : null,
                (budget.provider() != null) ? budget.provider().usage().max() : null, left != null && calls > left,
                problem));
    }

    /**
     * What a full extraction would cost.
     *
     * @param type the source's type
     * @param basedOn the extraction whose record counts were used, or null
     * @param calls the API calls for the objects whose size is known
     * @param unknownObjects objects whose size is not known yet (not counted in calls)
     * @param objects the calls per object
     * @param percent the share of the daily limit the project may use
     * @param share the calls that share allows a day, or null while unknown
     * @param callsToday the calls the project made today
     * @param left the calls the project may still make today, or null while unknown
     * @param used the provider's count of calls used, or null
     * @param max the provider's daily limit, or null
     * @param exceeds whether the estimate is above what is left (a warning: the
     * extraction waits for the budget on the way)
     * @param problem why the source could not be asked, or null
     */
    record Estimate(String type, Long basedOn, long calls, long unknownObjects, List<ObjectCalls> objects, int percent,
            Long share, long callsToday, Long left, Long used, Long max, boolean exceeds, String problem) {
    }

    /**
     * The calls one object would take.
     *
     * @param object the object
     * @param records its records, or null when not known yet
     * @param calls the calls reading them takes, or null when not known
     */
    record ObjectCalls(String object, Long records, Long calls) {
    }

}
