package dev.switchyard.scope;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What changed between two scope versions, line by line.
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
     */
    record Row(String object, String field, String change, ScopeLine before, ScopeLine after) {
    }

    static List<Row> compare(ScopeVersion from, ScopeVersion to) {
        Map<String, ScopeLine> before = index(from);
        Map<String, ScopeLine> after = index(to);
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, ScopeLine> entry : after.entrySet()) {
            ScopeLine old = before.get(entry.getKey());
            ScopeLine line = entry.getValue();
            String change = (old == null) ? "ADDED" : same(old, line) ? "SAME" : "CHANGED";
            rows.add(new Row(line.getObject(), line.getField(), change, old, line));
        }
        for (Map.Entry<String, ScopeLine> entry : before.entrySet()) {
            if (!after.containsKey(entry.getKey())) {
                ScopeLine old = entry.getValue();
                rows.add(new Row(old.getObject(), old.getField(), "REMOVED", old, null));
            }
        }
        return rows;
    }

    private static boolean same(ScopeLine a, ScopeLine b) {
        return a.getDecision() == b.getDecision() && Objects.equals(a.getRationale(), b.getRationale())
                && Objects.equals(a.getRules(), b.getRules());
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
