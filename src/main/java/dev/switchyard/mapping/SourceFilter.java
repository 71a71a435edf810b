package dev.switchyard.mapping;

import java.util.List;

import dev.switchyard.scope.rule.Condition;
import dev.switchyard.scope.rule.Match;

/**
 * Which source records an object mapping takes, in the same conditions as the scope's
 * record rules (so one rule language serves both), e.g. Leads whose {@code IsConverted}
 * is false.
 *
 * @param match whether all or any condition must hold (ALL when not given)
 * @param conditions the conditions
 */
public record SourceFilter(Match match, List<Condition> conditions) {

    public SourceFilter {
        match = (match != null) ? match : Match.ALL;
        conditions = (conditions != null) ? List.copyOf(conditions) : List.of();
    }

}
