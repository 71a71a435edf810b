package dev.switchyard.cutover;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import dev.switchyard.project.ProjectAccess;
import dev.switchyard.project.ProjectRole;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Rehearsals, the live cutover and the predicted window in the automation API.
 */
@RestController
@Tag(name = "Cutover", description = "The cutover plan: tasks in streams with owners, durations, dependencies and "
        + "actions; the template")
class CutoverExecutionApiController {

    private final CutoverExecutions executions;

    private final CutoverPlan plan;

    private final ProjectAccess access;

    CutoverExecutionApiController(CutoverExecutions executions, CutoverPlan plan, ProjectAccess access) {
        this.executions = executions;
        this.plan = plan;
        this.access = access;
    }

    /**
     * A request to start an execution.
     *
     * @param mode rehearsal (default) or live
     */
    record StartExecution(String mode) {
    }

    /**
     * A manual task marked done.
     *
     * @param comment what was done, optional
     */
    record TaskDone(String comment) {
    }

    /**
     * An execution as the API shows it.
     *
     * @param id the execution
     * @param mode REHEARSAL or LIVE
     * @param environment the environment it runs against
     * @param status ACTIVE or FINISHED
     * @param startedBy who started it
     * @param startedAt when
     * @param finishedAt when it was finished, or null
     * @param freezeAt the source freeze time, or null
     * @param tasks per task of the plan, in order
     */
    record ExecutionJson(long id, String mode, String environment, String status, String startedBy, Instant startedAt,
            Instant finishedAt, Instant freezeAt, List<TaskRunJson> tasks) {

        static ExecutionJson of(Execution execution, List<CutoverTask> tasks) {
            return new ExecutionJson(execution.id(), execution.mode().name(), execution.environment(),
                    execution.status(), execution.startedBy(), execution.startedAt(), execution.finishedAt(),
                    execution.freezeAt(), tasks.stream().map((t) -> TaskRunJson.of(t, execution)).toList());
        }

    }

    /**
     * One task in an execution.
     *
     * @param taskId the task
     * @param position its place in the plan
     * @param name what is done
     * @param action its action
     * @param status WAITING, READY, RUNNING, DONE or FAILED
     * @param plannedSeconds its planned duration
     * @param actualSeconds how long it took (or has run so far), or null before it
     * started
     * @param startedAt when it started
     * @param startedBy who started it
     * @param finishedAt when it ended
     * @param finishedBy who marked it done (system for automatic tasks)
     * @param actionId the extraction, run or validation it launched
     * @param records the records that action handled
     * @param message why it failed, or the owner's comment
     */
    record TaskRunJson(long taskId, int position, String name, String action, String status, long plannedSeconds,
            Long actualSeconds, Instant startedAt, String startedBy, Instant finishedAt, String finishedBy,
            Long actionId, Long records, String message) {

        static TaskRunJson of(CutoverTask task, Execution execution) {
            TaskRun run = execution.runs().get(task.id());
            return new TaskRunJson(task.id(), task.position(), task.name(), task.action().name(),
                    execution.status(task).name(), task.plannedMinutes() * 60L,
                    (run != null) ? run.elapsed(Instant.now()).toSeconds() : null,
                    (run != null) ? run.startedAt() : null, (run != null) ? run.startedBy() : null,
                    (run != null) ? run.finishedAt() : null, (run != null) ? run.finishedBy() : null,
                    (run != null) ? run.actionRef() : null, (run != null) ? run.records() : null,
                    (run != null) ? run.message() : null);
        }

    }

    /**
     * The predicted production window.
     *
     * @param windowSeconds the predicted window (the longest chain of dependent tasks)
     * @param plannedSeconds the planned window, by the same rule
     * @param finalRecords the final delta's records scaled to, or null
     * @param rehearsals the rehearsals measured
     * @param tasks per task, its prediction
     */
    record PredictionJson(long windowSeconds, long plannedSeconds, Long finalRecords, int rehearsals,
            List<TaskPredictionJson> tasks) {

        static PredictionJson of(Prediction prediction) {
            return new PredictionJson(prediction.window().toSeconds(), prediction.planned().toSeconds(),
                    prediction.finalRecords(), prediction.rehearsals(),
                    prediction.tasks()
                        .stream()
                        .map((p) -> new TaskPredictionJson(p.task().position(), p.task().name(),
                                p.task().plannedMinutes() * 60L, seconds(p.duration()), p.basis().name(),
                                p.measurements()))
                        .toList());
        }

        private static long seconds(Duration duration) {
            return duration.toSeconds();
        }

    }

