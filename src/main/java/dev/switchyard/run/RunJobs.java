package dev.switchyard.run;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.switchyard.connection.ConnectionService;
import dev.switchyard.connection.DataConnection;
import dev.switchyard.connector.ConnectionSettings;
import dev.switchyard.connector.ConnectorRegistry;
import dev.switchyard.connector.TargetConnector;
import dev.switchyard.dictionary.DictionaryObject;
import dev.switchyard.dictionary.DictionaryStore;
import dev.switchyard.mapping.MappingDocument;
import dev.switchyard.mapping.MappingInputs;
import dev.switchyard.mapping.MappingService;
import dev.switchyard.mapping.ObjectMapping;
import dev.switchyard.project.EnvironmentKind;
import dev.switchyard.project.ProjectService;
import dev.switchyard.scope.ScopeService;
import dev.switchyard.scope.ScopeStatus;
import dev.switchyard.scope.ScopeVersion;
import dev.switchyard.scope.archive.RunArchives;
import dev.switchyard.scope.rule.CompiledRule;
import dev.switchyard.staging.StagedRecords;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.builder.SimpleJobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Turns a run into a Spring Batch job — a step per object mapping in load order, a second
 * pass per mapping with cyclic references, a closing step — and runs it on the bounded
 * run executor. Starting the job again for the same run restarts it from each step's last
 * committed chunk: Spring Batch keeps the position in the step's execution context, in
 * the workbench's database, committed with the chunk's ledger.
 */
@Component
class RunJobs {

    static final String JOB = "migration-run";

    private static final Log logger = LogFactory.getLog(RunJobs.class);

    private final JobRepository repository;

    private final JobOperator operator;

    private final PlatformTransactionManager transactions;

    private final ThreadPoolTaskExecutor executor;

    private final RunStore store;

    private final MappingService mappings;

    private final MappingInputs inputs;

    private final ScopeService scopes;

    private final RecordDecisions decisions;

    private final RunArchives archives;

    private final ProjectService projects;

    private final DictionaryStore dictionaries;

    private final ConnectionService connections;

    private final ConnectorRegistry targets;

    private final StagedRecords staged;

    private final RunLog log;

    private final JdbcTemplate jdbc;

    private final Environment environment;

    private final String owner;

    private final ReferenceLookup references;

    private final dev.switchyard.connection.ApiBudgetProperties properties;

    RunJobs(JobRepository repository, JobOperator operator, PlatformTransactionManager transactions,
            @Qualifier("runExecutor") ThreadPoolTaskExecutor executor, RunStore store, MappingService mappings,
            MappingInputs inputs, ScopeService scopes, RecordDecisions decisions, DictionaryStore dictionaries,
            ConnectionService connections, ConnectorRegistry targets, StagedRecords staged, RunLog log,
            JdbcTemplate jdbc, Environment environment, RunArchives archives, ProjectService projects,
            ReferenceLookup references, dev.switchyard.connection.ApiBudgetProperties properties) {
        this.properties = properties;
        this.decisions = decisions;
        this.archives = archives;
        this.projects = projects;
        this.references = references;
        this.repository = repository;
        this.operator = operator;
        this.transactions = transactions;
        this.executor = executor;
        this.store = store;
        this.mappings = mappings;
        this.inputs = inputs;
        this.scopes = scopes;
        this.dictionaries = dictionaries;
        this.connections = connections;
        this.targets = targets;
        this.staged = staged;
        this.log = log;
        this.jdbc = jdbc;
        this.environment = environment;
        this.owner = instance(environment);
    }

    /**
     * @return this instance's name in runs' {@code owner}: the configured
     * {@code switchyard.instance-id}, else the host name
     */
    static String instance(Environment environment) {
        String configured = environment.getProperty("switchyard.instance-id");
        if (configured != null && !configured.isBlank()) {
            return configured.trim();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        }
        catch (java.io.IOException ex) {
            return ManagementFactory.getRuntimeMXBean().getName();
        }
    }

    String owner() {
        return this.owner;
    }

