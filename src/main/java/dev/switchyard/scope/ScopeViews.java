package dev.switchyard.scope;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * What a scope line means in records: counts per decision on the latest snapshot, and the
 * problems of its rules.
 */
@Component
class ScopeViews {

    /**
     * A line with its consequences.
     *
     * @param line the line
     * @param records records per decision, or null when there is no snapshot
     * @param problems what is wrong with its rules
     */
    record LineView(ScopeLine line, Map<String, Long> records, List<String> problems) {
    }

    /**
     * @param rules stored rules
     * @return them in words, one per line, for exports and the page
     */
    static String describe(List<Map<String, Object>> rules) {
        List<String> lines = new ArrayList<>();
        for (Map<String, Object> rule : rules) {
            lines.add(String.valueOf(rule.get("conditions")) + " → " + rule.get("decision"));
        }
        return String.join("\n", lines);
    }

    List<LineView> lines(ScopeVersion version) {
        List<LineView> views = new ArrayList<>();
        for (ScopeLine line : version.getLines()) {
            views.add(new LineView(line, null, List.of()));
        }
        return views;
    }

}
