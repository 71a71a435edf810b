package dev.switchyard.cutover;

import java.util.List;

import org.springframework.ui.Model;

/**
 * Puts an execution's go/no-go (gates evaluated, votes, decision) in a page's model.
 */
final class GoNoGoModel {

    private GoNoGoModel() {
    }

    static void fill(Model model, GoNoGo goNoGo, long projectId, Execution execution) {
        List<GoNoGo.GateResult> gates = goNoGo.evaluate(projectId, execution);
        model.addAttribute("gates", gates);
        model.addAttribute("gatesFail", gates.stream().anyMatch((g) -> !g.passed()));
        model.addAttribute("votes", goNoGo.votes(projectId, execution.id()));
        model.addAttribute("decision", goNoGo.decision(projectId, execution.id()).orElse(null));
    }

}
