package dev.switchyard.run;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

import dev.switchyard.project.ProjectAccess;
import dev.switchyard.project.ProjectRole;
import dev.switchyard.system.InvalidInputException;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Migration runs in the automation API.
 */
@RestController
@Tag(name = "Runs", description = "Migration runs: start, follow, pause, resume, cancel; ledger and cross-reference")
class RunApiController {

    private final RunService runs;

    private final RunStore store;

    private final ProjectAccess access;

    private final RunLog log;

    private final DeletePolicies deletePolicies;

    private final ScopeExitPreview scopeExits;

    private final BudgetEstimates budgetEstimates;

    RunApiController(RunService runs, RunStore store, ProjectAccess access, RunLog log, DeletePolicies deletePolicies,
            ScopeExitPreview scopeExits, BudgetEstimates budgetEstimates) {
        this.budgetEstimates = budgetEstimates;
        this.scopeExits = scopeExits;
        this.runs = runs;
        this.store = store;
        this.access = access;
        this.log = log;
        this.deletePolicies = deletePolicies;
    }

    /**
     * A project's delete policy as the API takes and shows it.
     *
     * @param policy report, delete or deactivate
     * @param deactivate for deactivate, per object mapping the target column and the
     * value that marks a row inactive
     */
    record DeletePolicyJson(String policy, List<DeletePolicy.Deactivation> deactivate) {

        static DeletePolicyJson of(DeletePolicy policy) {
            return new DeletePolicyJson(policy.policy().name().toLowerCase(Locale.ROOT), policy.deactivate());
        }

    }

    /**
     * A run request.
     *
     * @param environment sandbox (default), staging, production or another environment
     * @param mode full (default) or delta
     * @param errorThreshold abort when more than this percentage is quarantined (none by
     * default)
     * @param recordsPerSecond the most records per second to write, for rate-limited
     * targets (no limit by default)
     */
    record StartRun(String environment, String mode, BigDecimal errorThreshold, Integer recordsPerSecond) {
    }

    /**
     * A run as the API shows it.
     *
     * @param id the run
     * @param status QUEUED, RUNNING, PAUSING, PAUSED, CANCELLING, CANCELLED, INTERRUPTED,
     * COMPLETED, FAILED
     * @param environment the environment
     * @param mode FULL or DELTA
     * @param snapshotId the extraction it reads
     * @param scopeVersion the scope version applied
     * @param mappingVersion the mapping version applied
     * @param requestedBy who started it
     * @param createdAt when
     * @param startedAt when it started loading
     * @param finishedAt when it ended
     * @param message why it stopped, or a summary
     * @param balanced whether every object's outcomes add up to its records
     * @param objects per object mapping, in load order
     * @param warnings the plan's warnings
     * @param deletePolicy what it does about records deleted in the source since earlier
     * runs: REPORT, DELETE or DEACTIVATE
     * @param rerunOf for a re-run of quarantined records (mode RERUN), the run re-run
     * @param scopeStatus the status the scope version had when the run started: APPROVED,
     * or (sandbox runs only) DRAFT, SUBMITTED or REJECTED; null without a scope
     * @param budget while WAITING_FOR_BUDGET: the reason, since when it waits, when it
     * checks next and how often it has checked; null otherwise
     */
    record RunJson(long id, String status, String environment, String mode, long snapshotId, Integer scopeVersion,
            int mappingVersion, String requestedBy, Instant createdAt, Instant startedAt, Instant finishedAt,
            String message, boolean balanced, List<ObjectJson> objects, List<String> warnings, String deletePolicy,
            Long rerunOf, String scopeStatus, Run.BudgetWait budget) {

        static RunJson of(Run run) {
            return new RunJson(run.id(), run.status().name(), run.environment(), run.mode(), run.snapshotId(),
                    run.scopeVersion(), run.mappingVersion(), run.requestedBy(), run.createdAt(), run.startedAt(),
                    run.finishedAt(), run.message(), run.balanced(),
                    run.objects().stream().map(ObjectJson::of).toList(), run.plan().warnings(), run.deletePolicy(),
                    run.rerunOf(), (run.scopeStatus() != null) ? run.scopeStatus().name() : null, run.budget());
        }

    }

