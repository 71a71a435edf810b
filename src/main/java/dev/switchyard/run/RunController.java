package dev.switchyard.run;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import dev.switchyard.project.ProjectAccess;
import dev.switchyard.project.ProjectRole;
import dev.switchyard.project.ProjectService;
import dev.switchyard.project.WorkspaceModel;
import dev.switchyard.system.InvalidInputException;
import dev.switchyard.system.NotFoundException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The runs tab: the plan and a form to start a run, the run history per environment, a
 * run's live progress per object with pause, resume and cancel, and its ledger.
 */
@Controller
class RunController {

    private static final int PAGE = 50;

    private final RunService runs;

    private final RunStore store;

    private final ProjectService projects;

    private final ProjectAccess access;

    private final WorkspaceModel workspace;

    private final RunLog log;

    private final DeletePolicies deletePolicies;

    private final RunScopes scopes;

    private final ScopeExitPreview scopeExits;

    private final BudgetEstimates budgetEstimates;

    private final dev.switchyard.connection.ConnectionService connections;

    RunController(RunService runs, RunStore store, ProjectService projects, ProjectAccess access,
            WorkspaceModel workspace, RunLog log, DeletePolicies deletePolicies, RunScopes scopes,
            ScopeExitPreview scopeExits, BudgetEstimates budgetEstimates,
            dev.switchyard.connection.ConnectionService connections) {
        this.budgetEstimates = budgetEstimates;
        this.connections = connections;
        this.scopes = scopes;
        this.scopeExits = scopeExits;
        this.runs = runs;
        this.store = store;
        this.projects = projects;
        this.access = access;
        this.workspace = workspace;
        this.log = log;
        this.deletePolicies = deletePolicies;
    }

    @GetMapping("/projects/{projectId}/runs")
    String list(@PathVariable Long projectId, @RequestParam(required = false) String environment, Model model) {
        this.workspace.fill(projectId, model, "runs");
        model.addAttribute("runs",
                this.runs.list(projectId)
                    .stream()
                    .filter((r) -> environment == null || environment.isBlank()
                            || r.environment().equalsIgnoreCase(environment))
                    .toList());
        model.addAttribute("environment", (environment != null) ? environment : "");
        model.addAttribute("environments", this.projects.environments(projectId));
        model.addAttribute("deletePolicy", this.deletePolicies.get(projectId));
        model.addAttribute("uses", this.scopes.uses(projectId));
        model.addAttribute("crmTarget",
                this.projects.environments(projectId)
                    .stream()
                    .anyMatch((e) -> this.connections.target(e.getId()).map((t) -> t.getType().isCrm()).orElse(false)));
        try {
            model.addAttribute("plan", this.runs.plan(projectId));
        }
        catch (InvalidInputException ex) {
            model.addAttribute("planProblem", ex.getMessage());
        }
        return "run/list";
    }

    /**
     * The runs tab's preview of what the next run in each environment would do about
     * records leaving the scope, loaded after the page (it counts over the
     * cross-reference).
     */
    /**
     * The runs tab's API budget estimate for CRM targets, loaded after the page (it asks
     * each CRM for its usage).
     */
    @GetMapping("/projects/{projectId}/runs/budget-estimate")
    String budgetEstimate(@PathVariable Long projectId, Model model) {
        this.workspace.fill(projectId, model, "runs");
        model.addAttribute("estimates", this.budgetEstimates.estimate(projectId));
        return "run/_budget :: estimate";
    }

    @GetMapping("/projects/{projectId}/runs/scope-exits")
    String scopeExits(@PathVariable Long projectId, Model model) {
        this.workspace.fill(projectId, model, "runs");
        model.addAttribute("previews", this.scopeExits.preview(projectId));
        return "run/_scope_exits :: preview";
    }

