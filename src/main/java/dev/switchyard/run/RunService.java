package dev.switchyard.run;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.switchyard.admin.CurrentUser;
import dev.switchyard.audit.AuditLog;
import dev.switchyard.connection.ConnectionService;
import dev.switchyard.mapping.MappingDocument;
import dev.switchyard.mapping.MappingInputs;
import dev.switchyard.mapping.MappingIssue;
import dev.switchyard.mapping.MappingService;
import dev.switchyard.mapping.MappingValidator;
import dev.switchyard.mapping.MappingVersion;
import dev.switchyard.mapping.SchemaCheck;
import dev.switchyard.project.Environment;
import dev.switchyard.project.EnvironmentKind;
import dev.switchyard.project.ProjectService;
import dev.switchyard.scope.ScopeService;
import dev.switchyard.scope.ScopeStatus;
import dev.switchyard.scope.ScopeVersion;
import dev.switchyard.staging.Snapshot;
import dev.switchyard.staging.SnapshotLifecycle;
import dev.switchyard.staging.StagedRecords;
import dev.switchyard.system.ConflictException;
import dev.switchyard.system.InvalidInputException;
import dev.switchyard.system.NotFoundException;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts, pauses, resumes and cancels migration runs, with the gates a run must pass: a
 * target for the environment, a completed extraction, a mapping without blocking errors,
 * the authoring schema in the environment's target, no other active run in the
 * environment, and for staging and production an approved scope.
 */
@Service
public class RunService {

    /**
     * Validation errors that stop a run from starting. The others (values a transform
     * refuses in the sample, unmapped picklist values …) are the records a run
     * quarantines, with their reason.
     */
    static final Set<String> BLOCKING = Set.of("unknown-source-object", "unknown-target-object", "unknown-target-field",
            "unknown-source-field", "required-unmapped", "reference-unmapped", "reference-missing",
            "match-key-unmapped", "bad-filter", "picklist-not-allowed", "type", "no-source", "picklist-source");

    private final RunStore store;

    private final RunJobs jobs;

    private final ProjectService projects;

    private final ConnectionService connections;

    private final SnapshotLifecycle snapshots;

    private final MappingService mappings;

    private final MappingInputs inputs;

    private final MappingValidator validator;

    private final SchemaCheck schemaCheck;

    private final ScopeService scopes;

    private final StagedRecords staged;

    private final AuditLog audit;

    private final RunLog log;

    private final DeletePolicies deletePolicies;

    private final JdbcTemplate jdbc;

    private final RunScopes runScopes;

    private RunUndo undo;

    private List<ProductionGate> gates = List.of();

    /**
     * @param gates the conditions production runs must meet beyond an approved scope
     */
    @org.springframework.beans.factory.annotation.Autowired(required = false)
    void setGates(List<ProductionGate> gates) {
        this.gates = List.copyOf(gates);
    }

    @org.springframework.beans.factory.annotation.Autowired
    void setUndo(RunUndo undo) {
        this.undo = undo;
    }

    RunService(RunStore store, RunJobs jobs, ProjectService projects, ConnectionService connections,
            SnapshotLifecycle snapshots, MappingService mappings, MappingInputs inputs, MappingValidator validator,
            SchemaCheck schemaCheck, ScopeService scopes, StagedRecords staged, AuditLog audit, RunLog log,
            DeletePolicies deletePolicies, JdbcTemplate jdbc, RunScopes runScopes) {
        this.store = store;
        this.jobs = jobs;
        this.projects = projects;
        this.connections = connections;
        this.snapshots = snapshots;
        this.mappings = mappings;
        this.inputs = inputs;
        this.validator = validator;
        this.schemaCheck = schemaCheck;
        this.scopes = scopes;
        this.staged = staged;
        this.audit = audit;
        this.log = log;
        this.deletePolicies = deletePolicies;
        this.jdbc = jdbc;
        this.runScopes = runScopes;
    }

    /**
     * The plan a run would follow now, for showing before it starts.
     * @param projectId the project
     * @return the plan
     */
    public RunPlan plan(Long projectId) {
        return RunPlanner.plan(this.mappings.current(projectId).document(), this.inputs.load(projectId));
    }

