package dev.switchyard.mapping.transform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class StateCodeTests {

    private final StateCode state = new StateCode("MailingCountry", "US");

    @Test
    void everyFullStateNameOfCoralCloudHasACode() throws IOException {
        // coral-cloud data-Contact.json MailingState: full names, country "United States"
        String json = Files.readString(Path.of("src/test/resources/data/sf-coral-cloud/data/data-Contact.json"));
        Matcher states = Pattern.compile("\"MailingState\": \"([^\"]+)\"").matcher(json);
        int count = 0;
        while (states.find()) {
            Object code = this.state.apply(states.group(1),
                    ParseTestContexts.of("MailingState", "MailingCountry", "United States"));
            assertThat(code).as(states.group(1)).asString().hasSize(2);
            count++;
        }
        assertThat(count).isGreaterThan(100);
        assertThat(
                this.state.apply("California", ParseTestContexts.of("MailingState", "MailingCountry", "United States")))
            .isEqualTo("CA");
        assertThat(this.state.apply("District of Columbia",
                ParseTestContexts.of("MailingState", "MailingCountry", "United States")))
            .isEqualTo("DC");
        assertThat(this.state.apply("West Virginia",
                ParseTestContexts.of("MailingState", "MailingCountry", "United States")))
            .isEqualTo("WV");
    }

    @Test
    void codesAreAcceptedAsTheyAre() {
        // mashmatrix Contact.csv MailingState "CA" with MailingCountry "US"
        assertThat(this.state.apply("CA", ParseTestContexts.of("MailingState", "MailingCountry", "US")))
            .isEqualTo("CA");
        assertThat(this.state.apply("ca", ParseTestContexts.of("MailingState", "MailingCountry", "US")))
            .isEqualTo("CA");
        assertThat(this.state.apply("US-NY", ParseTestContexts.of("MailingState", "MailingCountry", "US")))
            .isEqualTo("NY");
    }

    @Test
    void theRecordsCountryChoosesTheTable() {
        // mashmatrix Account.csv "Research In Motion": BillingState "ON", BillingCountry
        // "Canada"
        StateCode billing = new StateCode("BillingCountry", "US");
        assertThat(billing.apply("ON", ParseTestContexts.of("BillingState", "BillingCountry", "Canada")))
            .isEqualTo("ON");
        assertThat(billing.apply("Québec", ParseTestContexts.of("BillingState", "BillingCountry", "Canada")))
            .isEqualTo("QC");
        assertThat(
                billing.apply("New South Wales", ParseTestContexts.of("BillingState", "BillingCountry", "Australia")))
            .isEqualTo("NSW");
        // address-formatting-testcases us.yaml state "Washington, D.C." (no country
        // field: default US)
        assertThat(new StateCode(null, null).apply("Washington, D.C.", ParseTestContexts.of("BillingState")))
            .isEqualTo("DC");
    }

    @Test
    void unknownStatesAndCountriesWithoutATableFail() {
        // mashmatrix Account.csv: "London" used as a state of the United Kingdom; Tokyo
        // accounts with "TKY"
        StateCode billing = new StateCode("BillingCountry", "US");
        assertThatExceptionOfType(TransformException.class).isThrownBy(
                () -> billing.apply("London", ParseTestContexts.of("BillingState", "BillingCountry", "United Kingdom")))
            .withMessageContaining("no state table for GB");
        assertThatExceptionOfType(TransformException.class)
            .isThrownBy(() -> billing.apply("TKY", ParseTestContexts.of("BillingState", "BillingCountry", "US")))
            .withMessageContaining("'TKY' is not a state or province of US");
        assertThat(billing.apply(" ", ParseTestContexts.of("BillingState", "BillingCountry", "US"))).isNull();
    }

}
