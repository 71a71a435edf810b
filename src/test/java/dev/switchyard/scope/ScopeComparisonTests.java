package dev.switchyard.scope;

import java.util.ArrayList;
import java.util.List;

import dev.switchyard.scope.rule.Condition;
import dev.switchyard.scope.rule.Match;
import dev.switchyard.scope.rule.Operator;
import dev.switchyard.scope.rule.RecordRule;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The record-rule diff of a scope comparison.
 */
class ScopeComparisonTests {

    static RecordRule rule(Decision decision, String field, Operator operator, String value) {
        return new RecordRule(decision, Match.ALL, List.of(new Condition(field, operator, value, null, null)));
    }

    static final RecordRule CLOSED = rule(Decision.ARCHIVE, "IsClosed", Operator.IS_TRUE, null);

    static final RecordRule PROSPECT = rule(Decision.EXCLUDE, "Type", Operator.EQUALS, "Prospect");

    static final RecordRule PARTNER = rule(Decision.EXCLUDE, "Type", Operator.EQUALS, "Partner");

    @Test
    void equalRulesAreKeptAndNotListed() {
        List<ScopeComparison.RuleChange> changes = new ArrayList<>();
        assertThat(ScopeComparison.diff(List.of(CLOSED, PROSPECT), List.of(CLOSED, PROSPECT), changes)).isFalse();
        assertThat(changes).isEmpty();
    }

    @Test
    void aRuleEditedInPlaceIsChangedWithBothWordings() {
        List<ScopeComparison.RuleChange> changes = new ArrayList<>();
        ScopeComparison.diff(List.of(CLOSED, PROSPECT), List.of(CLOSED, PARTNER), changes);
        assertThat(changes).containsExactly(new ScopeComparison.RuleChange("CHANGED", "Type equals Prospect → EXCLUDE",
                "Type equals Partner → EXCLUDE"));
    }

    @Test
    void rulesOnlyInOneVersionAreAddedOrRemoved() {
        List<ScopeComparison.RuleChange> changes = new ArrayList<>();
        ScopeComparison.diff(List.of(CLOSED), List.of(PROSPECT, CLOSED, PARTNER), changes);
        assertThat(changes).containsExactly(
                new ScopeComparison.RuleChange("ADDED", null, "Type equals Prospect → EXCLUDE"),
                new ScopeComparison.RuleChange("ADDED", null, "Type equals Partner → EXCLUDE"));
        changes.clear();
        ScopeComparison.diff(List.of(CLOSED, PROSPECT), List.of(), changes);
        assertThat(changes).extracting(ScopeComparison.RuleChange::change).containsExactly("REMOVED", "REMOVED");
    }

    @Test
    void keptRulesInAnotherOrderAreReportedAsReordered() {
        List<ScopeComparison.RuleChange> changes = new ArrayList<>();
        assertThat(ScopeComparison.diff(List.of(CLOSED, PROSPECT), List.of(PROSPECT, CLOSED), changes)).isTrue();
        assertThat(changes).isEmpty();
    }

}