    /**
     * Starts a run, as the automation API does: a sandbox run applies the latest scope
     * version whatever its status, with no confirmation asked.
     * @param projectId the project
     * @param environmentName sandbox, staging, production or another environment's name
     * @param modeName full or delta
     * @param threshold the quarantine share (percent) above which the run aborts, or null
     * @param recordsPerSecond the most records per second to write, or null for no limit
     * @return the queued run
     */
    public Run start(Long projectId, String environmentName, String modeName, BigDecimal threshold,
            Integer recordsPerSecond) {
        return start(projectId, environmentName, modeName, threshold, recordsPerSecond, false, null);
    }

    /**
     * Starts a run as the browser's start form does: a sandbox run of a scope version
     * nobody approved starts only when the user confirmed that very version.
     * @param projectId the project
     * @param environmentName sandbox, staging, production or another environment's name
     * @param modeName full or delta
     * @param threshold the quarantine share (percent) above which the run aborts, or null
     * @param recordsPerSecond the most records per second to write, or null for no limit
     * @param confirmedScopeVersion the unapproved scope version the user confirmed, or
     * null
     * @return the queued run
     */
    public Run startConfirmed(Long projectId, String environmentName, String modeName, BigDecimal threshold,
            Integer recordsPerSecond, Integer confirmedScopeVersion) {
        return start(projectId, environmentName, modeName, threshold, recordsPerSecond, true, confirmedScopeVersion);
    }

    private Run start(Long projectId, String environmentName, String modeName, BigDecimal threshold,
            Integer recordsPerSecond, boolean askConfirmation, Integer confirmedScopeVersion) {
        if (recordsPerSecond != null && recordsPerSecond <= 0) {
            throw new InvalidInputException("recordsPerSecond",
                    "The throttle is a positive number of records per second");
        }
        Environment environment = environment(projectId, environmentName);
        String mode = (modeName == null || modeName.isBlank()) ? "FULL" : modeName.trim().toUpperCase(Locale.ROOT);
        if (!mode.equals("FULL") && !mode.equals("DELTA")) {
            throw new InvalidInputException("mode", "The mode is full or delta, not '" + modeName + "'");
        }
        if (threshold != null && (threshold.signum() < 0 || threshold.compareTo(BigDecimal.valueOf(100)) > 0)) {
            throw new InvalidInputException("errorThreshold", "The error threshold is a percentage from 0 to 100");
        }
        Snapshot snapshot = this.snapshots.latestUsable(projectId)
            .orElseThrow(() -> new ConflictException("snapshot", "There is no completed extraction to migrate from"));
        ScopeVersion scope = this.runScopes.scope(projectId, environment);
        if (askConfirmation && scope != null && scope.getStatus() != ScopeStatus.APPROVED
                && !Integer.valueOf(scope.getVersion()).equals(confirmedScopeVersion)) {
            throw new ConflictException("confirmScope",
                    "Scope v" + scope.getVersion() + " is " + scope.getStatus().name().toLowerCase(Locale.ROOT)
                            + ", not approved: confirm that this " + environment.getName()
                            + " run applies it, or have it approved first");
        }
        Gate gate = gate(projectId, environment);
        MappingVersion mapping = gate.mapping();
        MappingInputs.Inputs in = gate.inputs();
        if (environment.getKind() == EnvironmentKind.PRODUCTION) {
            int scopeVersion = scope.getVersion();
            for (ProductionGate productionGate : this.gates) {
                productionGate.refusal(projectId, mapping.version(), scopeVersion).ifPresent((refusal) -> {
                    throw new ConflictException("environment", refusal);
                });
            }
        }
        if (mode.equals("DELTA") && this.store.list(projectId, 1000)
            .stream()
            .noneMatch((r) -> r.environmentId() == environment.getId() && r.status() == RunStatus.COMPLETED)) {
            throw new ConflictException("mode",
                    "A delta run needs a completed run in " + environment.getName() + " to compare with");
        }
        RunPlan plan = RunPlanner.plan(mapping.document(), in);
        List<Long> totals = new ArrayList<>();
        for (RunPlan.Step step : plan.steps()) {
            totals.add(this.staged.count(snapshot.getId(), step.source()));
        }
        long id = insert(projectId, environment, mode, snapshot.getId(), scope, mapping, threshold, recordsPerSecond,
                plan, totals, gate.deletes(), null);
        this.jobs.launch(id);
        return get(id);
    }

