package dev.switchyard.cutover;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import dev.switchyard.project.ProjectAccess;
import dev.switchyard.project.ProjectRole;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The go/no-go in the automation API: gates, evaluation, votes and the decision.
 */
@RestController
@Tag(name = "Cutover", description = "The cutover plan: tasks in streams with owners, durations, dependencies and "
        + "actions; the template")
class GoNoGoApiController {

    private final GoNoGo goNoGo;

    private final CutoverExecutions executions;

    private final ProjectAccess access;

    GoNoGoApiController(GoNoGo goNoGo, CutoverExecutions executions, ProjectAccess access) {
        this.goNoGo = goNoGo;
        this.executions = executions;
        this.access = access;
    }

    /**
     * The gates agreed.
     *
     * @param reconciliationVariance the most in-scope records unaccounted for (percent),
     * or null for no gate
     * @param quarantineRate the most records quarantined (percent), or null
     * @param validationVerdict 0 (must pass) or 1 (pass or warn), or null
     */
    record GatesJson(BigDecimal reconciliationVariance, BigDecimal quarantineRate, BigDecimal validationVerdict) {
    }

    /**
     * A vote.
     *
     * @param vote go or no_go
     * @param comment why (required)
     */
    record VoteRequest(String vote, String comment) {
    }

    /**
     * A decision.
     *
     * @param decision go or no_go
     * @param comment why (optional)
     * @param waiver the reason for going despite failing gates (required then)
     */
    record DecisionRequest(String decision, String comment, String waiver) {
    }

    /**
     * An execution's go/no-go.
     *
     * @param gates each gate agreed, evaluated now
     * @param votes the named votes
     * @param decision the decision, or null
     */
    record GoNoGoJson(List<GoNoGo.GateResult> gates, List<GoNoGo.Vote> votes, GoNoGo.Recorded decision) {
    }

    @GetMapping("/api/v1/projects/{projectId}/cutover/gates")
    @Operation(summary = "The go/no-go gates agreed")
    GatesJson gates(@PathVariable Long projectId) {
        Map<GateKind, BigDecimal> gates = this.goNoGo.gates(projectId);
        return new GatesJson(gates.get(GateKind.RECONCILIATION_VARIANCE), gates.get(GateKind.QUARANTINE_RATE),
                gates.get(GateKind.VALIDATION_VERDICT));
    }

    @PutMapping("/api/v1/projects/{projectId}/cutover/gates")
    @Operation(summary = "Agree the go/no-go gates (analysts and stakeholders)",
            description = "Body {\"reconciliationVariance\": percent, \"quarantineRate\": percent, "
                    + "\"validationVerdict\": 0|1}; a gate left out or null is dropped. 422 for a percentage out of "
                    + "0–100 or a verdict other than 0 or 1.")
    GatesJson setGates(@PathVariable Long projectId, @RequestBody(required = false) GatesJson request) {
        this.access.require(projectId, ProjectRole.ANALYST, ProjectRole.STAKEHOLDER);
        GatesJson body = (request != null) ? request : new GatesJson(null, null, null);
        Map<GateKind, BigDecimal> gates = new EnumMap<>(GateKind.class);
        gates.put(GateKind.RECONCILIATION_VARIANCE, body.reconciliationVariance());
        gates.put(GateKind.QUARANTINE_RATE, body.quarantineRate());
        gates.put(GateKind.VALIDATION_VERDICT, body.validationVerdict());
        this.goNoGo.setGates(projectId, gates);
        return gates(projectId);
    }

    @GetMapping("/api/v1/projects/{projectId}/cutover/executions/{executionId}/go-no-go")
    @Operation(summary = "An execution's gates evaluated now, its votes and its decision")
    GoNoGoJson goNoGo(@PathVariable Long projectId, @PathVariable Long executionId) {
        Execution execution = this.executions.get(projectId, executionId);
        return new GoNoGoJson(this.goNoGo.evaluate(projectId, execution), this.goNoGo.votes(projectId, executionId),
                this.goNoGo.decision(projectId, executionId).orElse(null));
    }

    @PostMapping("/api/v1/projects/{projectId}/cutover/executions/{executionId}/votes")
    @Operation(summary = "Vote go or no-go with a comment (stakeholders and testers; audited)",
            description = "Body {\"vote\": \"go\"|\"no_go\", \"comment\": \"…\"}. A later vote replaces the "
                    + "member's earlier one. 403 for members who are neither; 409 once decided.")
    GoNoGoJson vote(@PathVariable Long projectId, @PathVariable Long executionId,
            @RequestBody(required = false) VoteRequest request) {
        VoteRequest body = (request != null) ? request : new VoteRequest(null, null);
        this.goNoGo.vote(projectId, executionId, body.vote(), body.comment());
        return goNoGo(projectId, executionId);
    }

    @PostMapping("/api/v1/projects/{projectId}/cutover/executions/{executionId}/decision")
    @Operation(summary = "Record the go/no-go decision (a stakeholder; audited)",
            description = "Body {\"decision\": \"go\"|\"no_go\", \"comment\": \"…\", \"waiver\": \"…\"}. 409 for "
                    + "go while a gate fails without a waiver (naming the failing gates), or when already decided.")
    GoNoGoJson decide(@PathVariable Long projectId, @PathVariable Long executionId,
            @RequestBody(required = false) DecisionRequest request) {
        this.access.require(projectId, ProjectRole.STAKEHOLDER);
        DecisionRequest body = (request != null) ? request : new DecisionRequest(null, null, null);
        this.goNoGo.decide(projectId, executionId, body.decision(), body.comment(), body.waiver());
        return goNoGo(projectId, executionId);
    }

}