    @PostMapping("/projects/{projectId}/runs")
    String start(@PathVariable Long projectId, @RequestParam(required = false) String environment,
            @RequestParam(required = false) String mode, @RequestParam(required = false) String errorThreshold,
            @RequestParam(required = false) String recordsPerSecond,
            @RequestParam(name = "confirmScope", required = false) List<String> confirmScope,
            RedirectAttributes redirect) {
        this.access.require(projectId, ProjectRole.ANALYST);
        try {
            // one confirmation box per sandbox environment: any ticked box names the
            // version
            Integer confirmed = (confirmScope != null) ? confirmScope.stream()
                .filter((v) -> v != null && v.strip().matches("\\d{1,9}"))
                .map((v) -> Integer.valueOf(v.strip()))
                .findFirst()
                .orElse(null) : null;
            Run run = this.runs.startConfirmed(projectId, environment, mode, decimal(errorThreshold, "errorThreshold"),
                    integer(recordsPerSecond), confirmed);
            redirect.addFlashAttribute("flash", "Run " + run.id() + " started in " + run.environment() + ".");
            return "redirect:/projects/" + projectId + "/runs/" + run.id();
        }
        catch (InvalidInputException ex) {
            redirect.addFlashAttribute("flashError", ex.getMessage());
            return "redirect:/projects/" + projectId + "/runs";
        }
    }

    @PostMapping("/projects/{projectId}/runs/delete-policy")
    String deletePolicy(@PathVariable Long projectId, @RequestParam(required = false) String policy,
            @RequestParam(name = "source", required = false) List<String> sources,
            @RequestParam(name = "target", required = false) List<String> targets,
            @RequestParam(name = "column", required = false) List<String> columns,
            @RequestParam(name = "value", required = false) List<String> values, RedirectAttributes redirect) {
        this.access.require(projectId, ProjectRole.ANALYST);
        List<DeletePolicy.Deactivation> rows = new ArrayList<>();
        int count = (sources != null) ? sources.size() : 0;
        for (int i = 0; i < count; i++) {
            rows.add(new DeletePolicy.Deactivation(sources.get(i), at(targets, i), at(columns, i), at(values, i)));
        }
        try {
            DeletePolicy saved = this.deletePolicies.save(projectId, policy, rows);
            redirect.addFlashAttribute("flash", "Delete policy: " + saved.policy().name().toLowerCase(Locale.ROOT)
                    + ". Runs started from now on apply it.");
        }
        catch (InvalidInputException ex) {
            redirect.addFlashAttribute("flashError", ex.getMessage());
        }
        return "redirect:/projects/" + projectId + "/runs";
    }

    private static String at(List<String> values, int i) {
        return (values != null && i < values.size()) ? values.get(i) : null;
    }

    @GetMapping("/projects/{projectId}/runs/{runId}/log")
    void log(@PathVariable Long projectId, @PathVariable long runId, HttpServletResponse response) throws IOException {
        run(projectId, runId);
        response.setContentType("text/plain;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"run-" + runId + ".log\"");
        this.log.write(runId, response.getOutputStream());
    }

    @PostMapping("/projects/{projectId}/runs/{runId}/rerun-quarantined")
    String rerunQuarantined(@PathVariable Long projectId, @PathVariable long runId, RedirectAttributes redirect) {
        this.access.require(projectId, ProjectRole.ANALYST);
        run(projectId, runId);
        try {
            Run rerun = this.runs.rerunQuarantined(runId);
            redirect.addFlashAttribute("flash", "Run " + rerun.id() + " re-runs the quarantined records of run " + runId
                    + " in " + rerun.environment() + ".");
            return "redirect:/projects/" + projectId + "/runs/" + rerun.id();
        }
        catch (InvalidInputException ex) {
            redirect.addFlashAttribute("flashError", ex.getMessage());
            return "redirect:/projects/" + projectId + "/runs/" + runId;
        }
    }

    @GetMapping("/projects/{projectId}/runs/{runId}")
    String detail(@PathVariable Long projectId, @PathVariable long runId, Model model) {
        this.workspace.fill(projectId, model, "runs");
        Run run = run(projectId, runId);
        model.addAttribute("run", run);
        model.addAttribute("outcomes", this.store.outcomes(runId));
        model.addAttribute("rerunWaiting", rerunWaiting(run));
        return "run/detail";
    }

    @GetMapping("/projects/{projectId}/runs/{runId}/progress")
    String progress(@PathVariable Long projectId, @PathVariable long runId, Model model) {
        this.workspace.fill(projectId, model, "runs");
        Run run = run(projectId, runId);
        model.addAttribute("run", run);
        model.addAttribute("rerunWaiting", rerunWaiting(run));
        return "run/detail :: progress";
    }

    @PostMapping("/projects/{projectId}/runs/{runId}/pause")
    String pause(@PathVariable Long projectId, @PathVariable long runId, RedirectAttributes redirect) {
        return act(projectId, runId, "pause", redirect);
    }