    /**
     * Starts a run in the same environment that reads only the records a finished run
     * quarantined and that are still not in the environment's cross-reference, from the
     * same extraction and scope version, with the current mapping: for after the mapping
     * or the target was fixed.
     * @param runId the run whose quarantined records to load again
     * @return the queued re-run (mode RERUN)
     */
    public Run rerunQuarantined(long runId) {
        Run original = get(runId);
        if (!RERUNNABLE.contains(original.status())) {
            throw new ConflictException("status", "Run " + runId + " is " + original.status()
                    + ": quarantined records are re-run from a completed, cancelled or failed run");
        }
        Environment environment = this.projects.environments(original.projectId())
            .stream()
            .filter((e) -> e.getId() == original.environmentId())
            .findFirst()
            .orElseThrow();
        Gate gate = gate(original.projectId(), environment);
        RunPlan plan = RunPlanner.plan(gate.mapping().document(), gate.inputs());
        List<Long> totals = new ArrayList<>();
        for (RunPlan.Step step : plan.steps()) {
            totals.add(this.jdbc.queryForObject(
                    "select count(*) from staged_record s where s.snapshot_id = ?"
                            + " and s.object = ? and not s.deleted and " + ObjectLoad.RERUN_ONLY,
                    Long.class, original.snapshotId(), step.source(), runId, step.target(), original.environmentId(),
                    step.target()));
        }
        long waiting = totals.stream().mapToLong(Long::longValue).sum();
        if (waiting == 0) {
            throw new ConflictException("run", "Run " + runId
                    + " has no quarantined records left to re-run: none, or every one is in the target since");
        }
        ScopeVersion scope = (original.scopeVersion() != null)
                ? this.scopes.version(original.projectId(), original.scopeVersion()) : null;
        long id = insert(original.projectId(), environment, "RERUN", original.snapshotId(), scope, gate.mapping(), null,
                original.recordsPerSecond(), plan, totals, DeletePolicy.REPORT, runId);
        this.log.add(runId, "Its " + waiting + " quarantined records not loaded since are re-run as run " + id);
        this.jobs.launch(id);
        return get(id);
    }

    /** The statuses of a run whose quarantined records can be re-run. */
    static final Set<RunStatus> RERUNNABLE = Set.of(RunStatus.COMPLETED, RunStatus.CANCELLED, RunStatus.FAILED);

    /**
     * The gates every run passes, new or re-run: a target in the environment, a mapping
     * without blocking errors, the authoring schema in the environment's target, and a
     * delete policy that fits the mapping.
     */
    private Gate gate(Long projectId, Environment environment) {
        this.connections.target(environment.getId())
            .orElseThrow(() -> new ConflictException("environment",
                    "Environment " + environment.getName() + " has no target connection: connect one first"));
        MappingVersion mapping = this.mappings.current(projectId);
        if (mapping.version() == 0) {
            throw new ConflictException("mapping", "Nothing is mapped yet: map the objects first");
        }
        MappingInputs.Inputs in = this.inputs.load(projectId);
        MappingValidator.Report report = this.validator.validate(in, mapping.document());
        this.validator.store(in, report);
        List<MappingIssue> blocking = report.errors().stream().filter((e) -> BLOCKING.contains(e.code())).toList();
        if (!blocking.isEmpty()) {
            throw new ConflictException("mapping",
                    "The mapping has " + blocking.size() + " blocking errors: "
                            + String.join("; ", blocking.stream().limit(3).map(MappingIssue::message).toList())
                            + ((blocking.size() > 3) ? "; …" : "") + ". Fix them on the mapping page first");
        }
        if (!environment.getName().equalsIgnoreCase(in.environment())) {
            SchemaCheck.Result check = this.schemaCheck.check(projectId, in, mapping.document(), environment.getName());
            if (!check.differences().isEmpty()) {
                throw new ConflictException("environment",
                        "The target of " + environment.getName()
                                + " differs from the one the mapping was authored against (" + in.environment() + "): "
                                + String.join("; ", check.differences().stream().limit(5).toList()));
            }
        }
        DeletePolicy deletes = this.deletePolicies.get(projectId);
        this.deletePolicies.check(projectId, deletes, false);
        return new Gate(mapping, in, deletes);
    }

