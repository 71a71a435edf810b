package dev.switchyard.mapping.transform;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class NormalizeEmailTests {

    private final TransformContext context = ParseTestContexts.of("Email");

    @Test
    void validAddressesAreKept() {
        // mashmatrix Contact.csv (all 133 contacts) and coral-cloud data-Contact.json
        // ContactRef1
        assertThat(new NormalizeEmail(false).apply("sfdcjdemo01@salesforce.com", this.context))
            .isEqualTo("sfdcjdemo01@salesforce.com");
        assertThat(new NormalizeEmail(true).apply("fraydadowsing@example.com", this.context))
            .isEqualTo("fraydadowsing@example.com");
    }

    @Test
    void theDomainIsLowerCasedAndTheLocalPartOnlyWhenAsked() {
        // coral-cloud ContactRef1's address as typed by hand
        assertThat(new NormalizeEmail(false).apply(" FraydaDowsing@Example.COM ", this.context))
            .isEqualTo("FraydaDowsing@example.com");
        assertThat(new NormalizeEmail(true).apply(" FraydaDowsing@Example.COM ", this.context))
            .isEqualTo("fraydadowsing@example.com");
    }

    @Test
    void blankIsNull() {
        assertThat(new NormalizeEmail(true).apply("  ", this.context)).isNull();
        assertThat(new NormalizeEmail(true).apply(null, this.context)).isNull();
    }

    @Test
    void invalidAddressesFail() {
        NormalizeEmail normalize = new NormalizeEmail(true);
        assertThatExceptionOfType(TransformException.class)
            .isThrownBy(() -> normalize.apply("sfdcjdemo01@salesforce", this.context))
            .withMessageContaining("not a domain name with a dot");
        assertThatExceptionOfType(TransformException.class)
            .isThrownBy(() -> normalize.apply("sfdcjdemo01@@salesforce.com", this.context))
            .withMessageContaining("exactly one '@'");
        assertThatExceptionOfType(TransformException.class)
            .isThrownBy(() -> normalize.apply("frayda dowsing@example.com", this.context))
            .withMessageContaining("no spaces");
        assertThatExceptionOfType(TransformException.class)
            .isThrownBy(() -> normalize.apply("@salesforce.com", this.context));
        assertThatExceptionOfType(TransformException.class)
            .isThrownBy(() -> normalize.apply("a@salesforce..com", this.context));
        assertThatExceptionOfType(TransformException.class)
            .isThrownBy(() -> normalize.apply("a".repeat(250) + "@salesforce.com", this.context))
            .withMessageContaining("longer than 254");
    }

}
