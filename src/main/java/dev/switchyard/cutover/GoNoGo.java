package dev.switchyard.cutover;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.switchyard.admin.CurrentUser;
import dev.switchyard.audit.AuditLog;
import dev.switchyard.project.ProjectRole;
import dev.switchyard.run.Run;
import dev.switchyard.run.RunService;
import dev.switchyard.system.ConflictException;
import dev.switchyard.system.InvalidInputException;
import dev.switchyard.validation.Validation;
import dev.switchyard.validation.ValidationService;
import dev.switchyard.validation.Verdict;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * The go/no-go of an execution: the gates agreed beforehand evaluated from the run the
 * execution launched and that run's latest validation, the named votes of stakeholders
 * and testers (with comments, audited), and the decision, which a stakeholder records; a
 * go decision while a gate fails needs an explicit waiver with a reason (audited).
 */
@Service
public class GoNoGo {

    private final JdbcTemplate jdbc;

    private final CutoverExecutions executions;

    private final RunService runs;

    private final ValidationService validations;

    private final ProjectPeople people;

    private final AuditLog audit;

    GoNoGo(JdbcTemplate jdbc, CutoverExecutions executions, RunService runs, ValidationService validations,
            ProjectPeople people, AuditLog audit) {
        this.people = people;
        this.jdbc = jdbc;
        this.executions = executions;
        this.runs = runs;
        this.validations = validations;
        this.audit = audit;
    }

    /**
     * @param projectId the project
     * @return the gates agreed, by kind
     */
    public Map<GateKind, BigDecimal> gates(long projectId) {
        Map<GateKind, BigDecimal> gates = new EnumMap<>(GateKind.class);
        this.jdbc.query("select kind, threshold from cutover_gate where project_id = ?", (java.sql.ResultSet rs) -> {
            gates.put(GateKind.valueOf(rs.getString(1)), rs.getBigDecimal(2));
        }, projectId);
        return gates;
    }