    private record Gate(MappingVersion mapping, MappingInputs.Inputs inputs, DeletePolicy deletes) {
    }

    @Transactional
    long insert(Long projectId, Environment environment, String mode, long snapshotId, ScopeVersion scope,
            MappingVersion mapping, BigDecimal threshold, Integer recordsPerSecond, RunPlan plan, List<Long> totals,
            DeletePolicy deletes, Long rerunOf) {
        // one active run per environment: lock the environment's row while checking
        this.jdbc.queryForObject("select id from environment where id = ? for update", Long.class, environment.getId());
        this.store.active(environment.getId()).ifPresent((active) -> {
            throw new ConflictException("environment",
                    "Run " + active.id() + " is still " + active.status().name().toLowerCase(Locale.ROOT) + " in "
                            + environment.getName() + ": wait for it, or pause or cancel it");
        });
        String user = CurrentUser.require().getUsername();
        Integer scopeVersion = (scope != null) ? scope.getVersion() : null;
        ScopeStatus scopeStatus = (scope != null) ? scope.getStatus() : null;
        long id = this.store.insert(projectId, environment.getId(), mode, snapshotId, scopeVersion, scopeStatus,
                mapping.version(), threshold, recordsPerSecond, user, plan, totals, deletes, rerunOf);
        this.audit.record(projectId, "Run", id, "started", mode.toLowerCase(Locale.ROOT) + " run into "
                + environment.getName() + " from extraction " + snapshotId + ", mapping v" + mapping.version()
                + ((scopeVersion != null)
                        ? ", scope v" + scopeVersion + " (" + scopeStatus.name().toLowerCase(Locale.ROOT) + ")" : "")
                + ((rerunOf != null) ? ", re-running the quarantined records of run " + rerunOf : ""));
        return id;
    }

    /**
     * @param id a run
     * @return it
     */
    public Run get(long id) {
        return this.store.find(id).orElseThrow(() -> NotFoundException.of("Run", id));
    }

    /**
     * @param projectId a project
     * @return its latest 100 runs, newest first
     */
    public List<Run> list(Long projectId) {
        return this.store.list(projectId, 100);
    }

    /**
     * Asks a run to pause after the chunk in hand.
     * @param id the run
     * @return it
     */
    public Run pause(long id) {
        Run run = get(id);
        if (run.status() == RunStatus.QUEUED || !this.store.transition(id, Set.of(RunStatus.RUNNING), RunStatus.PAUSING,
                "Pausing after the chunk in hand")) {
            throw new ConflictException("status", "Run " + id + " is " + run.status() + ": only a running run pauses");
        }
        this.audit.record(run.projectId(), "Run", id, "pause requested", "run " + id);
        this.log.add(id, "Pause requested by " + CurrentUser.require().getUsername());
        return get(id);
    }

    /**
     * Asks a run to stop for good after the chunk in hand (or at once when it is not
     * running).
     * @param id the run
     * @return it
     */
    public Run cancel(long id) {
        Run run = get(id);
        if (this.store.transition(id, Set.of(RunStatus.RUNNING, RunStatus.PAUSING), RunStatus.CANCELLING,
                "Cancelling after the chunk in hand")) {
            this.audit.record(run.projectId(), "Run", id, "cancel requested", "run " + id);
            this.log.add(id, "Cancel requested by " + CurrentUser.require().getUsername());
            return get(id);
        }
        if (this.store.transition(id, RunStatus.USER_RESUMABLE, RunStatus.CANCELLED,
                "Cancelled; what was loaded stays loaded and is in the ledger")) {
            this.audit.record(run.projectId(), "Run", id, "cancelled", "run " + id);
            this.log.add(id, "Cancelled by " + CurrentUser.require().getUsername() + " while " + run.status());
            return get(id);
        }
        throw new ConflictException("status", "Run " + id + " is " + run.status() + " and cannot be cancelled");
    }