    /**
     * One task's prediction.
     *
     * @param position its place in the plan
     * @param name what is done
     * @param plannedSeconds its planned duration
     * @param predictedSeconds its predicted duration
     * @param basis SCALED, MEASURED or PLANNED
     * @param measurements the rehearsals that measured it
     */
    record TaskPredictionJson(int position, String name, long plannedSeconds, long predictedSeconds, String basis,
            int measurements) {
    }

    @GetMapping("/api/v1/projects/{projectId}/cutover/executions")
    @Operation(summary = "Rehearsals and live cutovers, newest first")
    List<ExecutionJson> list(@PathVariable Long projectId) {
        List<CutoverTask> tasks = this.plan.tasks(projectId);
        return this.executions.list(projectId).stream().map((e) -> ExecutionJson.of(e, tasks)).toList();
    }

    @PostMapping("/api/v1/projects/{projectId}/cutover/executions")
    @Operation(summary = "Start a rehearsal (against staging) or the live cutover (into production) (analysts)",
            description = "Body {\"mode\": \"rehearsal\"|\"live\"}. 201 with the execution; 409 when the plan is "
                    + "empty, another execution is under way or the project has no such environment.")
    ResponseEntity<ExecutionJson> start(@PathVariable Long projectId,
            @RequestBody(required = false) StartExecution request) {
        this.access.require(projectId, ProjectRole.ANALYST);
        Execution execution = this.executions.start(projectId, (request != null) ? request.mode() : null);
        return ResponseEntity
            .created(URI.create("/api/v1/projects/" + projectId + "/cutover/executions/" + execution.id()))
            .body(ExecutionJson.of(execution, this.plan.tasks(projectId)));
    }

    @GetMapping("/api/v1/projects/{projectId}/cutover/executions/{executionId}")
    @Operation(summary = "One execution with every task's status and times",
            description = "Reading it reads the status of the actions its running tasks launched: an action that "
                    + "ended finishes its task (DONE, or FAILED with the reason) at the action's end time.")
    ExecutionJson get(@PathVariable Long projectId, @PathVariable Long executionId) {
        return ExecutionJson.of(this.executions.get(projectId, executionId), this.plan.tasks(projectId));
    }

    @PostMapping("/api/v1/projects/{projectId}/cutover/executions/{executionId}/tasks/{taskId}/start")
    @Operation(summary = "Start a ready (or failed) task",
            description = "An automatic task launches its action (delta extraction, full or delta run into the "
                    + "execution's environment, validation of the run this execution launched) and needs an "
                    + "ANALYST; a manual task is started by its owner, its backup or an ANALYST. 200 with the "
                    + "execution; 409 when it waits for other tasks, already runs or is done, or the action's own "
                    + "gates refuse it; 403 for anybody else.")
    ExecutionJson startTask(@PathVariable Long projectId, @PathVariable Long executionId, @PathVariable Long taskId) {
        return ExecutionJson.of(this.executions.startTask(projectId, executionId, taskId), this.plan.tasks(projectId));
    }

    @PostMapping("/api/v1/projects/{projectId}/cutover/executions/{executionId}/tasks/{taskId}/done")
    @Operation(summary = "Mark a running manual task done (its owner, backup or an ANALYST)",
            description = "Body {\"comment\": \"…\"} (optional). Automatic tasks are done when their action "
                    + "completes: 409.")
    ExecutionJson finishTask(@PathVariable Long projectId, @PathVariable Long executionId, @PathVariable Long taskId,
            @RequestBody(required = false) TaskDone request) {
        return ExecutionJson.of(this.executions.finishTask(projectId, executionId, taskId,
                (request != null) ? request.comment() : null), this.plan.tasks(projectId));
    }