    /**
     * Agrees the gates: a threshold per kind, or null to drop that gate.
     * @param projectId the project
     * @param thresholds the thresholds
     */
    public void setGates(long projectId, Map<GateKind, BigDecimal> thresholds) {
        for (Map.Entry<GateKind, BigDecimal> entry : thresholds.entrySet()) {
            BigDecimal value = entry.getValue();
            String field = entry.getKey().name().toLowerCase(Locale.ROOT);
            if (value != null && entry.getKey() == GateKind.VALIDATION_VERDICT && value.signum() != 0
                    && value.compareTo(BigDecimal.ONE) != 0) {
                throw new InvalidInputException(field, "The validation verdict gate is 0 (pass) or 1 (pass or warn)");
            }
            if (value != null && (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(100)) > 0)) {
                throw new InvalidInputException(field,
                        "The " + entry.getKey().label().toLowerCase(Locale.ROOT) + " is a percentage from 0 to 100");
            }
        }
        String user = CurrentUser.require().getUsername();
        List<String> summary = new ArrayList<>();
        for (Map.Entry<GateKind, BigDecimal> entry : thresholds.entrySet()) {
            this.jdbc.update("delete from cutover_gate where project_id = ? and kind = ?", projectId,
                    entry.getKey().name());
            if (entry.getValue() != null) {
                this.jdbc.update(
                        "insert into cutover_gate (project_id, kind, threshold, updated_by) values (?, ?, ?, ?)",
                        projectId, entry.getKey().name(), entry.getValue(), user);
                summary.add(entry.getKey().label() + ": " + entry.getKey().rule(entry.getValue()));
            }
        }
        this.audit.record(projectId, "Cutover gates", projectId, "agreed",
                summary.isEmpty() ? "no gates" : String.join("; ", summary));
    }

    /**
     * @param projectId the project
     * @param execution an execution
     * @return each gate agreed, evaluated now
     */
    public List<GateResult> evaluate(long projectId, Execution execution) {
        Map<GateKind, BigDecimal> gates = gates(projectId);
        Optional<Run> run = this.executions.latestRun(projectId, execution).map(this.runs::get);
        Optional<Validation> validation = run.flatMap((r) -> this.validations.latestFinished(r.id()));
        List<GateResult> results = new ArrayList<>();
        for (Map.Entry<GateKind, BigDecimal> gate : gates.entrySet()) {
            results.add(evaluate(gate.getKey(), gate.getValue(), run, validation));
        }
        return results;
    }

    static GateResult evaluate(GateKind kind, BigDecimal threshold, Optional<Run> run,
            Optional<Validation> validation) {
        String rule = kind.rule(threshold);
        switch (kind) {
            case QUARANTINE_RATE -> {
                if (run.isEmpty()) {
                    return new GateResult(kind, rule, false, "no run was launched by this execution");
                }
                long processed = run.get().processed();
                BigDecimal rate = percent(run.get().quarantined(), processed);
                return new GateResult(kind, rule, rate.compareTo(threshold) <= 0, rate.toPlainString() + " % ("
                        + run.get().quarantined() + " of " + processed + " records, run " + run.get().id() + ")");
            }
            case RECONCILIATION_VARIANCE -> {
                if (validation.isEmpty()) {
                    return new GateResult(kind, rule, false, "the run has no finished validation");
                }
                long inScope = 0;
                long unaccounted = 0;
                for (Validation.ObjectResult object : validation.get().objects()) {
                    inScope += object.inScope();
                    unaccounted += object.withoutOutcome() + object.missing();
                }
                BigDecimal rate = percent(unaccounted, inScope);
                return new GateResult(kind, rule, rate.compareTo(threshold) <= 0, rate.toPlainString() + " % ("
                        + unaccounted + " of " + inScope + " records, validation " + validation.get().id() + ")");
            }
            default -> {
                if (validation.isEmpty()) {
                    return new GateResult(kind, rule, false, "the run has no finished validation");
                }
                Verdict verdict = validation.get().verdict();
                boolean passed = verdict == Verdict.PASS || (threshold.signum() != 0 && verdict == Verdict.WARN);
                return new GateResult(kind, rule, passed,
                        verdict.label() + " (validation " + validation.get().id() + ")");
            }
        }
    }

    private static BigDecimal percent(long part, long whole) {
        if (whole == 0) {
            return BigDecimal.ZERO;
        }
        return BigDecimal.valueOf(part * 100.0 / whole).setScale(2, RoundingMode.HALF_UP);
    }

    /**
     * Records the signed-in member's vote as a stakeholder (or, without that role, as a
     * tester); a later vote replaces the earlier one.
     * @param projectId the project
     * @param executionId the execution
     * @param voteName go or no_go
     * @param comment why, required
     */
    public void vote(long projectId, long executionId, String voteName, String comment) {
        var user = CurrentUser.require();
        ProjectRole role;
        Set<ProjectRole> held = memberRoles(projectId);
        if (held.contains(ProjectRole.STAKEHOLDER)) {
            role = ProjectRole.STAKEHOLDER;
        }
        else if (held.contains(ProjectRole.TESTER)) {
            role = ProjectRole.TESTER;
        }
        else {
            throw new AccessDeniedException("Stakeholders and testers of this project vote");
        }
        Execution execution = this.executions.get(projectId, executionId);
        Decision vote = decision(voteName, "vote");
        String text = required(comment, "comment", "Say why, in a comment: the vote is part of the record");
        if (decision(projectId, executionId).isPresent()) {
            throw new ConflictException("vote", "The decision is recorded: votes are closed");
        }
        this.jdbc.update("delete from cutover_vote where execution_id = ? and user_id = ? and role = ?", executionId,
                user.getId(), role.name());
        this.jdbc.update("insert into cutover_vote (execution_id, user_id, role, vote, comment) values (?, ?, ?, ?, ?)",
                executionId, user.getId(), role.name(), vote.name(), text);
        this.audit.record(projectId, "Cutover", executionId, "voted",
                role.name().toLowerCase(Locale.ROOT) + " " + user.getUsername() + ": " + vote.label() + " on "
                        + execution.mode().label().toLowerCase(Locale.ROOT) + " " + executionId + ": " + text);
    }

    private Set<ProjectRole> memberRoles(long projectId) {
        ProjectPeople.Person person = this.people.of(projectId).get(CurrentUser.require().getId());
        return (person != null) ? person.roles() : Set.of();
    }

    /**
     * @param projectId the project
     * @param executionId the execution
     * @return its votes, oldest first
     */
    public List<Vote> votes(long projectId, long executionId) {
        Map<Long, ProjectPeople.Person> people = this.people.of(projectId);
        return this.jdbc.query(
                "select user_id, role, vote, comment, voted_at from cutover_vote where execution_id = ? order by voted_at",
                (rs, i) -> new Vote(name(people, rs.getLong(1)), ProjectRole.valueOf(rs.getString(2)),
                        Decision.valueOf(rs.getString(3)), rs.getString(4), rs.getTimestamp(5).toInstant()),
                executionId);
    }

    /**
     * Records the decision, as a stakeholder. Go while a gate fails needs a waiver with a
     * reason; no-go never does.
     * @param projectId the project
     * @param executionId the execution
     * @param decisionName go or no_go
     * @param comment why, optional
     * @param waiver the reason for going despite failing gates, or null
     * @return the decision
     */
    public Recorded decide(long projectId, long executionId, String decisionName, String comment, String waiver) {
        if (!memberRoles(projectId).contains(ProjectRole.STAKEHOLDER)) {
            throw new AccessDeniedException("Only a STAKEHOLDER of this project records the go/no-go decision");
        }
        Execution execution = this.executions.get(projectId, executionId);
        Decision decision = decision(decisionName, "decision");
        if (decision(projectId, executionId).isPresent()) {
            throw new ConflictException("decision", "The decision is already recorded");
        }
        List<GateResult> failing = evaluate(projectId, execution).stream().filter((g) -> !g.passed()).toList();
        String reason = (waiver != null && !waiver.isBlank()) ? waiver.strip() : null;
        String failures = failing.stream()
            .map((g) -> g.kind().label() + " (" + g.actual() + ")")
            .reduce((a, b) -> a + "; " + b)
            .orElse(null);
        if (decision == Decision.GO && !failing.isEmpty() && reason == null) {
            throw new ConflictException("waiver",
                    "A gate fails: " + failures + ". Go needs a stakeholder's waiver with a reason, or decide no-go");
        }
        if (reason != null && reason.length() > 2000) {
            throw new InvalidInputException("waiver", "The waiver's reason is at most 2,000 characters");
        }
        String text = (comment != null && !comment.isBlank()) ? comment.strip() : null;
        String user = CurrentUser.require().getUsername();
        boolean waived = decision == Decision.GO && !failing.isEmpty();
        this.jdbc.update("""
                insert into cutover_decision (execution_id, decision, decided_by, comment, waiver, failing_gates)
                values (?, ?, ?, ?, ?, ?)""", executionId, decision.name(), user, text, waived ? reason : null,
                failures);
        if (waived) {
            this.audit.record(projectId, "Cutover", executionId, "gates waived",
                    "Failing: " + failures + ". Reason: " + reason);
        }
        this.audit.record(projectId, "Cutover", executionId, "decided",
                decision.label() + " for " + execution.mode().label().toLowerCase(Locale.ROOT) + " " + executionId
                        + ((text != null) ? ": " + text : "") + (waived ? " (gates waived)" : ""));
        return decision(projectId, executionId).orElseThrow();
    }

    /**
     * @param projectId the project
     * @param executionId the execution
     * @return its decision, if recorded
     */
    public Optional<Recorded> decision(long projectId, long executionId) {
        return this.jdbc
            .query("select * from cutover_decision where execution_id = ?",
                    (rs, i) -> new Recorded(Decision.valueOf(rs.getString("decision")), rs.getString("decided_by"),
                            rs.getTimestamp("decided_at").toInstant(), rs.getString("comment"), rs.getString("waiver"),
                            rs.getString("failing_gates")),
                    executionId)
            .stream()
            .findFirst();
    }

    private static String name(Map<Long, ProjectPeople.Person> people, long userId) {
        ProjectPeople.Person person = people.get(userId);
        return (person != null) ? person.username() : "user " + userId;
    }

    private static Decision decision(String value, String field) {
        if (value != null) {
            for (Decision decision : Decision.values()) {
                if (decision.name().equalsIgnoreCase(value.strip().replace('-', '_'))) {
                    return decision;
                }
            }
        }
        throw new InvalidInputException(field, "Choose go or no-go");
    }

    private static String required(String value, String field, String message) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, message);
        }
        if (value.strip().length() > 2000) {
            throw new InvalidInputException(field, "At most 2,000 characters");
        }
        return value.strip();
    }

    /**
     * Go or no-go.
     */
    public enum Decision {

        /** Go. */
        GO("Go"),

        /** No-go. */
        NO_GO("No-go");

        private final String label;

        Decision(String label) {
            this.label = label;
        }

        /**
         * @return as people read it
         */
        public String label() {
            return this.label;
        }

    }

    /**
     * A gate evaluated.
     *
     * @param kind the gate
     * @param rule its rule, as agreed
     * @param passed whether it passes
     * @param actual what was measured
     */
    public record GateResult(GateKind kind, String rule, boolean passed, String actual) {
    }

    /**
     * A named vote.
     *
     * @param username who
     * @param role as stakeholder or tester
     * @param vote go or no-go
     * @param comment why
     * @param votedAt when
     */
    public record Vote(String username, ProjectRole role, Decision vote, String comment, Instant votedAt) {
    }

    /**
     * The recorded decision.
     *
     * @param decision go or no-go
     * @param decidedBy the stakeholder
     * @param decidedAt when
     * @param comment why, or null
     * @param waiver the reason for going despite failing gates, or null
     * @param failingGates the gates that failed when it was decided, or null
     */
    public record Recorded(Decision decision, String decidedBy, Instant decidedAt, String comment, String waiver,
            String failingGates) {
    }

}
