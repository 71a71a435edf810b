package dev.switchyard.mapping.transform;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TransformExceptionTests {

    @Test
    void namesRecordFieldValueAndRuleButCarriesNoStackTrace() {
        TransformException ex = new TransformException(ParseTestContexts.of("Phone"), "n/a", "phone to E.164",
                "not a number");
        assertThat(ex).hasMessage("Record rec-1, field Phone: not a number (value 'n/a', rule: phone to E.164)");
        assertThat(ex.getRecordId()).isEqualTo("rec-1");
        assertThat(ex.getField()).isEqualTo("Phone");
        assertThat(ex.getValue()).isEqualTo("n/a");
        assertThat(ex.getRule()).isEqualTo("phone to E.164");
        assertThat(ex.getStackTrace()).isEmpty();
    }

}
