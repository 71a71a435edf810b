package dev.switchyard.cutover;

import java.time.Clock;
import java.util.List;

import dev.switchyard.admin.CurrentUser;
import dev.switchyard.project.ProjectAccess;
import dev.switchyard.project.ProjectRole;
import dev.switchyard.project.WorkspaceModel;
import dev.switchyard.system.InvalidInputException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Rehearsals and the live cutover in the cutover tab: starting one, a page per execution
 * whose task table refreshes itself while tasks run, starting and finishing tasks, and
 * planned against actual with the predicted window on the plan page.
 */
@Controller
class CutoverExecutionController {

    private final CutoverExecutions executions;

    private final CutoverPlan plan;

    private final ProjectAccess access;

    private final WorkspaceModel workspace;

    private final Clock clock;

    private final GoNoGo goNoGo;

    CutoverExecutionController(CutoverExecutions executions, CutoverPlan plan, ProjectAccess access,
            WorkspaceModel workspace, Clock clock, GoNoGo goNoGo) {
        this.goNoGo = goNoGo;
        this.executions = executions;
        this.plan = plan;
        this.access = access;
        this.workspace = workspace;
        this.clock = clock;
    }

    @PostMapping("/projects/{projectId}/cutover/executions")
    String start(@PathVariable Long projectId, @RequestParam(required = false) String mode,
            RedirectAttributes redirect) {
        this.access.require(projectId, ProjectRole.ANALYST);
        try {
            Execution execution = this.executions.start(projectId, mode);
            redirect.addFlashAttribute("flash", execution.mode().label() + " " + execution.id() + " started against "
                    + execution.environment() + ".");
            return "redirect:/projects/" + projectId + "/cutover/executions/" + execution.id();
        }
        catch (InvalidInputException ex) {
            redirect.addFlashAttribute("flashError", ex.getMessage());
            return "redirect:/projects/" + projectId + "/cutover";
        }
    }

    @GetMapping("/projects/{projectId}/cutover/executions/{executionId}")
    String execution(@PathVariable Long projectId, @PathVariable Long executionId, Model model) {
        this.workspace.fill(projectId, model, "cutover");
        model.addAttribute("view", view(projectId, executionId));
        model.addAttribute("freeze", this.executions.breaches(projectId, executionId).orElse(null));
        GoNoGoModel.fill(model, this.goNoGo, projectId, this.executions.get(projectId, executionId));
        return "cutover/execution";
    }

    @GetMapping("/projects/{projectId}/cutover/executions/{executionId}/tasks")
    String tasks(@PathVariable Long projectId, @PathVariable Long executionId, Model model) {
        this.workspace.fill(projectId, model, "cutover");
        model.addAttribute("view", view(projectId, executionId));
        return "cutover/_tasks :: tasks";
    }

    @PostMapping("/projects/{projectId}/cutover/executions/{executionId}/tasks/{taskId}/start")
    String startTask(@PathVariable Long projectId, @PathVariable Long executionId, @PathVariable Long taskId,
            RedirectAttributes redirect) {
        try {
            this.executions.startTask(projectId, executionId, taskId);
            CutoverTask task = this.plan.task(projectId, taskId);
            redirect.addFlashAttribute("flash", "Task " + task.position() + " '" + task.name() + "' started.");
        }
        catch (InvalidInputException ex) {
            redirect.addFlashAttribute("flashError", ex.getMessage());
        }
        return "redirect:/projects/" + projectId + "/cutover/executions/" + executionId;
    }

    @PostMapping("/projects/{projectId}/cutover/executions/{executionId}/tasks/{taskId}/done")
    String finishTask(@PathVariable Long projectId, @PathVariable Long executionId, @PathVariable Long taskId,
            @RequestParam(required = false) String comment, RedirectAttributes redirect) {
        try {
            this.executions.finishTask(projectId, executionId, taskId, comment);
            CutoverTask task = this.plan.task(projectId, taskId);
            redirect.addFlashAttribute("flash", "Task " + task.position() + " '" + task.name() + "' done.");
        }
        catch (InvalidInputException ex) {
            redirect.addFlashAttribute("flashError", ex.getMessage());
        }
        return "redirect:/projects/" + projectId + "/cutover/executions/" + executionId;
    }

    @PostMapping("/projects/{projectId}/cutover/executions/{executionId}/finish")
    String finish(@PathVariable Long projectId, @PathVariable Long executionId, RedirectAttributes redirect) {
        this.access.require(projectId, ProjectRole.ANALYST);
        try {
            Execution execution = this.executions.finish(projectId, executionId);
            redirect.addFlashAttribute("flash", execution.mode().label() + " " + executionId + " finished.");
        }
        catch (InvalidInputException ex) {
            redirect.addFlashAttribute("flashError", ex.getMessage());
        }
        return "redirect:/projects/" + projectId + "/cutover/executions/" + executionId;
    }

    @PostMapping("/projects/{projectId}/cutover/executions/{executionId}/freeze")
    String freeze(@PathVariable Long projectId, @PathVariable Long executionId,
            @RequestParam(required = false) String freezeAt, RedirectAttributes redirect) {
        this.access.require(projectId, ProjectRole.ANALYST);
        try {
            java.time.Instant at = null;
            if (freezeAt != null && !freezeAt.isBlank()) {
                try {
                    at = java.time.LocalDateTime.parse(freezeAt.strip()).toInstant(java.time.ZoneOffset.UTC);
                }
                catch (java.time.format.DateTimeParseException ex) {
                    throw new InvalidInputException("freezeAt", "'" + freezeAt.strip()
                            + "' is not a date and time: write it as 2026-12-01T08:00 (UTC), or leave it empty for now");
                }
            }
            Execution execution = this.executions.freeze(projectId, executionId, at);
            redirect.addFlashAttribute("flash",
                    "Freeze time recorded: " + java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
                        .withZone(java.time.ZoneOffset.UTC)
                        .format(execution.freezeAt()) + ".");
        }
        catch (InvalidInputException ex) {
            redirect.addFlashAttribute("flashError", ex.getMessage());
        }
        return "redirect:/projects/" + projectId + "/cutover/executions/" + executionId;
    }

    @PostMapping("/projects/{projectId}/cutover/executions/{executionId}/freeze/check")
    String checkFreeze(@PathVariable Long projectId, @PathVariable Long executionId, RedirectAttributes redirect) {
        this.access.require(projectId, ProjectRole.ANALYST);
        try {
            long snapshot = this.executions.checkSource(projectId, executionId);
            redirect.addFlashAttribute("flash", "Delta extraction " + snapshot
                    + " reads what changed in the source since the freeze; the breaches show once it completed.");
        }
        catch (InvalidInputException ex) {
            redirect.addFlashAttribute("flashError", ex.getMessage());
        }
        return "redirect:/projects/" + projectId + "/cutover/executions/" + executionId;
    }

    private ExecutionView view(Long projectId, Long executionId) {
        Execution execution = this.executions.get(projectId, executionId);
        List<CutoverTask> tasks = this.plan.tasks(projectId);
        return ExecutionView.of(execution, tasks, CurrentUser.require().getId(),
                this.access.rolesOfCurrentUser(projectId), this.clock.instant(),
                (taskId) -> this.executions.progress(projectId, executionId, taskId));
    }

}