    /**
     * Queues the run (new or resumed) on the run executor.
     * @param runId the run
     */
    void launch(long runId) {
        this.executor.execute(() -> execute(runId));
    }

    private void execute(long runId) {
        try {
            Run before = this.store.find(runId).orElseThrow();
            Job job = job(runId);
            this.store.started(runId, this.owner);
            this.log.add(runId, (before.startedAt() == null) ? started(before)
                    : "Resumed on " + this.owner + " from the last committed chunk of each object");
            this.operator.start(job, parameters(runId));
        }
        catch (Exception ex) {
            logger.warn("Run " + runId + " could not start: " + ex.getMessage(), ex);
            this.store.finished(runId, RunStatus.FAILED, "Could not start: " + ex.getMessage());
            this.log.add(runId, "Could not start: " + ex.getMessage());
        }
    }

    private String started(Run run) {
        int throttle = throttle(run);
        return "Started on " + this.owner + ": "
                + ((run.rerunOf() != null)
                        ? "re-run into " + run.environment() + " of the records quarantined in run " + run.rerunOf()
                        : run.mode().toLowerCase(Locale.ROOT) + " run into " + run.environment())
                + " from extraction " + run.snapshotId() + ", mapping v" + run.mappingVersion() + ", "
                + ((run.scopeVersion() != null)
                        ? "scope v" + run.scopeVersion()
                                + ((run.scopeStatus() != null)
                                        ? " (" + run.scopeStatus().name().toLowerCase(Locale.ROOT) + ")" : "")
                        : "no scope")
                + "; " + run.total() + " records in " + run.objects().size() + " objects; chunks of " + chunkSize()
                + " records; " + ((throttle > 0) ? "throttled to " + throttle + " records/s" : "no throttle") + "; "
                + ((run.errorThreshold() != null)
                        ? "error threshold " + run.errorThreshold().toPlainString() + "% quarantined"
                        : "no error threshold")
                + "; delete policy " + run.deletePolicy().toLowerCase(Locale.ROOT) + "; requested by "
                + run.requestedBy();
    }

    private int chunkSize() {
        return this.environment.getProperty("switchyard.runs.chunk-size", Integer.class, 1000);
    }

    private int throttle(Run run) {
        return (run.recordsPerSecond() != null) ? run.recordsPerSecond()
                : this.environment.getProperty("switchyard.runs.records-per-second", Integer.class, 0);
    }

    static JobParameters parameters(long runId) {
        return new JobParametersBuilder().addLong("run", runId).toJobParameters();
    }

    /**
     * Marks the job executions of interrupted runs as failed in Spring Batch's
     * repository, so that they can be restarted.
     */
    void recover() {
        for (JobExecution execution : this.repository.findRunningJobExecutions(JOB)) {
            try {
                this.operator.recover(execution);
            }
            catch (RuntimeException ex) {
                logger.warn("Could not recover job execution " + execution.getId() + ": " + ex.getMessage());
            }
        }
    }