    @PostMapping("/api/v1/projects/{projectId}/cutover/executions/{executionId}/finish")
    @Operation(summary = "Finish an execution (analysts); 409 while a task runs")
    ExecutionJson finish(@PathVariable Long projectId, @PathVariable Long executionId) {
        this.access.require(projectId, ProjectRole.ANALYST);
        return ExecutionJson.of(this.executions.finish(projectId, executionId), this.plan.tasks(projectId));
    }

    /**
     * A freeze time.
     *
     * @param at the instant the source was frozen; now when left out
     */
    record Freeze(Instant at) {
    }

    @PostMapping("/api/v1/projects/{projectId}/cutover/executions/{executionId}/freeze")
    @Operation(summary = "Record the source freeze time (analysts)",
            description = "Body {\"at\": \"2026-12-01T08:00:00Z\"} (optional, now by default; not in the future). "
                    + "200 with the execution.")
    ExecutionJson freeze(@PathVariable Long projectId, @PathVariable Long executionId,
            @RequestBody(required = false) Freeze request) {
        this.access.require(projectId, ProjectRole.ANALYST);
        return ExecutionJson.of(this.executions.freeze(projectId, executionId, (request != null) ? request.at() : null),
                this.plan.tasks(projectId));
    }

    @PostMapping("/api/v1/projects/{projectId}/cutover/executions/{executionId}/freeze/check")
    @Operation(summary = "Check the source for changes since the freeze (analysts)",
            description = "Starts a delta extraction; the breaches read it once it completed. 202 "
                    + "{\"snapshotId\"}; 409 before the freeze time is recorded.")
    ResponseEntity<Map<String, Long>> checkFreeze(@PathVariable Long projectId, @PathVariable Long executionId) {
        this.access.require(projectId, ProjectRole.ANALYST);
        return ResponseEntity.accepted()
            .body(Map.of("snapshotId", this.executions.checkSource(projectId, executionId)));
    }

    @GetMapping("/api/v1/projects/{projectId}/cutover/executions/{executionId}/freeze-breaches")
    @Operation(summary = "Source records modified after the freeze, by the latest completed extraction",
            description = "{\"freezeAt\", \"snapshotId\", \"extractedAt\", \"afterFreeze\" (false: the "
                    + "extraction predates the freeze and cannot show later changes), \"count\", \"breaches\": "
                    + "[{\"object\", \"sourceId\", \"field\", \"modifiedAt\"}] (first 500), \"undetectable\": "
                    + "[objects without a modified timestamp: a breach cannot be detected]}; 409 before the freeze "
                    + "time is recorded or anything was extracted.")
    Map<String, Object> breaches(@PathVariable Long projectId, @PathVariable Long executionId) {
        Execution execution = this.executions.get(projectId, executionId);
        if (execution.freezeAt() == null) {
            throw new dev.switchyard.system.ConflictException("freezeAt", "No freeze time is recorded yet");
        }
        FreezeBreaches.Report report = this.executions.breaches(projectId, executionId)
            .orElseThrow(() -> new dev.switchyard.system.ConflictException("snapshot",
                    "Nothing was extracted yet: there is nothing to check"));
        Map<String, Object> json = new java.util.LinkedHashMap<>();
        json.put("freezeAt", execution.freezeAt());
        json.put("snapshotId", report.snapshotId());
        json.put("extractedAt", report.extractedAt());
        json.put("afterFreeze", report.afterFreeze());
        json.put("count", report.count());
        json.put("breaches", report.breaches());
        json.put("undetectable", report.undetectable());
        return json;
    }

    @GetMapping("/api/v1/projects/{projectId}/cutover/prediction")
    @Operation(summary = "The production window predicted from the rehearsals",
            description = "finalRecords (optional): the records of the final delta; extraction, run and validation "
                    + "durations are scaled by it over each rehearsal's delta. Without it, the live cutover's delta "
                    + "extraction gives it once it ran; before that durations are not scaled.")
    PredictionJson prediction(@PathVariable Long projectId, @RequestParam(required = false) Long finalRecords) {
        return PredictionJson.of(this.executions.predict(projectId, finalRecords));
    }

}
