package dev.switchyard.scope;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.switchyard.dictionary.DictionaryObject;
import dev.switchyard.dictionary.DictionaryStore;
import dev.switchyard.scope.rule.Condition;
import dev.switchyard.scope.rule.RecordRule;
import dev.switchyard.scope.rule.RuleCompiler;
import dev.switchyard.scope.rule.RuleProblem;
import dev.switchyard.scope.rule.RuleValidator;
import dev.switchyard.scope.rule.ScopeCounter;
import dev.switchyard.staging.Snapshot;
import dev.switchyard.staging.SnapshotLifecycle;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * What a scope line means in records: its record rules read and checked against the
 * latest snapshot's dictionary, and its records counted per decision in that snapshot.
 */
@Component
public class ScopeViews {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final SnapshotLifecycle snapshots;

    private final DictionaryStore dictionary;

    private final ScopeCounter counter;

    private final JsonMapper json;

    ScopeViews(SnapshotLifecycle snapshots, DictionaryStore dictionary, ScopeCounter counter, JsonMapper json) {
        this.snapshots = snapshots;
        this.dictionary = dictionary;
        this.counter = counter;
        this.json = json;
    }

    /**
     * A line with its consequences.
     *
     * @param line the line
     * @param rules its record rules
     * @param records records per decision in the latest snapshot, or null when there is
     * none or the rules cannot be evaluated
     * @param problems what is wrong with its rules, one message each
     */
    public record LineView(ScopeLine line, List<RecordRule> rules, Map<String, Long> records, List<String> problems) {

        /**
         * @return the rules in words
         */
        public List<String> descriptions() {
            return this.rules.stream().map(ScopeViews::describe).toList();
        }

        /**
         * @param decision a decision
         * @return its share of the line's records in percent, or null without counts
         */
        public Long share(String decision) {
            if (this.records == null) {
                return null;
            }
            long total = this.records.values().stream().mapToLong(Long::longValue).sum();
            return (total == 0) ? 0L : Math.round(100.0 * this.records.getOrDefault(decision, 0L) / total);
        }

    }

    /**
     * @param version a scope version
     * @return its lines with rules, counts and problems
     */
    public List<LineView> lines(ScopeVersion version) {
        Optional<Snapshot> snapshot = this.snapshots.latestUsable(version.getProjectId());
        List<DictionaryObject> objects = snapshot.map((s) -> this.dictionary.forSnapshot(s.getId())).orElse(List.of());
        List<LineView> views = new ArrayList<>();
        for (ScopeLine line : version.getLines()) {
            List<RecordRule> rules = rules(line.getRules());
            List<String> problems = new ArrayList<>();
            Map<String, Long> records = null;
            if (snapshot.isPresent()) {
                for (RuleProblem problem : RuleValidator.validate(line.getObject(), rules, objects)) {
                    problems.add(problem.message());
                }
                DictionaryObject object = objects.stream()
                    .filter((o) -> o.name().equals(line.getObject()))
                    .findFirst()
                    .orElse(null);
                if (object == null && problems.isEmpty()) {
                    problems.add("The latest extraction has no object " + line.getObject());
                }
                if (problems.isEmpty() && line.getField() == null) {
                    Map<Decision, Long> counts = this.counter.count(snapshot.get().getId(), line.getObject(),
                            line.getDecision(), rules, RuleCompiler.types(object));
                    records = new LinkedHashMap<>();
                    for (Decision decision : Decision.values()) {
                        records.put(decision.name(), counts.getOrDefault(decision, 0L));
                    }
                }
            }
            views.add(new LineView(line, rules, records, problems));
        }
        return views;
    }

    /**
     * @param projectId a project
     * @return every "Object.Field" of its latest snapshot, for field lines
     */
    public List<String> fieldChoices(Long projectId) {
        return this.snapshots.latestUsable(projectId)
            .map((s) -> this.dictionary.forSnapshot(s.getId())
                .stream()
                .flatMap((o) -> o.fields().stream().map((f) -> o.name() + "." + f.name()))
                .toList())
            .orElse(List.of());
    }

    /**
     * @param stored rules as stored
     * @return them as rules
     * @throws dev.switchyard.system.InvalidInputException when they are not rules
     */
    public List<RecordRule> rules(List<Map<String, Object>> stored) {
        List<RecordRule> rules = new ArrayList<>();
        for (Map<String, Object> rule : stored) {
            try {
                rules.add(this.json.convertValue(rule, RecordRule.class));
            }
            catch (RuntimeException ex) {
                throw new dev.switchyard.system.InvalidInputException("rules",
                        "A record rule is not in the expected form {\"decision\",\"match\",\"conditions\":[{\"field\","
                                + "\"operator\",\"value\"}]}: " + ex.getMessage());
            }
        }
        return rules;
    }

    /**
     * @param rule a rule
     * @return it as stored (JSON object)
     */
    Map<String, Object> stored(RecordRule rule) {
        return this.json.convertValue(rule, MAP);
    }

    /**
     * @param rules rules
     * @return them in words, one per line
     */
    static String describe(List<RecordRule> rules) {
        List<String> lines = new ArrayList<>();
        for (RecordRule rule : rules) {
            lines.add(describe(rule));
        }
        return String.join("\n", lines);
    }

    /**
     * @param rule a rule
     * @return it in words, e.g. "IsClosed is true and CloseDate is less than 2019-01-01 →
     * ARCHIVE"
     */
    public static String describe(RecordRule rule) {
        List<String> parts = new ArrayList<>();
        for (Condition condition : rule.conditions()) {
            if (condition.operator() != null && condition.operator().relation()) {
                parts.add(condition.operator().label() + " " + condition.relatedObject() + " (via "
                        + condition.relatedObject() + "." + condition.relatedField() + ")");
            }
            else {
                parts.add(condition.field() + " "
                        + ((condition.operator() != null) ? condition.operator().label() : "?")
                        + ((condition.value() != null && !condition.value().isBlank()) ? " " + condition.value() : ""));
            }
        }
        String joiner = (rule.match() != null && rule.match().name().equals("ANY")) ? " or " : " and ";
        return String.join(joiner, parts) + " → " + rule.decision();
    }

}