    /**
     * One object mapping of a run.
     *
     * @param name the source object
     * @param target the target object
     * @param status PENDING, RUNNING, COMPLETED, PAUSED or FAILED
     * @param extracted the records of the snapshot it reads (not deleted in the source)
     * @param processed those with an outcome so far
     * @param created created in the target
     * @param updated updated
     * @param unchanged already as they are
     * @param quarantined refused, with reason, field and value in the ledger
     * @param excluded left out by the scope or the mapping's filter
     * @param archived archived by the scope
     * @param deleted loaded by earlier runs and deleted in the source since (apart from
     * the balance)
     * @param targetDeleted of those, deleted in the target (delete policy delete)
     * @param deactivated of those, marked inactive in the target (delete policy
     * deactivate)
     * @param deleteRefused of those, refused by the target (its message in the ledger)
     * @param recordsPerSecond throughput so far
     * @param etaSeconds seconds left at that throughput
     * @param leftScope loaded by earlier runs and excluded or archived by this one:
     * records leaving the scope (apart from the balance and from deleted)
     * @param leftScopeDeleted of those, deleted in the target (delete policy delete)
     * @param leftScopeDeactivated of those, marked inactive in the target (deactivate)
     * @param leftScopeRefused of those, refused by the target (its message in the ledger)
     */
    record ObjectJson(String name, String target, String status, long extracted, long processed, long created,
            long updated, long unchanged, long quarantined, long excluded, long archived, long deleted,
            long targetDeleted, long deactivated, long deleteRefused, Long recordsPerSecond, Long etaSeconds,
            long leftScope, long leftScopeDeleted, long leftScopeDeactivated, long leftScopeRefused) {

        static ObjectJson of(Run.RunObject o) {
            return new ObjectJson(o.source(), o.target(), o.status(), o.total(), o.processed(), o.created(),
                    o.updated(), o.unchanged(), o.quarantined(), o.excluded(), o.archived(), o.deleted(),
                    o.targetDeleted(), o.deactivated(), o.deleteRefused(), o.throughput(), o.etaSeconds(),
                    o.leftScope(), o.leftScopeDeleted(), o.leftScopeDeactivated(), o.leftScopeRefused());
        }

    }

    /**
     * A page of the ledger.
     *
     * @param total entries matching
     * @param entries this page's entries
     */
    record LedgerJson(long total, List<RunStore.LedgerRow> entries) {
    }

    @PostMapping("/api/v1/projects/{projectId}/runs")
    @Operation(summary = "Start a migration run",
            description = "Body {\"environment\": \"sandbox\"|\"staging\"|\"production\", \"mode\": \"full\"|\"delta\", "
                    + "\"errorThreshold\": percent (optional)}. A sandbox run applies the latest scope version, "
                    + "draft or not; staging and production the latest approved one. The run's scopeVersion and "
                    + "scopeStatus say which. 201 {\"id\",\"status\",…}; 409 when a gate refuses (no target, no "
                    + "extraction, blocking mapping errors, another active run in the environment, a target schema "
                    + "that differs from the authoring one, staging or production without an approved scope, "
                    + "delta without a completed run); 422 for an unknown environment or mode.")
    ResponseEntity<RunJson> start(@PathVariable Long projectId, @RequestBody(required = false) StartRun request) {
        this.access.require(projectId, ProjectRole.ANALYST);
        StartRun body = (request != null) ? request : new StartRun(null, null, null, null);
        Run run = this.runs.start(projectId, body.environment(), body.mode(), body.errorThreshold(),
                body.recordsPerSecond());
        return ResponseEntity.created(URI.create("/api/v1/runs/" + run.id())).body(RunJson.of(run));
    }

    @GetMapping("/api/v1/projects/{projectId}/runs")
    @Operation(summary = "The project's runs, newest first (latest 100)")
    List<RunJson> list(@PathVariable Long projectId) {
        return this.runs.list(projectId).stream().map(RunJson::of).toList();
    }

    @GetMapping("/api/v1/projects/{projectId}/runs/plan")
    @Operation(summary = "The plan a run would follow now: load order, second-pass references, warnings")
    RunPlan plan(@PathVariable Long projectId) {
        return this.runs.plan(projectId);
    }