    /**
     * Resumes a paused, interrupted or failed run from its last committed chunk.
     * @param id the run
     * @return it
     */
    public Run resume(long id) {
        Run run = get(id);
        this.jdbc.queryForObject("select id from environment where id = ? for update", Long.class, run.environmentId());
        this.store.active(run.environmentId()).filter((a) -> a.id() != id).ifPresent((active) -> {
            throw new ConflictException("status", "Run " + active.id() + " is active in " + run.environment());
        });
        if (!this.store.transition(id, RunStatus.USER_RESUMABLE, RunStatus.QUEUED, "Resuming")) {
            throw new ConflictException("status", "Run " + id + " is " + run.status()
                    + ": only a paused, interrupted, failed or budget-waiting run resumes");
        }
        this.audit.record(run.projectId(), "Run", id, "resumed", "run " + id);
        this.log.add(id, "Resume requested by " + CurrentUser.require().getUsername() + " (was " + run.status() + ")");
        this.jobs.launch(id);
        return get(id);
    }

    /**
     * Deletes every record a run created (sandbox and staging only), in the background.
     * @param id the run
     * @return it, UNDOING
     */
    public Run undo(long id) {
        Run run = get(id);
        Environment environment = this.projects.environments(run.projectId())
            .stream()
            .filter((e) -> e.getId() == run.environmentId())
            .findFirst()
            .orElseThrow();
        if (environment.getKind() == EnvironmentKind.PRODUCTION) {
            throw new ConflictException("environment", "Undo is for sandbox and staging runs, never production");
        }
        this.jdbc.queryForObject("select id from environment where id = ? for update", Long.class, run.environmentId());
        this.store.active(run.environmentId()).filter((a) -> a.id() != id).ifPresent((active) -> {
            throw new ConflictException("status", "Run " + active.id() + " is active in " + run.environment());
        });
        if (!this.store.transition(id, RunStatus.UNDOABLE, RunStatus.UNDOING, "Deleting the records it created")) {
            throw new ConflictException("status", "Run " + id + " is " + run.status() + " and cannot be undone");
        }
        this.audit.record(run.projectId(), "Run", id, "undo", "run " + id + " in " + run.environment());
        this.log.add(id, "Undo requested by " + CurrentUser.require().getUsername());
        this.undo.launch(get(id));
        return get(id);
    }

    /**
     * Writes the cross-reference of an environment as CSV (source object, source id,
     * target object, target id), streamed.
     * @param projectId the project
     * @param environmentName the environment
     * @param object a source or target object to restrict to, or null
     * @param out where to write
     */
    public void xref(Long projectId, String environmentName, String object, java.io.OutputStream out)
            throws IOException {
        Environment environment = environment(projectId, environmentName);
        try (java.util.stream.Stream<List<?>> rows = this.store.xrefRows(environment.getId(), object)) {
            dev.switchyard.system.TableExport.csv(List.of("source_object", "source_id", "target_object", "target_id"),
                    rows, out);
        }
    }

    Environment environment(Long projectId, String name) {
        String wanted = (name == null || name.isBlank()) ? "sandbox" : name.trim();
        return this.projects.environments(projectId)
            .stream()
            .filter((e) -> e.getName().equalsIgnoreCase(wanted))
            .findFirst()
            .orElseThrow(() -> new InvalidInputException("environment", "No environment named '" + wanted + "'"));
    }

    /**
     * @param id a run
     * @return the mapping document it applied
     */
    MappingDocument mappingOf(Run run) {
        return this.mappings.version(run.projectId(), run.mappingVersion()).document();
    }

}
