package dev.switchyard.mapping.transform;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CountryCodeTests {

    private final TransformContext context = ParseTestContexts.of("BillingCountry");

    @Test
    void everyCountrySpellingOfTheMashmatrixExportHasACode() {
        // mashmatrix Account.csv BillingCountry values, coral-cloud MailingCountry
        // "United States"
        Map<String, String> expected = Map.of("United States", "US", "USA", "US", "US", "US", "United Kingdom", "GB",
                "Canada", "CA", "Japan", "JP", "Finland", "FI", "Australia", "AU", "Cayman Islands", "KY");
        expected.forEach((country, code) -> assertThat(new CountryCode().apply(country, this.context)).as(country)
            .isEqualTo(code));
    }

    @Test
    void aliasesIsoCodesAndSpellingsAreIgnoredInCaseAccentsAndPunctuation() {
        // address-formatting-testcases us.yaml "United States of America"; de.yaml
        // "Deutschland"
        assertThat(Countries.alpha2("United States of America")).contains("US");
        assertThat(Countries.alpha2("u.s.")).contains("US");
        assertThat(Countries.alpha2("Deutschland")).contains("DE");
        assertThat(Countries.alpha2("UK")).contains("GB");
        assertThat(Countries.alpha2("Great Britain")).contains("GB");
        assertThat(Countries.alpha2("England")).contains("GB");
        assertThat(Countries.alpha2("Korea, Republic of")).contains("KR");
        assertThat(Countries.alpha2("South Korea")).contains("KR");
        assertThat(Countries.alpha2("Russia")).contains("RU");
        assertThat(Countries.alpha2("COTE D'IVOIRE")).contains("CI");
        assertThat(Countries.alpha2("Côte d’Ivoire")).contains("CI");
        assertThat(Countries.alpha2("The Netherlands")).contains("NL");
        assertThat(Countries.alpha2("Saint Kitts and Nevis")).contains("KN");
        assertThat(Countries.alpha2("deu")).contains("DE");
        assertThat(Countries.alpha2("jpn")).contains("JP");
        assertThat(Countries.alpha2("  fi ")).contains("FI");
    }

    @Test
    void blankIsNull() {
        // mashmatrix Account.csv: "Nissan Motors" (the near-empty duplicate) has no
        // BillingCountry
        assertThat(new CountryCode().apply("", this.context)).isNull();
    }

    @Test
    void unknownCountriesFail() {
        // mashmatrix Account.csv: "London" used as a state; here given as a country
        assertThatExceptionOfType(TransformException.class)
            .isThrownBy(() -> new CountryCode().apply("London", this.context))
            .withMessageContaining("'London' is not a known country");
    }

}
