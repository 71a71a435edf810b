package dev.switchyard.scope.rule;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import dev.switchyard.connector.FieldType;
import dev.switchyard.scope.Decision;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The SQL and parameters of record rules, without a database.
 */
class RuleCompilerTests {

    private static final Map<String, FieldType> OPPORTUNITY = Map.of("IsClosed", FieldType.BOOLEAN, "CloseDate",
            FieldType.DATE, "Amount", FieldType.DECIMAL, "StageName", FieldType.PICKLIST, "Name", FieldType.TEXT,
            "LastModifiedDate", FieldType.DATETIME, "Probability", FieldType.INTEGER);

    @Test
    void compilesRulesIntoACaseExpressionWithTheirParametersInOrder() {
        RecordRule archive = new RecordRule(Decision.ARCHIVE, Match.ALL,
                List.of(Condition.of("IsClosed", Operator.IS_TRUE, null),
                        Condition.of("CloseDate", Operator.LESS_THAN, "2019-01-01")));
        RecordRule exclude = new RecordRule(Decision.EXCLUDE, Match.ANY,
                List.of(Condition.of("StageName", Operator.EQUALS, " Closed Lost "),
                        Condition.of("Amount", Operator.GREATER_OR_EQUAL, "1000.5")));
        CompiledRule compiled = RuleCompiler.decision(Decision.MIGRATE, List.of(archive, exclude), OPPORTUNITY);
        assertThat(compiled.sql()).isEqualTo("case when (sy_try_boolean(s.payload ->> ?) is true"
                + " and sy_try_date(s.payload ->> ?) < ?) then 'ARCHIVE'"
                + " when (nullif(lower(trim(s.payload ->> ?)), '') = lower(?)"
                + " or sy_try_numeric(s.payload ->> ?) >= ?) then 'EXCLUDE' else 'MIGRATE' end");
        assertThat(compiled.params()).containsExactly("IsClosed", "CloseDate", LocalDate.of(2019, 1, 1), "StageName",
                "Closed Lost", "Amount", new BigDecimal("1000.5"));
    }

    @Test
    void givesTheDefaultAloneWhenThereAreNoRules() {
        assertThat(RuleCompiler.decision(Decision.EXCLUDE, List.of(), OPPORTUNITY))
            .isEqualTo(new CompiledRule("'EXCLUDE'", List.of()));
    }

    @Test
    void selectsTheRecordsOfADecisionByComparingTheCaseExpression() {
        RecordRule rule = new RecordRule(Decision.ARCHIVE, null,
                List.of(Condition.of("Name", Operator.IS_BLANK, null)));
        CompiledRule compiled = RuleCompiler.recordsDecided(Decision.ARCHIVE, Decision.MIGRATE, List.of(rule),
                OPPORTUNITY);
        assertThat(compiled.sql())
            .isEqualTo("(case when (coalesce(trim(s.payload ->> ?), '') = '') then 'ARCHIVE' else 'MIGRATE' end) = ?");
        assertThat(compiled.params()).containsExactly("Name", "ARCHIVE");
    }

    @Test
    void readsRelatedRecordsOfAnotherObjectThroughItsField() {
        CompiledRule compiled = RuleCompiler.condition(1, 1, Condition.hasNoRelated("Opportunity", "AccountId"),
                Map.of());
        assertThat(compiled.sql())
            .isEqualTo("not exists (select 1 from staged_record r where r.snapshot_id = s.snapshot_id"
                    + " and r.object = ? and r.payload ->> ? = s.source_id and not r.deleted)");
        assertThat(compiled.params()).containsExactly("Opportunity", "AccountId");
        assertThat(RuleCompiler.condition(1, 1, Condition.hasRelated("Opportunity", "AccountId"), Map.of()).sql())
            .startsWith("exists (");
    }

    @Test
    void splitsInValuesOnSemicolonsAndComparesTextIgnoringCase() {
        CompiledRule compiled = RuleCompiler.condition(1, 1,
                Condition.of("StageName", Operator.IN, "Closed Won; Closed Lost;"), OPPORTUNITY);
        assertThat(compiled.sql()).isEqualTo("nullif(lower(trim(s.payload ->> ?)), '') in (lower(?), lower(?))");
        assertThat(compiled.params()).containsExactly("StageName", "Closed Won", "Closed Lost");
        CompiledRule numbers = RuleCompiler.condition(1, 1, Condition.of("Probability", Operator.IN, "10;90"),
                OPPORTUNITY);
        assertThat(numbers.sql()).isEqualTo("sy_try_numeric(s.payload ->> ?) in (?, ?)");
        assertThat(numbers.params()).containsExactly("Probability", new BigDecimal("10"), new BigDecimal("90"));
    }

    @Test
    void treatsNotEqualsOnABlankValueAsNoMatch() {
        CompiledRule compiled = RuleCompiler.condition(1, 1, Condition.of("Name", Operator.NOT_EQUALS, "x"),
                OPPORTUNITY);
        assertThat(compiled.sql()).isEqualTo("nullif(lower(trim(s.payload ->> ?)), '') <> lower(?)");
    }

