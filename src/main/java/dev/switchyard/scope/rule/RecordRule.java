package dev.switchyard.scope.rule;

import java.util.List;

import dev.switchyard.scope.Decision;

/**
 * A record rule of a scope line: the decision for the records its conditions match. A
 * line's rules are tried in order; the first that matches decides, else the line's
 * default.
 *
 * @param decision the decision for the records it matches
 * @param match whether all or any of the conditions must hold ({@link Match#ALL} when not
 * given)
 * @param conditions its conditions, in order
 */
public record RecordRule(Decision decision, Match match, List<Condition> conditions) {

    public RecordRule {
        match = (match != null) ? match : Match.ALL;
        conditions = (conditions != null) ? List.copyOf(conditions) : List.of();
    }

}
