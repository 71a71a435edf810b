package dev.switchyard.cutover;

import java.util.List;

import dev.switchyard.project.ProjectAccess;
import dev.switchyard.project.ProjectRole;
import dev.switchyard.project.WorkspaceModel;
import dev.switchyard.system.FormErrors;
import dev.switchyard.system.InvalidInputException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The cutover tab: the plan (tasks in streams with owners, durations, dependencies and
 * actions), the template, and the forms that add and change tasks.
 */
@Controller
class CutoverController {

    private final CutoverPlan plan;

    private final ProjectPeople people;

    private final ProjectAccess access;

    private final WorkspaceModel workspace;

    private final CutoverExecutions executions;

    private final java.time.Clock clock;

    private final GoNoGo goNoGo;

    CutoverController(CutoverPlan plan, ProjectPeople people, ProjectAccess access, WorkspaceModel workspace,
            CutoverExecutions executions, java.time.Clock clock, GoNoGo goNoGo) {
        this.goNoGo = goNoGo;
        this.executions = executions;
        this.clock = clock;
        this.plan = plan;
        this.people = people;
        this.access = access;
        this.workspace = workspace;
    }

    @GetMapping("/projects/{projectId}/cutover")
    String cutover(@PathVariable Long projectId,
            @org.springframework.web.bind.annotation.RequestParam(required = false) String finalRecords, Model model) {
        page(projectId, model, finalRecords);
        TaskForm form = new TaskForm();
        form.setOwner(dev.switchyard.admin.CurrentUser.require().getUsername());
        model.addAttribute("form", form);
        return "cutover/plan";
    }