    @Test
    void containsIgnoresCaseWithoutLikeWildcards() {
        CompiledRule compiled = RuleCompiler.condition(1, 1, Condition.of("Name", Operator.CONTAINS, "50%"),
                OPPORTUNITY);
        assertThat(compiled.sql()).isEqualTo("strpos(lower(s.payload ->> ?), lower(?)) > 0");
        assertThat(compiled.params()).containsExactly("Name", "50%");
    }

    @Test
    void allowsCheckboxOperatorsOnTextFieldsAndCountsBlankAsFalse() {
        CompiledRule compiled = RuleCompiler.condition(1, 1, Condition.of("Name", Operator.IS_FALSE, null),
                OPPORTUNITY);
        assertThat(compiled.sql())
            .isEqualTo("(sy_try_boolean(s.payload ->> ?) is false or coalesce(trim(s.payload ->> ?), '') = '')");
        assertThat(compiled.params()).containsExactly("Name", "Name");
    }

    @Test
    void readsDateTimesWithoutAnOffsetAsUtc() {
        assertThat(RuleCompiler
            .condition(1, 1, Condition.of("LastModifiedDate", Operator.GREATER_THAN, "2021-06-05T11:12"), OPPORTUNITY)
            .params()).containsExactly("LastModifiedDate", OffsetDateTime.of(2021, 6, 5, 11, 12, 0, 0, ZoneOffset.UTC));
        assertThat(RuleCompiler
            .condition(1, 1, Condition.of("LastModifiedDate", Operator.LESS_THAN, "2021-06-05"), OPPORTUNITY)
            .sql()).isEqualTo("sy_try_timestamptz(s.payload ->> ?) < ?");
    }

    @Test
    void refusesADateThatIsNotIso() {
        RecordRule rule = new RecordRule(Decision.ARCHIVE, Match.ALL,
                List.of(Condition.of("IsClosed", Operator.IS_TRUE, null),
                        Condition.of("CloseDate", Operator.LESS_THAN, "31/12/2019")));
        assertThatExceptionOfType(RuleException.class)
            .isThrownBy(() -> RuleCompiler.decision(Decision.MIGRATE, List.of(rule), OPPORTUNITY))
            .withMessage("Rule 1, condition 2: '31/12/2019' is not a date (yyyy-mm-dd) for the DATE field CloseDate")
            .satisfies((ex) -> assertThat(ex.condition()).isEqualTo(2));
    }

    @Test
    void refusesANumberThatIsNotANumber() {
        RecordRule first = new RecordRule(Decision.ARCHIVE, Match.ALL,
                List.of(Condition.of("Name", Operator.IS_BLANK, null)));
        RecordRule second = new RecordRule(Decision.EXCLUDE, Match.ALL,
                List.of(Condition.of("Amount", Operator.EQUALS, "abc")));
        assertThatExceptionOfType(RuleException.class)
            .isThrownBy(() -> RuleCompiler.decision(Decision.MIGRATE, List.of(first, second), OPPORTUNITY))
            .withMessage("Rule 2, condition 1: 'abc' is not a number for the DECIMAL field Amount");
    }

    @Test
    void refusesComparisonsOnTextAndCheckboxOperatorsOnDates() {
        assertThatExceptionOfType(RuleException.class)
            .isThrownBy(() -> RuleCompiler.condition(1, 1, Condition.of("Name", Operator.LESS_THAN, "b"), OPPORTUNITY))
            .withMessageContaining("needs a number, date or date-time field");
        assertThatExceptionOfType(RuleException.class)
            .isThrownBy(
                    () -> RuleCompiler.condition(1, 1, Condition.of("CloseDate", Operator.IS_TRUE, null), OPPORTUNITY))
            .withMessageContaining("not a checkbox");
    }

    @Test
    void refusesMissingValuesFieldsAndConditions() {
        assertThatExceptionOfType(RuleException.class)
            .isThrownBy(
                    () -> RuleCompiler.condition(3, 2, Condition.of("Amount", Operator.GREATER_THAN, " "), OPPORTUNITY))
            .withMessage("Rule 3, condition 2: give a value for Amount is greater than");
        assertThatExceptionOfType(RuleException.class)
            .isThrownBy(() -> RuleCompiler.condition(1, 1, Condition.of("Gone", Operator.IS_BLANK, null), OPPORTUNITY))
            .withMessage("Rule 1, condition 1: the field Gone is not in the object's dictionary");
        assertThatExceptionOfType(RuleException.class)
            .isThrownBy(() -> RuleCompiler.decision(Decision.MIGRATE,
                    List.of(new RecordRule(Decision.ARCHIVE, Match.ALL, List.of())), OPPORTUNITY))
            .withMessage("Rule 1: add at least one condition");
    }

    @Test
    void neverPutsFieldNamesOrValuesIntoTheSql() {
        String hostile = "x'); drop table staged_record; --";
        CompiledRule compiled = RuleCompiler.decision(
                Decision.MIGRATE, List.of(
                        new RecordRule(Decision.EXCLUDE, Match.ANY,
                                List.of(Condition.of("Name", Operator.EQUALS, hostile),
                                        new Condition(null, Operator.HAS_RELATED, null, hostile, hostile)))),
                OPPORTUNITY);
        assertThat(compiled.sql()).doesNotContain("drop");
        assertThat(compiled.params()).containsExactly("Name", hostile, hostile, hostile);
    }

}
