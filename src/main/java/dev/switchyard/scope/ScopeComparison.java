package dev.switchyard.scope;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import dev.switchyard.scope.rule.RecordRule;

/**
 * What changed between two scope versions, line by line: the decision, the rationale and
 * each record rule (added, removed or changed, and whether their order changed — the
 * first matching rule decides a record).
 */
final class ScopeComparison {

    private ScopeComparison() {
    }

    /**
     * One line in either version.
     *
     * @param object the object
     * @param field the field, or null
     * @param change ADDED, REMOVED, CHANGED or SAME
     * @param before the line in the older version, or null
     * @param after the line in the newer version, or null
     * @param rules what happened to its record rules; rules kept as they are are left out
     * @param reordered whether rules kept as they are changed their order
     */
    record Row(String object, String field, String change, ScopeLine before, ScopeLine after, List<RuleChange> rules,
            boolean reordered) {
    }

    /**
     * A record rule added, removed or changed between the versions of a line.
     *
     * @param change ADDED, REMOVED or CHANGED
     * @param before the rule in words in the older version, or null when added
     * @param after the rule in words in the newer version, or null when removed
     */
    record RuleChange(String change, String before, String after) {
    }

    /**
     * @param from the older version
     * @param to the newer version
     * @param rules reads a line's stored rules
     * @return every line of both, the newer version's order first, then the removed ones
     */
    static List<Row> compare(ScopeVersion from, ScopeVersion to,
            Function<List<Map<String, Object>>, List<RecordRule>> rules) {
        Map<String, ScopeLine> before = index(from);
        Map<String, ScopeLine> after = index(to);
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, ScopeLine> entry : after.entrySet()) {
            ScopeLine old = before.get(entry.getKey());
            ScopeLine line = entry.getValue();
            List<RecordRule> oldRules = (old != null) ? rules.apply(old.getRules()) : List.of();
            List<RecordRule> newRules = rules.apply(line.getRules());
            List<RuleChange> changes = new ArrayList<>();
            boolean reordered = diff(oldRules, newRules, changes);
            String change = (old == null) ? "ADDED"
                    : (same(old, line) && oldRules.equals(newRules)) ? "SAME" : "CHANGED";
            rows.add(new Row(line.getObject(), line.getField(), change, old, line, changes, reordered));
        }
        for (Map.Entry<String, ScopeLine> entry : before.entrySet()) {
            if (!after.containsKey(entry.getKey())) {
                ScopeLine old = entry.getValue();
                List<RuleChange> changes = new ArrayList<>();
                diff(rules.apply(old.getRules()), List.of(), changes);
                rows.add(new Row(old.getObject(), old.getField(), "REMOVED", old, null, changes, false));
            }
        }
        return rows;
    }

    /**
     * Compares two ordered rule lists: equal rules are kept (and their order compared);
     * the rest are paired in order as changed rules, and what is left over is added or
     * removed.
     * @return whether kept rules changed their order
     */
    static boolean diff(List<RecordRule> before, List<RecordRule> after, List<RuleChange> changes) {
        boolean[] kept = new boolean[before.size()];
        List<RecordRule> added = new ArrayList<>();
        int lastKept = -1;
        boolean reordered = false;
        for (RecordRule rule : after) {
            int match = -1;
            for (int i = 0; i < before.size() && match < 0; i++) {
                if (!kept[i] && before.get(i).equals(rule)) {
                    match = i;
                }
            }
            if (match < 0) {
                added.add(rule);
            }
            else {
                kept[match] = true;
                reordered |= match < lastKept;
                lastKept = match;
            }
        }
        List<RecordRule> removed = new ArrayList<>();
        for (int i = 0; i < before.size(); i++) {
            if (!kept[i]) {
                removed.add(before.get(i));
            }
        }
        int paired = Math.min(added.size(), removed.size());
        for (int i = 0; i < paired; i++) {
            changes
                .add(new RuleChange("CHANGED", ScopeViews.describe(removed.get(i)), ScopeViews.describe(added.get(i))));
        }
        for (RecordRule rule : removed.subList(paired, removed.size())) {
            changes.add(new RuleChange("REMOVED", ScopeViews.describe(rule), null));
        }
        for (RecordRule rule : added.subList(paired, added.size())) {
            changes.add(new RuleChange("ADDED", null, ScopeViews.describe(rule)));
        }
        return reordered;
    }

    private static boolean same(ScopeLine a, ScopeLine b) {
        return a.getDecision() == b.getDecision() && Objects.equals(a.getRationale(), b.getRationale());
    }

    private static Map<String, ScopeLine> index(ScopeVersion version) {
        Map<String, ScopeLine> lines = new LinkedHashMap<>();
        for (ScopeLine line : version.getLines()) {
            lines.put(line.getObject().toLowerCase(Locale.ROOT) + "."
                    + ((line.getField() != null) ? line.getField().toLowerCase(Locale.ROOT) : ""), line);
        }
        return lines;
    }

}