    @GetMapping("/projects/{projectId}/cutover/runbook.xlsx")
    void runbook(@PathVariable Long projectId, jakarta.servlet.http.HttpServletResponse response)
            throws java.io.IOException {
        List<CutoverTask> tasks = this.plan.tasks(projectId);
        List<Execution> all = CutoverExecutions.oldestFirst(this.executions.list(projectId));
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
                org.springframework.http.ContentDisposition.attachment()
                    .filename("cutover-runbook-" + projectId + ".xlsx")
                    .build()
                    .toString());
        RunbookExport.write(tasks, all, this.executions.predict(projectId, null), response.getOutputStream());
    }

    @PostMapping("/projects/{projectId}/cutover/template")
    String template(@PathVariable Long projectId, RedirectAttributes redirect) {
        this.access.require(projectId, ProjectRole.ANALYST);
        try {
            List<CutoverTask> tasks = this.plan.applyTemplate(projectId);
            redirect.addFlashAttribute("flash",
                    "The template's " + tasks.size() + " tasks were added, owned by you until you reassign them.");
        }
        catch (InvalidInputException ex) {
            redirect.addFlashAttribute("flashError", ex.getMessage());
        }
        return "redirect:/projects/" + projectId + "/cutover";
    }

    @PostMapping("/projects/{projectId}/cutover/tasks")
    String add(@PathVariable Long projectId, @ModelAttribute("form") TaskForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        this.access.require(projectId, ProjectRole.ANALYST);
        try {
            CutoverTask task = this.plan.add(projectId, form.toRequest());
            redirect.addFlashAttribute("flash", "Task " + task.position() + " '" + task.name() + "' added.");
            return "redirect:/projects/" + projectId + "/cutover";
        }
        catch (InvalidInputException ex) {
            FormErrors.reject(result, ex);
            page(projectId, model, null);
            return "cutover/plan";
        }
    }

    @GetMapping("/projects/{projectId}/cutover/tasks/{taskId}/edit")
    String edit(@PathVariable Long projectId, @PathVariable Long taskId, Model model) {
        this.access.require(projectId, ProjectRole.ANALYST);
        CutoverTask task = this.plan.task(projectId, taskId);
        editPage(projectId, task, model);
        model.addAttribute("form", TaskForm.of(task, this.plan.tasks(projectId)));
        return "cutover/task-edit";
    }

    @PostMapping("/projects/{projectId}/cutover/tasks/{taskId}")
    String update(@PathVariable Long projectId, @PathVariable Long taskId, @ModelAttribute("form") TaskForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        this.access.require(projectId, ProjectRole.ANALYST);
        CutoverTask before = this.plan.task(projectId, taskId);
        try {
            CutoverTask task = this.plan.update(projectId, taskId, form.toRequest());
            redirect.addFlashAttribute("flash", "Task " + task.position() + " '" + task.name() + "' saved.");
            return "redirect:/projects/" + projectId + "/cutover";
        }
        catch (InvalidInputException ex) {
            FormErrors.reject(result, ex);
            editPage(projectId, before, model);
            return "cutover/task-edit";
        }
    }

    @PostMapping("/projects/{projectId}/cutover/tasks/{taskId}/delete")
    String delete(@PathVariable Long projectId, @PathVariable Long taskId, RedirectAttributes redirect) {
        this.access.require(projectId, ProjectRole.ANALYST);
        try {
            CutoverTask task = this.plan.task(projectId, taskId);
            this.plan.delete(projectId, taskId);
            redirect.addFlashAttribute("flash", "Task " + task.position() + " '" + task.name() + "' removed.");
        }
        catch (InvalidInputException ex) {
            redirect.addFlashAttribute("flashError", ex.getMessage());
        }
        return "redirect:/projects/" + projectId + "/cutover";
    }

    private void page(Long projectId, Model model, String finalRecords) {
        this.workspace.fill(projectId, model, "cutover");
        List<CutoverTask> tasks = this.plan.tasks(projectId);
        model.addAttribute("tasks", tasks);
        model.addAttribute("waitsFor", waitsFor(tasks));
        options(projectId, model);
        Long records = null;
        if (finalRecords != null && !finalRecords.isBlank()) {
            if (!finalRecords.strip().matches("\\d{1,15}")) {
                model.addAttribute("flashError", "'" + finalRecords.strip()
                        + "' is not a number of records: the final delta's records are a whole number, 0 or more");
            }
            else {
                records = Long.valueOf(finalRecords.strip());
            }
        }
        List<Execution> all = this.executions.list(projectId);
        model.addAttribute("executions", all);
        model.addAttribute("active", all.stream().anyMatch(Execution::active));
        model.addAttribute("comparison", Comparison.of(tasks, CutoverExecutions.oldestFirst(all),
                this.executions.predict(projectId, records), this.clock.instant()));
        model.addAttribute("finalRecords", finalRecords);
        java.util.Map<GateKind, java.math.BigDecimal> gates = this.goNoGo.gates(projectId);
        model.addAttribute("gateSettings", gates);
        java.util.Map<String, String> values = new java.util.HashMap<>();
        gates.forEach((kind, value) -> values.put(kind.name(), value.stripTrailingZeros().toPlainString()));
        model.addAttribute("gateValues", values);
    }

    private void editPage(Long projectId, CutoverTask task, Model model) {
        this.workspace.fill(projectId, model, "cutover");
        List<CutoverTask> tasks = this.plan.tasks(projectId);
        model.addAttribute("task", task);
        model.addAttribute("tasks", tasks.stream().filter((t) -> t.position() < task.position()).toList());
        options(projectId, model);
    }

    private void options(Long projectId, Model model) {
        model.addAttribute("streams", CutoverStream.values());
        model.addAttribute("actions", TaskAction.values());
        model.addAttribute("members", this.people.of(projectId).values());
    }

    /**
     * @param tasks the plan
     * @return per task, the positions of the tasks it waits for ("1, 2")
     */
    static java.util.Map<Long, String> waitsFor(List<CutoverTask> tasks) {
        java.util.Map<Long, Integer> positions = new java.util.HashMap<>();
        for (CutoverTask task : tasks) {
            positions.put(task.id(), task.position());
        }
        java.util.Map<Long, String> waits = new java.util.HashMap<>();
        for (CutoverTask task : tasks) {
            waits.put(task.id(),
                    task.dependsOn()
                        .stream()
                        .map((id) -> String.valueOf(positions.get(id)))
                        .collect(java.util.stream.Collectors.joining(", ")));
        }
        return waits;
    }

}
