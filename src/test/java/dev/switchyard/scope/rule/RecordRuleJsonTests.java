package dev.switchyard.scope.rule;

import java.util.List;

import dev.switchyard.scope.Decision;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Record rules as they are stored in {@code scope_line.rules}.
 */
class RecordRuleJsonTests {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void readBackTheRulesTheyWereWrittenFrom() {
        List<RecordRule> rules = List.of(
                new RecordRule(Decision.ARCHIVE, Match.ALL,
                        List.of(Condition.of("IsClosed", Operator.IS_TRUE, null),
                                Condition.of("CloseDate", Operator.LESS_THAN, "2019-01-01"))),
                new RecordRule(Decision.EXCLUDE, Match.ANY,
                        List.of(Condition.hasNoRelated("Opportunity", "AccountId"))));
        String text = this.json.writeValueAsString(rules);
        assertThat(text).contains("\"decision\":\"ARCHIVE\"", "\"operator\":\"LESS_THAN\"",
                "\"relatedObject\":\"Opportunity\"");
        assertThat(this.json.readValue(text, new TypeReference<List<RecordRule>>() {
        })).isEqualTo(rules);
    }

    @Test
    void readARuleWithoutMatchOrConditionsAsAllWithNone() {
        RecordRule rule = this.json.readValue("{\"decision\":\"EXCLUDE\"}", RecordRule.class);
        assertThat(rule).isEqualTo(new RecordRule(Decision.EXCLUDE, Match.ALL, List.of()));
    }

    @Test
    void decisionsAreParsedIgnoringCaseAndRefusedWhenUnknown() {
        assertThat(Decision.parse(" archive ")).isEqualTo(Decision.ARCHIVE);
        assertThatIllegalArgumentException().isThrownBy(() -> Decision.parse("keep"))
            .withMessage("Unknown decision 'keep': expected one of MIGRATE, ARCHIVE, EXCLUDE");
    }

    @Test
    void operatorsSayHowFormsShowThemAndWhetherTheyTakeAValue() {
        assertThat(Operator.IS_BLANK.label()).isEqualTo("is blank");
        assertThat(Operator.IS_BLANK.takesValue()).isFalse();
        assertThat(Operator.HAS_RELATED.label()).isEqualTo("has related records of");
        assertThat(Operator.HAS_RELATED.relation()).isTrue();
        assertThat(Operator.IN.takesValue()).isTrue();
    }

}
