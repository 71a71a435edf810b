package dev.switchyard.mapping.transform;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PhoneE164Tests {

    private final PhoneE164 phone = new PhoneE164("US", "BillingCountry");

    @Test
    void northAmericanFormatsBecomeE164() {
        // mashmatrix Account.csv Phone of "Gateway" (United States), "Xerox"-style 1-
        // prefix, and Waterloo (Canada)
        assertThat(this.phone.apply("(949) 471-7000", ParseTestContexts.of("Phone", "BillingCountry", "United States")))
            .isEqualTo("+19494717000");
        assertThat(this.phone.apply("1-315-538-2900", ParseTestContexts.of("Phone", "BillingCountry", "United States")))
            .isEqualTo("+13155382900");
        assertThat(this.phone.apply("(519) 888-7465", ParseTestContexts.of("Phone", "BillingCountry", "Canada")))
            .isEqualTo("+15198887465");
    }

    @Test
    void anInternationalPrefixWinsOverTheRecordsCountry() {
        // mashmatrix Account.csv: "Nissan Motors" (no country) and a United Kingdom
        // account with a Danish number
        assertThat(this.phone.apply("+81 3 3543 5523", ParseTestContexts.of("Phone", "BillingCountry", null)))
            .isEqualTo("+81335435523");
        assertThat(this.phone.apply("+45 3977 4000", ParseTestContexts.of("Phone", "BillingCountry", "United Kingdom")))
            .isEqualTo("+4539774000");
    }

    @Test
    void aNationalNumberIsReadInTheRegionOfTheCountryField() {
        // mashmatrix "Nissan Motors" +81 3 3543 5523 as a Japanese export would write it
        assertThat(this.phone.apply("03-3543-5523", ParseTestContexts.of("Phone", "BillingCountry", "Japan")))
            .isEqualTo("+81335435523");
    }

    @Test
    void anUnknownCountryFallsBackToTheDefaultRegionWithANote() {
        TransformContext context = ParseTestContexts.of("Phone", "BillingCountry", "London");
        assertThat(this.phone.apply("(949) 471-7000", context)).isEqualTo("+19494717000");
        assertThat(context.notes()).singleElement().asString().contains("'London' not recognised");
    }

    @Test
    void anExtensionIsDroppedAndNoted() {
        // mashmatrix "Gateway" phone with an extension added
        TransformContext context = ParseTestContexts.of("Phone", "BillingCountry", "US");
        assertThat(this.phone.apply("(949) 471-7000 ext. 12", context)).isEqualTo("+19494717000");
        assertThat(context.notes()).singleElement().asString().contains("extension 12");
    }

    @Test
    void numbersFailingNanpRulesFail() {
        // coral-cloud data-Contact.json MobilePhone (United States): no area code starts
        // with 1
        assertThatExceptionOfType(TransformException.class)
            .isThrownBy(() -> new PhoneE164("US", "MailingCountry").apply("196-794-6794",
                    ParseTestContexts.of("MobilePhone", "MailingCountry", "United States")))
            .withMessageContaining("'196-794-6794' is not a valid number for US");
        // mashmatrix Contact.csv Phone of Emma Brown: exchange 069 starts with 0
        assertThatExceptionOfType(TransformException.class)
            .isThrownBy(() -> new PhoneE164("US", null).apply("1-572-069-1592", ParseTestContexts.of("Phone")))
            .withMessageContaining("not a valid number for US");
    }

    @Test
    void textThatIsNoPhoneNumberFails() {
        assertThatExceptionOfType(TransformException.class)
            .isThrownBy(() -> new PhoneE164(null, null).apply("n/a", ParseTestContexts.of("Phone")))
            .withMessageContaining("cannot be read as a phone number");
        assertThat(new PhoneE164(null, null).apply(" ", ParseTestContexts.of("Phone"))).isNull();
    }

    @Test
    void theDefaultRegionMayBeACountryName() {
        // mashmatrix Account.csv "Gateway" phone; the default region as coral-cloud
        // writes countries
        assertThat(new PhoneE164("United States", null).apply("(949) 471-7000", ParseTestContexts.of("Phone")))
            .isEqualTo("+19494717000");
    }

}