    @GetMapping("/api/v1/projects/{projectId}/runs/budget-estimate")
    @Operation(summary = "Before a run into a CRM: the API calls a full run needs against the budget left today",
            description = "Per environment whose target is a CRM: [{\"environment\",\"type\",\"snapshotId\",\"records\","
                    + "\"calls\",\"objects\":[{\"source\",\"target\",\"records\",\"calls\"}],\"percent\",\"share\","
                    + "\"callsToday\",\"left\",\"used\",\"max\",\"exceeds\",\"expectedSeconds\",\"problem\"}]. The provider "
                    + "is asked for its usage with one cheap call. exceeds=true is a warning: the run still starts and "
                    + "waits (WAITING_FOR_BUDGET) when the budget is used up.")
    List<BudgetEstimates.Estimate> budgetEstimate(@PathVariable Long projectId) {
        return this.budgetEstimates.estimate(projectId);
    }

    @GetMapping("/api/v1/projects/{projectId}/runs/scope-exits")
    @Operation(
            summary = "Before a run: per environment, the records earlier runs loaded that the next run would find "
                    + "leaving the scope, and what the delete policy would do about them",
            description = "[{\"environment\",\"scopeVersion\",\"scopeStatus\",\"policy\",\"action\",\"records\","
                    + "\"objects\":[{\"source\",\"target\",\"records\"}]}]; action KEEP (report), DELETE, DEACTIVATE, "
                    + "or NONE for production without an approved scope.")
    List<ScopeExitPreview.EnvironmentPreview> scopeExits(@PathVariable Long projectId) {
        return this.scopeExits.preview(projectId);
    }

    @GetMapping("/api/v1/runs/{runId}")
    @Operation(summary = "A run with its per-object counters (poll it to follow progress)")
    RunJson get(@PathVariable long runId) {
        return RunJson.of(visible(runId));
    }

    @PostMapping("/api/v1/runs/{runId}/pause")
    @Operation(summary = "Pause a running run after the chunk in hand (resume continues from there)")
    RunJson pause(@PathVariable long runId) {
        changeable(runId);
        return RunJson.of(this.runs.pause(runId));
    }

    @PostMapping("/api/v1/runs/{runId}/cancel")
    @Operation(summary = "Cancel a run: it stops after the chunk in hand; what was loaded stays loaded")
    RunJson cancel(@PathVariable long runId) {
        changeable(runId);
        return RunJson.of(this.runs.cancel(runId));
    }

    @PostMapping("/api/v1/runs/{runId}/resume")
    @Operation(summary = "Resume a paused, interrupted or failed run from its last committed chunk")
    RunJson resume(@PathVariable long runId) {
        changeable(runId);
        return RunJson.of(this.runs.resume(runId));
    }

    @PostMapping("/api/v1/runs/{runId}/undo")
    @Operation(summary = "Undo a sandbox or staging run: delete every record it created (in the background)",
            description = "Children before parents, through the run's ledger and the cross-reference; 409 for "
                    + "production runs and for active runs. The run becomes UNDOING, then UNDONE; its message says "
                    + "how many records were deleted and which could not be.")
    RunJson undo(@PathVariable long runId) {
        changeable(runId);
        return RunJson.of(this.runs.undo(runId));
    }

    @PostMapping("/api/v1/runs/{runId}/rerun-quarantined")
    @Operation(summary = "Re-run the records a finished run quarantined, with the current mapping",
            description = "Starts a new run (mode RERUN) in the same environment, from the same extraction and scope "
                    + "version, that reads only the records the run quarantined and that are still not in the "
                    + "environment's cross-reference. 201 {\"id\",\"status\",…}; 409 when the run is not "
                    + "completed, cancelled or failed, has nothing left to re-run, or a gate refuses.")
    ResponseEntity<RunJson> rerunQuarantined(@PathVariable long runId) {
        changeable(runId);
        Run run = this.runs.rerunQuarantined(runId);
        return ResponseEntity.created(URI.create("/api/v1/runs/" + run.id())).body(RunJson.of(run));
    }

