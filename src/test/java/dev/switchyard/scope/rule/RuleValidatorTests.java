package dev.switchyard.scope.rule;

import java.util.List;

import dev.switchyard.connector.FieldType;
import dev.switchyard.dictionary.DictionaryField;
import dev.switchyard.dictionary.DictionaryObject;
import dev.switchyard.scope.Decision;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Record rules checked against a snapshot's dictionary.
 */
class RuleValidatorTests {

    private static final List<DictionaryObject> DICTIONARY = List.of(
            object("Account", field("Id", FieldType.ID), field("Name", FieldType.TEXT)),
            object("Opportunity", field("Id", FieldType.ID), field("AccountId", FieldType.REFERENCE),
                    field("IsClosed", FieldType.BOOLEAN), field("Amount", FieldType.DECIMAL)));

    @Test
    void acceptsRulesWhoseFieldsAndObjectsExist() {
        RecordRule rule = new RecordRule(Decision.ARCHIVE, Match.ALL, List
            .of(Condition.of("IsClosed", Operator.IS_TRUE, null), Condition.of("Amount", Operator.LESS_THAN, "100")));
        RecordRule related = new RecordRule(Decision.ARCHIVE, Match.ALL,
                List.of(Condition.hasNoRelated("Opportunity", "AccountId")));
        assertThat(RuleValidator.validate("Opportunity", List.of(rule), DICTIONARY)).isEmpty();
        assertThat(RuleValidator.validate("Account", List.of(related), DICTIONARY)).isEmpty();
    }

    @Test
    void flagsAFieldThatNoLongerExistsAndSuggestsTheOneDifferingInCase() {
        RecordRule rule = new RecordRule(Decision.ARCHIVE, Match.ALL,
                List.of(Condition.of("IsClosed", Operator.IS_TRUE, null),
                        Condition.of("CloseDate", Operator.LESS_THAN, "2019-01-01")));
        RecordRule cased = new RecordRule(Decision.EXCLUDE, Match.ALL,
                List.of(Condition.of("amount", Operator.GREATER_THAN, "5")));
        assertThat(RuleValidator.validate("Opportunity", List.of(rule, cased), DICTIONARY)).containsExactly(
                new RuleProblem(1, 2, "Rule 1, condition 2: the field CloseDate no longer exists in Opportunity"),
                new RuleProblem(2, 1,
                        "Rule 2, condition 1: the field amount no longer exists in Opportunity (did you mean Amount?)"));
    }

    @Test
    void flagsARelatedObjectOrFieldThatNoLongerExists() {
        RecordRule rule = new RecordRule(Decision.ARCHIVE, Match.ANY,
                List.of(Condition.hasNoRelated("Case", "AccountId"), Condition.hasRelated("opportunity", "AccountId"),
                        Condition.hasRelated("Opportunity", "Account")));
        assertThat(RuleValidator.validate("Account", List.of(rule), DICTIONARY)).extracting(RuleProblem::message)
            .containsExactly("Rule 1, condition 1: the object Case no longer exists in the snapshot",
                    "Rule 1, condition 2: the object opportunity no longer exists in the snapshot"
                            + " (did you mean Opportunity?)",
                    "Rule 1, condition 3: the field Account no longer exists in Opportunity");
    }

    @Test
    void flagsMissingValuesUnparseableValuesAndRulesWithoutConditions() {
        RecordRule noValue = new RecordRule(Decision.ARCHIVE, Match.ALL, List
            .of(Condition.of("Amount", Operator.LESS_THAN, null), Condition.of("Amount", Operator.EQUALS, "abc")));
        RecordRule empty = new RecordRule(Decision.EXCLUDE, Match.ALL, List.of());
        assertThat(RuleValidator.validate("Opportunity", List.of(noValue, empty), DICTIONARY)).containsExactly(
                new RuleProblem(1, 1, "Rule 1, condition 1: give a value for Amount is less than"),
                new RuleProblem(1, 2, "Rule 1, condition 2: 'abc' is not a number for the DECIMAL field Amount"),
                new RuleProblem(2, 0, "Rule 2: add at least one condition"));
    }

    @Test
    void flagsTheLineWhenItsObjectNoLongerExists() {
        assertThat(RuleValidator.validate("Lead", List.of(), DICTIONARY))
            .containsExactly(new RuleProblem(0, 0, "The object Lead no longer exists in the snapshot"));
    }

    private static DictionaryObject object(String name, DictionaryField... fields) {
        return new DictionaryObject(null, name, name + ".csv", "Id", null, null, List.of(fields));
    }

    private static DictionaryField field(String name, FieldType type) {
        return new DictionaryField(0, name, null, null, type, type, null, null, false, false, false, false, null, false,
                null, null, false, null, null);
    }

}
