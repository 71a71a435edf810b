package dev.switchyard.cutover;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import dev.switchyard.project.ProjectAccess;
import dev.switchyard.project.ProjectRole;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The cutover plan in the automation API.
 */
@RestController
@Tag(name = "Cutover", description = "The cutover plan: tasks in streams with owners, durations, dependencies and "
        + "actions; the template")
class CutoverApiController {

    private final CutoverPlan plan;

    private final ProjectAccess access;

    CutoverApiController(CutoverPlan plan, ProjectAccess access) {
        this.plan = plan;
        this.access = access;
    }

    /**
     * A task as the API shows it.
     *
     * @param id the task
     * @param position its place in the plan, from 1
     * @param stream COMMUNICATION, SOURCE_FREEZE, FINAL_EXTRACTION, LOAD, VALIDATION,
     * UAT_SMOKE_TEST, SWITCH_OVER or SOURCE_ARCHIVE
     * @param name what is done
     * @param owner the owner's user name
     * @param backup the backup owner's user name, or null
     * @param plannedMinutes the planned duration
     * @param dependsOn the positions of the tasks it waits for
     * @param instructions how to do it, or null
     * @param action MANUAL, DELTA_EXTRACTION, FULL_RUN, DELTA_RUN or VALIDATION
     */
    record TaskJson(long id, int position, String stream, String name, String owner, String backup, int plannedMinutes,
            List<Integer> dependsOn, String instructions, String action) {

        static List<TaskJson> of(List<CutoverTask> tasks) {
            Map<Long, Integer> positions = new java.util.HashMap<>();
            tasks.forEach((t) -> positions.put(t.id(), t.position()));
            return tasks.stream().map((t) -> of(t, positions)).toList();
        }

        static TaskJson of(CutoverTask task, Map<Long, Integer> positions) {
            return new TaskJson(task.id(), task.position(), task.stream().name(), task.name(), task.owner(),
                    task.backup(), task.plannedMinutes(), task.dependsOn().stream().map(positions::get).toList(),
                    task.instructions(), task.action().name());
        }

    }

    @GetMapping("/api/v1/projects/{projectId}/cutover/tasks")
    @Operation(summary = "The cutover plan's tasks, in order")
    List<TaskJson> tasks(@PathVariable Long projectId) {
        return TaskJson.of(this.plan.tasks(projectId));
    }

    @PostMapping("/api/v1/projects/{projectId}/cutover/tasks")
    @Operation(summary = "Add a task at the end of the plan (analysts)",
            description = "Body {\"stream\": \"load\", \"name\": \"…\", \"owner\": user name, \"backup\": user name "
                    + "(optional), \"plannedMinutes\": 1–10080, \"dependsOn\": [positions of earlier tasks], "
                    + "\"instructions\": \"…\", \"action\": \"manual\"|\"delta_extraction\"|\"full_run\"|"
                    + "\"delta_run\"|\"validation\"}. 201 with the task; 422 naming the field for a missing name, "
                    + "an owner who is not a member, a backup equal to the owner, a duration out of range, a "
                    + "dependency on a task not before it, or a validation without a run task before it.")
    ResponseEntity<TaskJson> add(@PathVariable Long projectId, @RequestBody(required = false) TaskRequest request) {
        this.access.require(projectId, ProjectRole.ANALYST);
        CutoverTask task = this.plan.add(projectId, body(request));
        return ResponseEntity.created(URI.create("/api/v1/projects/" + projectId + "/cutover/tasks/" + task.id()))
            .body(json(projectId, task));
    }

    @GetMapping("/api/v1/projects/{projectId}/cutover/tasks/{taskId}")
    @Operation(summary = "One task of the plan")
    TaskJson task(@PathVariable Long projectId, @PathVariable Long taskId) {
        return json(projectId, this.plan.task(projectId, taskId));
    }

    @PutMapping("/api/v1/projects/{projectId}/cutover/tasks/{taskId}")
    @Operation(summary = "Change a task; its position stays (analysts)",
            description = "Same body and refusals as adding a task.")
    TaskJson update(@PathVariable Long projectId, @PathVariable Long taskId,
            @RequestBody(required = false) TaskRequest request) {
        this.access.require(projectId, ProjectRole.ANALYST);
        return json(projectId, this.plan.update(projectId, taskId, body(request)));
    }

    @DeleteMapping("/api/v1/projects/{projectId}/cutover/tasks/{taskId}")
    @Operation(summary = "Remove a task (analysts); the later tasks move up",
            description = "204; 409 when another task waits for it or it was carried out in a rehearsal or the "
                    + "live cutover.")
    ResponseEntity<Void> delete(@PathVariable Long projectId, @PathVariable Long taskId) {
        this.access.require(projectId, ProjectRole.ANALYST);
        this.plan.delete(projectId, taskId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/projects/{projectId}/cutover/template")
    @Operation(summary = "Fill an empty plan with the template (analysts)",
            description = "Eight tasks, one per stream, each waiting for the one before, owned by the caller until "
                    + "reassigned. 201 with the plan; 409 when the plan has tasks.")
    ResponseEntity<List<TaskJson>> template(@PathVariable Long projectId) {
        this.access.require(projectId, ProjectRole.ANALYST);
        return ResponseEntity.status(201).body(TaskJson.of(this.plan.applyTemplate(projectId)));
    }

    private TaskJson json(Long projectId, CutoverTask task) {
        Map<Long, Integer> positions = new java.util.HashMap<>();
        this.plan.tasks(projectId).forEach((t) -> positions.put(t.id(), t.position()));
        return TaskJson.of(task, positions);
    }

    private static TaskRequest body(TaskRequest request) {
        return (request != null) ? request : new TaskRequest(null, null, null, null, null, null, null, null);
    }

}