    @GetMapping(path = "/api/v1/runs/{runId}/log", produces = "text/plain")
    @Operation(summary = "The run's log as text (a download)",
            description = "One line per event, oldest first: its UTC time and what happened (start with mode, "
                    + "environment, extraction, mapping and scope versions; each object's start and finish with "
                    + "counts; pauses, resumes, cancels, recovery after a restart, target outages, the error "
                    + "threshold, quarantine reasons, delete-policy actions; the finish with the balance).")
    void log(@PathVariable long runId, HttpServletResponse response) throws IOException {
        visible(runId);
        response.setContentType("text/plain;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"run-" + runId + ".log\"");
        this.log.write(runId, response.getOutputStream());
    }

    @GetMapping("/api/v1/projects/{projectId}/delete-policy")
    @Operation(summary = "The project's delete policy for records deleted in the source since earlier runs")
    DeletePolicyJson deletePolicy(@PathVariable Long projectId) {
        this.access.requireView(projectId);
        return DeletePolicyJson.of(this.deletePolicies.get(projectId));
    }

    @PutMapping("/api/v1/projects/{projectId}/delete-policy")
    @Operation(summary = "Set the project's delete policy",
            description = "Body {\"policy\": \"report\"|\"delete\"|\"deactivate\", \"deactivate\": [{\"source\", "
                    + "\"target\", \"column\", \"value\"}]}: report counts them apart and leaves the target as it is; "
                    + "delete deletes their target rows, children first; deactivate sets the column to the value on "
                    + "their rows (one entry per object mapping). 422 naming the object mapping and column for an "
                    + "unknown column, a value the column cannot take, or an object mapping without one.")
    DeletePolicyJson setDeletePolicy(@PathVariable Long projectId, @RequestBody DeletePolicyJson body) {
        this.access.require(projectId, ProjectRole.ANALYST);
        return DeletePolicyJson.of(this.deletePolicies.save(projectId, body.policy(), body.deactivate()));
    }

    @GetMapping("/api/v1/runs/{runId}/ledger")
    @Operation(summary = "The run's ledger, a page at a time",
            description = "One entry per source record and object mapping: outcome (CREATED, UPDATED, UNCHANGED, "
                    + "QUARANTINED, EXCLUDED, ARCHIVED for the records read; DELETED_IN_SOURCE, DELETED, "
                    + "DEACTIVATED, DELETE_REFUSED for records deleted in the source since earlier runs), target id, "
                    + "reason, field and value; a record earlier runs loaded that this run excludes or archives has "
                    + "a second entry, LEFT_SCOPE, LEFT_SCOPE_DELETED, LEFT_SCOPE_DEACTIVATED or LEFT_SCOPE_REFUSED "
                    + "(outside the balance). Filter by outcome and object (source or target); page from 0, size up "
                    + "to 1000.")
    LedgerJson ledger(@PathVariable long runId, @RequestParam(required = false) String outcome,
            @RequestParam(required = false) String object, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "100") int size) {
        visible(runId);
        Outcome wanted = outcome(outcome);
        int limit = Math.max(1, Math.min(size, 1000));
        return new LedgerJson(this.store.ledgerCount(runId, wanted, object),
                this.store.ledgerPage(runId, wanted, object, Math.max(0, page) * limit, limit));
    }

    @GetMapping("/api/v1/projects/{projectId}/xref")
    @Operation(summary = "The cross-reference of an environment as CSV",
            description = "source_object, source_id, target_object, target_id; streamed. environment defaults to "
                    + "sandbox; object restricts to a source or target object.")
    void xref(@PathVariable Long projectId, @RequestParam(required = false) String environment,
            @RequestParam(required = false) String object, HttpServletResponse response) throws IOException {
        this.runs.environment(projectId, environment);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"xref.csv\"");
        this.runs.xref(projectId, environment, object, response.getOutputStream());
    }

    static Outcome outcome(String outcome) {
        if (outcome == null || outcome.isBlank()) {
            return null;
        }
        try {
            return Outcome.valueOf(outcome.trim().toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidInputException("outcome", "Unknown outcome '" + outcome + "'");
        }
    }

    private Run visible(long runId) {
        Run run = this.runs.get(runId);
        this.access.requireView(run.projectId());
        return run;
    }

    private void changeable(long runId) {
        Run run = this.runs.get(runId);
        this.access.require(run.projectId(), ProjectRole.ANALYST);
    }

}
