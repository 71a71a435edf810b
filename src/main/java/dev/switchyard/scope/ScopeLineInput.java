package dev.switchyard.scope;

import java.util.List;
import java.util.Map;

/**
 * A line as a client sends it.
 *
 * @param object the source object
 * @param field a field of it, or null for the whole object
 * @param decision MIGRATE, ARCHIVE or EXCLUDE
 * @param rationale why
 * @param rules record rules (each {@code {"decision","match","conditions":[…]}}), or null
 */
public record ScopeLineInput(String object, String field, String decision, String rationale,
        List<Map<String, Object>> rules) {

    /**
     * @param line a stored line
     * @return it as input, unchanged
     */
    static ScopeLineInput of(ScopeLine line) {
        return new ScopeLineInput(line.getObject(), line.getField(), line.getDecision().name(), line.getRationale(),
                line.getRules());
    }

}