    private Job job(long runId) {
        Run run = this.store.find(runId).orElseThrow();
        MappingDocument document = this.mappings.version(run.projectId(), run.mappingVersion()).document();
        MappingInputs.Inputs in = this.inputs.load(run.projectId());
        DataConnection target = this.connections.target(run.environmentId())
            .orElseThrow(() -> new IllegalStateException("Environment " + run.environment() + " has no target"));
        ConnectionSettings settings = this.connections.settings(target);
        List<DictionaryObject> source = this.dictionaries.forSnapshot(run.snapshotId());
        ScopeVersion scope = (run.scopeVersion() != null) ? this.scopes.version(run.projectId(), run.scopeVersion())
                : null;
        RunContext context = new RunContext(run.id(), run.projectId(), run.environmentId(), run.environment(),
                run.snapshotId(), run.scopeVersion(), "DELTA".equals(run.mode()), run.plan(), chunkSize(),
                run.errorThreshold(), throttle(run), run.rerunOf(), this.store.deletePolicy(run.id()),
                holdLeavers(run, scope));
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < run.plan().steps().size(); i++) {
            RunPlan.Step step = run.plan().steps().get(i);
            ObjectMapping mapping = document.object(step.source(), step.target())
                .orElseThrow(() -> new IllegalStateException("The mapping no longer maps " + step.source()));
            DictionaryObject object = MappingInputs.Inputs.find(source, step.source())
                .orElseThrow(() -> new IllegalStateException("The snapshot has no object " + step.source()));
            CompiledRule decision = this.decisions.decision(scope, object);
            CompiledRule filter = RecordDecisions.filter(mapping, object);
            // a re-run reads only records its original run quarantined: none is archived
            ObjectArchive archiving = (run.rerunOf() == null && this.decisions.archives(scope, object))
                    ? new ObjectArchive(this.archives, context, object.name(), decision, run.requestedBy()) : null;
            ObjectLoad load = new ObjectLoad(context, i, mapping, decision, filter, in.lengths(step.target()),
                    this.store, this.log, this.staged, this.jdbc, this.targets, settings, archiving, this.references);
            steps.add(new StepBuilder("load-" + i + "-" + step.source() + "-" + step.target(), this.repository)
                .tasklet(load, this.transactions)
                .listener(load)
                .allowStartIfComplete(false)
                .build());
        }
        for (int i = 0; i < run.plan().steps().size(); i++) {
            RunPlan.Step step = run.plan().steps().get(i);
            if (step.deferred().isEmpty()) {
                continue;
            }
            ObjectMapping mapping = document.object(step.source(), step.target()).orElseThrow();
            LinkPass pass = new LinkPass(context, step, mapping, this.store, this.log, this.staged, this.jdbc,
                    this.targets, settings, this.references);
            steps.add(new StepBuilder("links-" + i + "-" + step.source() + "-" + step.target(), this.repository)
                .tasklet(pass, this.transactions)
                .listener(pass)
                .build());
        }
        steps.add(new StepBuilder("finish", this.repository).tasklet((contribution, chunkContext) -> {
            finish(context, settings);
            return org.springframework.batch.infrastructure.repeat.RepeatStatus.FINISHED;
        }, this.transactions).build());
        SimpleJobBuilder builder = new JobBuilder(JOB, this.repository).start(steps.get(0));
        for (Step step : steps.subList(1, steps.size())) {
            builder = builder.next(step);
        }
        return builder.listener(new RunOutcome(runId, this.store, this.log, this.properties.checkInterval())).build();
    }

    /**
     * @return why the run leaves records leaving the scope in the target whatever its
     * delete policy, or null: a production run deletes or deactivates them only under an
     * approved scope version (the approved scope that excluded them), never a draft
     */
    private String holdLeavers(Run run, ScopeVersion scope) {
        boolean production = this.projects.environments(run.projectId())
            .stream()
            .anyMatch((e) -> e.getId() == run.environmentId() && e.getKind() == EnvironmentKind.PRODUCTION);
        if (!production || (scope != null && scope.getStatus() == ScopeStatus.APPROVED)) {
            return null;
        }
        return "a production run deletes or deactivates records leaving the scope only under the approved scope "
                + "that excluded them; "
                + ((scope != null)
                        ? "scope v" + scope.getVersion() + " is " + scope.getStatus().name().toLowerCase(Locale.ROOT)
                        : "the run has no scope version");
    }

    /**
     * Applies the run's delete policy to the records loaded into the environment by
     * earlier runs that leave the scope or that the source has since deleted
     * ({@link DeletePass}); a re-run of quarantined records reads only those and leaves
     * both to full and delta runs.
     */
    private void finish(RunContext context, ConnectionSettings settings) {
        if (context.rerunOf() != null) {
            return;
        }
        TargetConnector[] writer = new TargetConnector[1];
        try {
            new DeletePass(context, this.store, this.log, () -> {
                if (writer[0] == null) {
                    writer[0] = TargetConnections.open(this.targets, settings);
                }
                return writer[0];
            }).apply();
        }
        finally {
            if (writer[0] != null) {
                writer[0].close();
            }
        }
    }

}
