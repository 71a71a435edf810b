package dev.switchyard.run;

import java.time.Instant;

import dev.switchyard.connection.ConnectionService;
import dev.switchyard.connection.DataConnection;
import dev.switchyard.connector.ApiMetered;
import dev.switchyard.connector.BudgetExhaustedException;
import dev.switchyard.connector.ConnectorException;
import dev.switchyard.connector.ConnectorRegistry;
import dev.switchyard.connector.TargetConnector;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Watches the runs that wait for their API budget: when a run's check is due, it asks the
 * target with one cheap call how much of the limit is used (Salesforce's limits, a
 * HubSpot call's rate-limit headers), and resumes the run from its last committed chunk
 * as soon as its project may make calls again. Checks are due every
 * {@code switchyard.api-budget.check-interval} (60 s at most), so a run goes on within a
 * minute after the limit renews or is raised. A check that fails leaves the run waiting,
 * with the reason.
 */
@Component
class BudgetWatcher {

    private static final Log logger = LogFactory.getLog(BudgetWatcher.class);

    private final RunStore store;

    private final ConnectionService connections;

    private final ConnectorRegistry registry;

    private final RunJobs jobs;

    private final RunLog log;

    private final dev.switchyard.connection.ApiBudgetProperties properties;

    BudgetWatcher(RunStore store, ConnectionService connections, ConnectorRegistry registry, RunJobs jobs, RunLog log,
            dev.switchyard.connection.ApiBudgetProperties properties) {
        this.store = store;
        this.connections = connections;
        this.registry = registry;
        this.jobs = jobs;
        this.log = log;
        this.properties = properties;
    }

    @Scheduled(fixedDelay = 1000, initialDelay = 1000)
    void check() {
        for (long id : this.store.budgetChecksDue()) {
            try {
                check(id);
            }
            catch (RuntimeException ex) {
                logger.warn("Budget check of run " + id + " failed: " + ex.getMessage(), ex);
            }
        }
    }

    private void check(long id) {
        Run run = this.store.find(id).orElse(null);
        if (run == null || run.status() != RunStatus.WAITING_FOR_BUDGET) {
            return;
        }
        DataConnection target = this.connections.target(run.environmentId()).orElse(null);
        if (target == null) {
            this.store.budgetChecked(id, "the environment has no target connection any more", next());
            return;
        }
        String reason;
        try (TargetConnector connector = TargetConnections.open(this.registry, this.connections.settings(target))) {
            if (connector instanceof ApiMetered metered) {
                metered.probeUsage();
            }
            BudgetExhaustedException refused = this.connections.budgetRefusal(target);
            reason = (refused != null) ? refused.getMessage() : null;
        }
        catch (BudgetExhaustedException ex) {
            reason = ex.getMessage();
        }
        catch (ConnectorException ex) {
            reason = "the budget could not be checked: " + ex.getMessage();
        }
        if (reason != null) {
            this.store.budgetChecked(id, reason, next());
            return;
        }
        if (this.store.transition(id, java.util.Set.of(RunStatus.WAITING_FOR_BUDGET), RunStatus.QUEUED,
                "The API budget is back: resuming")) {
            this.log.add(id, "The API budget is back (checked after "
                    + (run.budget() != null ? run.budget().checks() + 1 : 1) + " checks): resuming");
            this.jobs.launch(id);
        }
    }

    private Instant next() {
        return Instant.now().plus(this.properties.checkInterval());
    }

}
