package dev.switchyard.scope;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.switchyard.dictionary.DictionaryObject;
import dev.switchyard.dictionary.DictionaryStore;
import dev.switchyard.scope.rule.CompiledRule;
import dev.switchyard.scope.rule.RecordRule;
import dev.switchyard.scope.rule.RuleCompiler;
import dev.switchyard.scope.rule.RuleException;
import dev.switchyard.scope.rule.RuleProblem;
import dev.switchyard.scope.rule.RuleValidator;
import dev.switchyard.scope.rule.ScopeCounter;
import dev.switchyard.staging.Snapshot;
import dev.switchyard.staging.SnapshotLifecycle;

import org.springframework.stereotype.Component;

/**
 * What a change of scope does to the records, object by object: each record of the latest
 * extraction decided by the older version's line and by the newer one's (an object a
 * version does not name is excluded, as runs do), counted per pair of decisions — how
 * many records move between migrate, archive and exclude.
 */
@Component
class ScopeMoves {

    private final SnapshotLifecycle snapshots;

    private final DictionaryStore dictionary;

    private final ScopeCounter counter;

    private final ScopeViews views;

    ScopeMoves(SnapshotLifecycle snapshots, DictionaryStore dictionary, ScopeCounter counter, ScopeViews views) {
        this.snapshots = snapshots;
        this.dictionary = dictionary;
        this.counter = counter;
        this.views = views;
    }

    /**
     * The records of one object under both versions.
     *
     * @param object the object
     * @param before records per decision under the older version, or null when not
     * counted
     * @param after records per decision under the newer version, or null when not counted
     * @param moves records whose decision changes, per pair (older → newer) with records
     * @param problem why the records could not be counted, or null
     */
    record ObjectMoves(String object, Map<Decision, Long> before, Map<Decision, Long> after, List<Move> moves,
            String problem) {

        /**
         * @return the records whose decision changes
         */
        public long moved() {
            return this.moves.stream().mapToLong(Move::records).sum();
        }

    }

    /**
     * Records going from one decision to another.
     *
     * @param from the older version's decision
     * @param to the newer version's decision
     * @param records how many
     */
    record Move(Decision from, Decision to, long records) {
    }

    /**
     * @param projectId the project
     * @return the extraction the moves are counted on, if any
     */
    Optional<Snapshot> snapshot(Long projectId) {
        return this.snapshots.latestUsable(projectId);
    }

    /**
     * @param from the older version
     * @param to the newer version
     * @return per object either version names, in the newer version's order, then the
     * objects only the older one names; empty without a completed extraction
     */
    List<ObjectMoves> compare(ScopeVersion from, ScopeVersion to) {
        Optional<Snapshot> snapshot = snapshot(to.getProjectId());
        if (snapshot.isEmpty()) {
            return List.of();
        }
        List<DictionaryObject> objects = this.dictionary.forSnapshot(snapshot.get().getId());
        Map<String, ScopeLine> before = objectLines(from);
        Map<String, ScopeLine> after = objectLines(to);
        Map<String, String> names = new LinkedHashMap<>();
        after.forEach((key, line) -> names.put(key, line.getObject()));
        before.forEach((key, line) -> names.putIfAbsent(key, line.getObject()));
        List<ObjectMoves> result = new ArrayList<>();
        for (Map.Entry<String, String> name : names.entrySet()) {
            result.add(moves(snapshot.get().getId(), objects, name.getValue(), before.get(name.getKey()),
                    after.get(name.getKey())));
        }
        return result;
    }

    private ObjectMoves moves(long snapshotId, List<DictionaryObject> objects, String name, ScopeLine before,
            ScopeLine after) {
        DictionaryObject object = objects.stream()
            .filter((o) -> o.name().equalsIgnoreCase(name))
            .findFirst()
            .orElse(null);
        if (object == null) {
            return new ObjectMoves(name, null, null, List.of(), "The latest extraction has no object " + name);
        }
        List<String> problems = new ArrayList<>();
        CompiledRule older = decision(before, object, objects, problems, "older");
        CompiledRule newer = decision(after, object, objects, problems, "newer");
        if (!problems.isEmpty()) {
            return new ObjectMoves(name, null, null, List.of(), String.join("; ", problems));
        }
        Map<Decision, Map<Decision, Long>> counted = this.counter.moves(snapshotId, object.name(), older, newer);
        Map<Decision, Long> was = totals();
        Map<Decision, Long> is = totals();
        List<Move> moves = new ArrayList<>();
        counted.forEach((from, row) -> row.forEach((to, records) -> {
            was.merge(from, records, Long::sum);
            is.merge(to, records, Long::sum);
            if (from != to) {
                moves.add(new Move(from, to, records));
            }
        }));
        moves.sort((a, b) -> Long.compare(b.records(), a.records()));
        return new ObjectMoves(name, was, is, moves, null);
    }

    /**
     * The decision a line gives each record, as runs compute it; a missing line excludes.
     */
    private CompiledRule decision(ScopeLine line, DictionaryObject object, List<DictionaryObject> objects,
            List<String> problems, String which) {
        if (line == null) {
            return new CompiledRule("'" + Decision.EXCLUDE.name() + "'", List.of());
        }
        List<RecordRule> rules = this.views.rules(line.getRules());
        for (RuleProblem problem : RuleValidator.validate(object.name(), rules, objects)) {
            problems.add("the " + which + " version: " + problem.message());
        }
        if (!problems.isEmpty()) {
            return null;
        }
        try {
            return RuleCompiler.decision(line.getDecision(), rules, RuleCompiler.types(object));
        }
        catch (RuleException ex) {
            problems.add("the " + which + " version: " + ex.getMessage());
            return null;
        }
    }

    private static Map<Decision, Long> totals() {
        Map<Decision, Long> totals = new EnumMap<>(Decision.class);
        for (Decision decision : Decision.values()) {
            totals.put(decision, 0L);
        }
        return totals;
    }

    private static Map<String, ScopeLine> objectLines(ScopeVersion version) {
        Map<String, ScopeLine> lines = new LinkedHashMap<>();
        for (ScopeLine line : version.getLines()) {
            if (line.getField() == null) {
                lines.put(line.getObject().toLowerCase(Locale.ROOT), line);
            }
        }
        return lines;
    }

}