    @PostMapping("/projects/{projectId}/runs/{runId}/resume")
    String resume(@PathVariable Long projectId, @PathVariable long runId, RedirectAttributes redirect) {
        return act(projectId, runId, "resume", redirect);
    }

    @PostMapping("/projects/{projectId}/runs/{runId}/cancel")
    String cancel(@PathVariable Long projectId, @PathVariable long runId, RedirectAttributes redirect) {
        return act(projectId, runId, "cancel", redirect);
    }

    @PostMapping("/projects/{projectId}/runs/{runId}/undo")
    String undo(@PathVariable Long projectId, @PathVariable long runId, RedirectAttributes redirect) {
        return act(projectId, runId, "undo", redirect);
    }

    private String act(Long projectId, long runId, String action, RedirectAttributes redirect) {
        this.access.require(projectId, ProjectRole.ANALYST);
        run(projectId, runId);
        try {
            Run run = switch (action) {
                case "pause" -> this.runs.pause(runId);
                case "resume" -> this.runs.resume(runId);
                case "undo" -> this.runs.undo(runId);
                default -> this.runs.cancel(runId);
            };
            redirect.addFlashAttribute("flash", "Run " + runId + ": " + run.message());
        }
        catch (InvalidInputException ex) {
            redirect.addFlashAttribute("flashError", ex.getMessage());
        }
        return "redirect:/projects/" + projectId + "/runs/" + runId;
    }

    @GetMapping("/projects/{projectId}/runs/{runId}/ledger")
    String ledger(@PathVariable Long projectId, @PathVariable long runId,
            @RequestParam(required = false) String outcome, @RequestParam(required = false) String object,
            @RequestParam(defaultValue = "0") int page, Model model) {
        this.workspace.fill(projectId, model, "runs");
        Run run = run(projectId, runId);
        Outcome wanted = RunApiController.outcome(outcome);
        long total = this.store.ledgerCount(runId, wanted, object);
        int pages = (int) Math.max(1, (total + PAGE - 1) / PAGE);
        int current = Math.max(0, Math.min(page, pages - 1));
        model.addAttribute("run", run);
        model.addAttribute("entries", this.store.ledgerPage(runId, wanted, object, current * PAGE, PAGE));
        model.addAttribute("total", total);
        model.addAttribute("page", current);
        model.addAttribute("pages", pages);
        model.addAttribute("outcome", (wanted != null) ? wanted.name() : "");
        model.addAttribute("object", (object != null) ? object : "");
        model.addAttribute("outcomeChoices", List.of(Outcome.values()));
        return "run/ledger";
    }

    @GetMapping("/projects/{projectId}/runs/{runId}/ledger.csv")
    void ledgerCsv(@PathVariable Long projectId, @PathVariable long runId,
            @RequestParam(required = false) String outcome, @RequestParam(required = false) String object,
            HttpServletResponse response) throws IOException {
        run(projectId, runId);
        Outcome wanted = RunApiController.outcome(outcome);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"run-" + runId + "-ledger.csv\"");
        try (java.util.stream.Stream<List<?>> rows = this.store.ledgerRows(runId, wanted, object)) {
            dev.switchyard.system.TableExport.csv(List.of("source_object", "target_object", "source_id", "outcome",
                    "target_id", "reason", "field", "value"), rows, response.getOutputStream());
        }
    }

    /**
     * @return the quarantined records of a finished run still not in its environment's
     * target, which a re-run would load; 0 for a run that cannot be re-run
     */
    private long rerunWaiting(Run run) {
        return (RunService.RERUNNABLE.contains(run.status()) && run.quarantined() > 0)
                ? this.store.quarantinedWaiting(run.id(), run.environmentId()) : 0;
    }

    private Run run(Long projectId, long runId) {
        Run run = this.runs.get(runId);
        if (run.projectId() != projectId) {
            throw NotFoundException.of("Run", runId);
        }
        return run;
    }

    private static BigDecimal decimal(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.trim());
        }
        catch (NumberFormatException ex) {
            throw new InvalidInputException(field, "The error threshold is a percentage, not '" + text + "'");
        }
    }

    private static Integer integer(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.trim());
        }
        catch (NumberFormatException ex) {
            throw new InvalidInputException("recordsPerSecond", "The throttle is a whole number, not '" + text + "'");
        }
    }

}
