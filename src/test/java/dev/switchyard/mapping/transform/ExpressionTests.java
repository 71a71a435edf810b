package dev.switchyard.mapping.transform;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The restricted SpEL expression on a real mashmatrix opportunity, and what it refuses.
 */
class ExpressionTests {

    private static final Map<String, Object> OPPORTUNITY = TextSamples.byId(TextSamples.mashmatrix("Opportunity"),
            "006f4000002NAbGAAW");

    private static TransformContext context() {
        return TextSamples.context(OPPORTUNITY, "Name", 120);
    }

    @Test
    void anExpressionSeesTheValueAndTheRecord() {
        Expression expression = new Expression("#record['Name'] + ' (' + #value + ')'");
        assertThat(expression.apply(OPPORTUNITY.get("StageName"), context()))
            .isEqualTo("System Assessment (Prospecting)");
        assertThat(new Expression("#record['IsWon'] == '1' ? 'Won' : #value").apply("Open", context()))
            .isEqualTo("Open");
        assertThat(new Expression("#value ?: #record['LeadSource']").apply(null, context())).isEqualTo("MM-2043");
        assertThat(new Expression("#record['Missing__c']?.length").apply(null, context())).isNull();
    }

    @Test
    void typeReferencesAreRefused() {
        Expression runtime = new Expression("T(java.lang.Runtime).getRuntime().exec('id')");
        assertThatExceptionOfType(TransformException.class).isThrownBy(() -> runtime.apply("x", context()))
            .withMessageContaining("expression failed");
    }

    @Test
    void constructorsAreRefused() {
        Expression file = new Expression("new java.io.File('x')");
        assertThatExceptionOfType(TransformException.class).isThrownBy(() -> file.apply("x", context()));
    }

    @Test
    void methodCallsAreRefusedEvenOnTheValue() {
        assertThatExceptionOfType(TransformException.class)
            .isThrownBy(() -> new Expression("#value.getClass()").apply("x", context()));
        assertThatExceptionOfType(TransformException.class)
            .isThrownBy(() -> new Expression("#value.toUpperCase()").apply("x", context()));
        assertThatExceptionOfType(TransformException.class)
            .isThrownBy(() -> new Expression("#value.class.classLoader").apply("x", context()));
    }

    @Test
    void beanReferencesAndAssignmentsAreRefused() {
        assertThatExceptionOfType(TransformException.class)
            .isThrownBy(() -> new Expression("@dataSource").apply("x", context()));
        assertThatExceptionOfType(TransformException.class)
            .isThrownBy(() -> new Expression("#record['Name'] = 'changed'").apply("x", context()));
        assertThat(OPPORTUNITY.get("Name")).isEqualTo("System Assessment");
    }

    @Test
    void anInvalidExpressionIsRefusedWhenTheTransformIsMade() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Expression("#record['Name' +"))
            .withMessageContaining("#record['Name' +");
    }

}
