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

    @Test
    void theSameNumberTwiceGivesTheSameResultAndNoteEachTime() {
        for (int i = 0; i < 3; i++) {
            TransformContext context = ParseTestContexts.of("Phone", "BillingCountry", "US");
            assertThat(this.phone.apply("(949) 471-7000 ext. 12", context)).isEqualTo("+19494717000");
            assertThat(context.notes()).singleElement().asString().contains("extension 12");
            TransformContext plain = ParseTestContexts.of("Phone", "BillingCountry", "US");
            assertThat(this.phone.apply("(949) 471-7000", plain)).isEqualTo("+19494717000");
            assertThat(plain.notes()).isEmpty();
            assertThatExceptionOfType(TransformException.class)
                .isThrownBy(
                        () -> this.phone.apply("196-794-6794", ParseTestContexts.of("Phone", "BillingCountry", "US")))
                .withMessage("Record rec-1, field Phone: '196-794-6794' is not a valid number for US (value "
                        + "'196-794-6794', rule: phone to E.164 (region from BillingCountry, default region US))");
        }
    }

    @Test
    void theSameNumberInDifferentRegionsIsReadInEach() {
        for (int i = 0; i < 2; i++) {
            assertThat(this.phone.apply("03-3543-5523", ParseTestContexts.of("Phone", "BillingCountry", "Japan")))
                .isEqualTo("+81335435523");
            assertThatExceptionOfType(TransformException.class).isThrownBy(() -> this.phone.apply("03-3543-5523",
                    ParseTestContexts.of("Phone", "BillingCountry", "United States")));
            assertThat(this.phone.apply("020 7946 0018", ParseTestContexts.of("Phone", "BillingCountry", "UK")))
                .isEqualTo("+442079460018");
            assertThatExceptionOfType(TransformException.class).isThrownBy(
                    () -> this.phone.apply("020 7946 0018", ParseTestContexts.of("Phone", "BillingCountry", "US")));
            // a Canadian number is valid read in the US too (one numbering plan), and
            // a US number in Canada
            assertThat(this.phone.apply("(519) 888-7465", ParseTestContexts.of("Phone", "BillingCountry", "US")))
                .isEqualTo("+15198887465");
            assertThat(this.phone.apply("(949) 471-7000", ParseTestContexts.of("Phone", "BillingCountry", "Canada")))
                .isEqualTo("+19494717000");
        }
    }

    @Test
    void numbersForgottenByTheCacheAreReadAgainTheSame() {
        // more distinct numbers than the cache holds, then the first ones again
        java.util.List<String> numbers = new java.util.ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            numbers.add(String.format(java.util.Locale.ROOT, "(%03d) %03d-%04d", 201 + i % 799, 200 + i % 800, i));
        }
        java.util.List<Object> first = new java.util.ArrayList<>();
        for (String number : numbers) {
            first.add(result(number));
        }
        for (int i = 0; i < numbers.size(); i++) {
            assertThat(result(numbers.get(i))).as(numbers.get(i)).isEqualTo(first.get(i));
            PhoneE164.Outcome library = PhoneE164.libphonenumber(numbers.get(i), "US");
            assertThat(first.get(i)).isEqualTo((library.e164() != null) ? library.e164() : library.error());
        }
    }

    @Test
    void eachRuleDescribesItself() {
        for (int i = 0; i < 2; i++) {
            assertThat(new PhoneE164(null, null).describe()).isEqualTo("phone to E.164 (default region US)");
            assertThat(new PhoneE164("Canada", "MailingCountry").describe())
                .isEqualTo("phone to E.164 (region from MailingCountry, default region CA)");
            assertThat(new PhoneE164("CA", "MailingCountry").describe())
                .isEqualTo("phone to E.164 (region from MailingCountry, default region CA)");
            assertThat(new PhoneE164("xx", null).describe()).isEqualTo("phone to E.164 (default region XX)");
        }
    }

    private Object result(String number) {
        try {
            return this.phone.apply(number, ParseTestContexts.of("Phone", "BillingCountry", "US"));
        }
        catch (TransformException ex) {
            return ex.getMessage().substring(ex.getMessage().indexOf(": ") + 2, ex.getMessage().indexOf(" (value"));
        }
    }

}
