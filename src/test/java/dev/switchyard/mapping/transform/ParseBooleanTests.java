package dev.switchyard.mapping.transform;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ParseBooleanTests {

    private final TransformContext context = ParseTestContexts.of("IsWon");

    @Test
    void salesforceCheckboxExportsAreOneOrBlank() {
        // mashmatrix Opportunity.csv IsClosed/IsWon: "1" when checked, "" when not
        ParseBoolean checkbox = ParseBoolean.salesforceCheckbox();
        assertThat(checkbox.apply("1", this.context)).isEqualTo(true);
        assertThat(checkbox.apply("", this.context)).isEqualTo(false);
        assertThat(checkbox.apply(null, this.context)).isEqualTo(false);
    }

    @Test
    void theDefaultWordsAreAcceptedInAnyCase() {
        ParseBoolean parse = new ParseBoolean();
        assertThat(List.of("true", "Yes", "Y", "1", "ON", " on "))
            .allSatisfy((word) -> assertThat(parse.apply(word, this.context)).as(word).isEqualTo(true));
        assertThat(List.of("FALSE", "no", "n", "0", "Off"))
            .allSatisfy((word) -> assertThat(parse.apply(word, this.context)).as(word).isEqualTo(false));
    }

    @Test
    void blankIsNullUnlessBlankIsFalse() {
        assertThat(new ParseBoolean().apply(" ", this.context)).isNull();
    }

    @Test
    void customWordsReplaceTheDefaults() {
        ParseBoolean parse = new ParseBoolean(List.of("Ja"), List.of("Nein"), false);
        assertThat(parse.apply("ja", this.context)).isEqualTo(true);
        assertThat(parse.apply("NEIN", this.context)).isEqualTo(false);
        assertThatExceptionOfType(TransformException.class).isThrownBy(() -> parse.apply("yes", this.context));
    }

    @Test
    void otherWordsFailNamingTheValue() {
        // mashmatrix Opportunity.csv ForecastCategory value in a field mapped as a
        // checkbox
        assertThatExceptionOfType(TransformException.class)
            .isThrownBy(() -> new ParseBoolean().apply("Pipeline", this.context))
            .withMessageContaining("'Pipeline' is neither");
    }

}
