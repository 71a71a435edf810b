package dev.switchyard.cutover;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

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
 * The go/no-go in the cutover tab: the gates agreed on the plan page, votes and the
 * decision on an execution's page, and the printable go/no-go record.
 */
@Controller
class GoNoGoController {

    private final GoNoGo goNoGo;

    private final CutoverExecutions executions;

    private final CutoverPlan plan;

    private final ProjectAccess access;

    private final WorkspaceModel workspace;

    GoNoGoController(GoNoGo goNoGo, CutoverExecutions executions, CutoverPlan plan, ProjectAccess access,
            WorkspaceModel workspace) {
        this.goNoGo = goNoGo;
        this.executions = executions;
        this.plan = plan;
        this.access = access;
        this.workspace = workspace;
    }

    @PostMapping("/projects/{projectId}/cutover/gates")
    String gates(@PathVariable Long projectId, @RequestParam(required = false) String reconciliationVariance,
            @RequestParam(required = false) String quarantineRate,
            @RequestParam(required = false) String validationVerdict, RedirectAttributes redirect) {
        this.access.require(projectId, ProjectRole.ANALYST, ProjectRole.STAKEHOLDER);
        try {
            Map<GateKind, BigDecimal> gates = new EnumMap<>(GateKind.class);
            gates.put(GateKind.RECONCILIATION_VARIANCE, decimal(reconciliationVariance, "reconciliation_variance"));
            gates.put(GateKind.QUARANTINE_RATE, decimal(quarantineRate, "quarantine_rate"));
            gates.put(GateKind.VALIDATION_VERDICT, decimal(validationVerdict, "validation_verdict"));
            this.goNoGo.setGates(projectId, gates);
            redirect.addFlashAttribute("flash", "Go/no-go gates saved.");
        }
        catch (InvalidInputException ex) {
            redirect.addFlashAttribute("flashError", ex.getMessage());
        }
        return "redirect:/projects/" + projectId + "/cutover";
    }

    @PostMapping("/projects/{projectId}/cutover/executions/{executionId}/votes")
    String vote(@PathVariable Long projectId, @PathVariable Long executionId,
            @RequestParam(required = false) String vote, @RequestParam(required = false) String comment,
            RedirectAttributes redirect) {
        try {
            this.goNoGo.vote(projectId, executionId, vote, comment);
            redirect.addFlashAttribute("flash", "Your vote is recorded.");
        }
        catch (InvalidInputException ex) {
            redirect.addFlashAttribute("flashError", ex.getMessage());
        }
        return "redirect:/projects/" + projectId + "/cutover/executions/" + executionId + "#go-no-go";
    }

    @PostMapping("/projects/{projectId}/cutover/executions/{executionId}/decision")
    String decide(@PathVariable Long projectId, @PathVariable Long executionId,
            @RequestParam(required = false) String decision, @RequestParam(required = false) String comment,
            @RequestParam(required = false) String waiver, RedirectAttributes redirect) {
        this.access.require(projectId, ProjectRole.STAKEHOLDER);
        try {
            GoNoGo.Recorded recorded = this.goNoGo.decide(projectId, executionId, decision, comment, waiver);
            redirect.addFlashAttribute("flash", "Decision recorded: " + recorded.decision().label() + ".");
        }
        catch (InvalidInputException ex) {
            redirect.addFlashAttribute("flashError", ex.getMessage());
        }
        return "redirect:/projects/" + projectId + "/cutover/executions/" + executionId + "#go-no-go";
    }

    @GetMapping("/projects/{projectId}/cutover/executions/{executionId}/record")
    String record(@PathVariable Long projectId, @PathVariable Long executionId, Model model) {
        this.workspace.fill(projectId, model, "cutover");
        Execution execution = this.executions.get(projectId, executionId);
        model.addAttribute("execution", execution);
        model.addAttribute("tasks", this.plan.tasks(projectId));
        GoNoGoModel.fill(model, this.goNoGo, projectId, execution);
        return "cutover/record";
    }

    private static BigDecimal decimal(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.strip().replace(',', '.'));
        }
        catch (NumberFormatException ex) {
            throw new InvalidInputException(field, "'" + value.strip() + "' is not a number");
        }
    }

}
