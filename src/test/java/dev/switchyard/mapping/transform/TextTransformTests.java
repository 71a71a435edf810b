package dev.switchyard.mapping.transform;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Copy, constant, concatenate, split, trim, change case, defaults, null policy and
 * reference on real values from the mashmatrix export and coral-cloud.
 */
class TextTransformTests {

    private static final List<Map<String, Object>> ACCOUNTS = TextSamples.mashmatrix("Account");

    private static final List<Map<String, Object>> CONTACTS = TextSamples.mashmatrix("Contact");

    private static Object apply(Transform transform, Object value) {
        return transform.apply(value, new TransformContext("r1", Map.of(), "Target__c", null));
    }

    @Test
    void concatenateJoinsFirstAndLastNameOfEveryMashmatrixContactIntoTheExportedName() {
        Concatenate fullName = new Concatenate(List.of("FirstName", "LastName"), " ", true);
        assertThat(CONTACTS).hasSize(133)
            .allSatisfy((contact) -> assertThat(fullName.apply(null, TextSamples.context(contact, "Name", 121)))
                .isEqualTo(contact.get("Name")));
        Map<String, Object> emma = TextSamples.byId(CONTACTS, "003f4000003d6AhAAI");
        assertThat(fullName.apply("ignored", TextSamples.context(emma, "Name", null))).isEqualTo("Emma Brown");
    }

    @Test
    void concatenateSkipsBlankFieldsWithTheirSeparatorOnlyWhenAsked() {
        // mashmatrix contacts have no Salutation: a blank first part
        Map<String, Object> emma = TextSamples.byId(CONTACTS, "003f4000003d6AhAAI");
        TransformContext context = TextSamples.context(emma, "Name", null);
        assertThat(new Concatenate(List.of("Salutation", "FirstName", "LastName"), " ", true).apply(null, context))
            .isEqualTo("Emma Brown");
        assertThat(new Concatenate(List.of("Salutation", "FirstName", "LastName"), " ", false).apply(null, context))
            .isEqualTo(" Emma Brown");
        assertThat(new Concatenate(List.of("Missing__c"), " ", true).apply(null, context)).isEqualTo("");
        assertThatIllegalArgumentException().isThrownBy(() -> new Concatenate(List.of(), " ", true));
    }

    @Test
    void splitTakesTheCityOutOfAMashmatrixCityWithTheStateInParentheses() {
        Map<String, Object> emma = TextSamples.byId(CONTACTS, "003f4000003d6AhAAI");
        assertThat(emma.get("MailingCity")).isEqualTo("South Lake Tahoe(CA)");
        assertThat(apply(new Split("(", 0), emma.get("MailingCity"))).isEqualTo("South Lake Tahoe");
        assertThat(apply(new Split("(", -1), emma.get("MailingCity"))).isEqualTo("CA)");
        assertThat(apply(new Split("(", 2), emma.get("MailingCity"))).isEqualTo("");
        assertThat(apply(new Split("(", -3), emma.get("MailingCity"))).isEqualTo("");
        assertThat(apply(new Split("(", 0), "Santa Ana")).isEqualTo("Santa Ana");
        assertThat(apply(new Split("(", 0), null)).isNull();
        // the separator is literal, not a regular expression
        assertThat(apply(new Split(".", 1), "Id. Decision Makers")).isEqualTo(" Decision Makers");
    }

    @Test
    void trimCollapsesTheDoubleSpacesInRealMashmatrixStreets() {
        Map<String, Object> account = TextSamples.byId(ACCOUNTS, "001f4000003NkdMAAS");
        assertThat(account.get("BillingStreet")).isEqualTo("105 Challenger Road   6 Th Floor");
        assertThat(apply(new Trim(true), account.get("BillingStreet"))).isEqualTo("105 Challenger Road 6 Th Floor");
        assertThat(apply(new Trim(false), account.get("BillingStreet"))).isEqualTo("105 Challenger Road   6 Th Floor");
        long doubleSpaced = ACCOUNTS.stream()
            .map((row) -> (String) row.get("BillingStreet"))
            .filter((street) -> street.contains("  "))
            .count();
        assertThat(doubleSpaced).isEqualTo(5);
        assertThat(ACCOUNTS).allSatisfy(
                (row) -> assertThat((String) apply(new Trim(true), row.get("BillingStreet"))).doesNotContain("  "));
    }

    @Test
    void trimKeepsTheLineBreaksOfRealMultiLineDescriptionsButNotTheSpacesAroundThem() {
        List<String> multiLine = ACCOUNTS.stream()
            .map((row) -> (String) row.get("Description"))
            .filter((text) -> text.contains("\n"))
            .toList();
        assertThat(multiLine).hasSize(40);
        assertThat(multiLine).allSatisfy((text) -> {
            String trimmed = (String) apply(new Trim(true), text);
            assertThat(trimmed.chars().filter((c) -> c == '\n').count())
                .isEqualTo(text.strip().chars().filter((c) -> c == '\n').count());
            assertThat(trimmed).doesNotContain("  ", " \n", "\n ", "\t");
        });
        assertThat(apply(new Trim(true), "  Line 1 \t \r\n  Line 2\u00a0\u00a0end  "))
            .isEqualTo("Line 1\r\nLine 2 end");
        assertThat(apply(new Trim(true), " \t ")).isEqualTo("");
        assertThat(apply(new Trim(true), null)).isNull();
    }

    @Test
    void titleCaseCapitalisesRealCityNamesIncludingHyphenatedJapaneseWards() {
        List<String> cities = ACCOUNTS.stream()
            .map((row) -> (String) row.get("BillingCity"))
            .filter((city) -> !city.isBlank())
            .distinct()
            .toList();
        ChangeCase title = new ChangeCase(ChangeCase.Mode.TITLE);
        ChangeCase upper = new ChangeCase(ChangeCase.Mode.UPPER);
        ChangeCase lower = new ChangeCase(ChangeCase.Mode.LOWER);
        // the cities are already title case: upper or lower case and back is the same
        assertThat(cities).contains("Minato-Ku", "Chuo-Ku", "New York City", "Elk Grove Township")
            .allSatisfy((city) -> {
                assertThat(apply(title, apply(upper, city))).isEqualTo(city);
                assertThat(apply(title, apply(lower, city))).isEqualTo(city);
            });
        assertThat(apply(upper, "Minato-Ku")).isEqualTo("MINATO-KU");
        assertThat(apply(lower, "Minato-Ku")).isEqualTo("minato-ku");
    }

    @Test
    void titleCaseHandlesApostrophesDigitsAndDocumentedLimits() {
        ChangeCase title = new ChangeCase(ChangeCase.Mode.TITLE);
        assertThat(apply(title, "o'brien")).isEqualTo("O'Brien");
        assertThat(apply(title, "D'ANGELO")).isEqualTo("D'Angelo");
        assertThat(apply(title, "don't")).isEqualTo("Don't");
        // coral-cloud interest value with a trailing apostrophe
        assertThat(apply(title, "FAMILY & KIDS' ACTIVITIES")).isEqualTo("Family & Kids' Activities");
        // mashmatrix street "101 Second Street 11Th F."
        assertThat(apply(title, "101 SECOND STREET 11TH F.")).isEqualTo("101 Second Street 11th F.");
        assertThat(apply(title, "jean-luc")).isEqualTo("Jean-Luc");
        // limit: no name rules
        assertThat(apply(title, "McDONALD")).isEqualTo("Mcdonald");
        assertThat(apply(title, null)).isNull();
    }

    @Test
    void upperCaseIsLocaleIndependent() {
        java.util.Locale previous = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.forLanguageTag("tr-TR"));
            assertThat(apply(new ChangeCase(ChangeCase.Mode.UPPER), "Irvine")).isEqualTo("IRVINE");
            assertThat(apply(new ChangeCase(ChangeCase.Mode.TITLE), "IRVINE")).isEqualTo("Irvine");
        }
        finally {
            java.util.Locale.setDefault(previous);
        }
    }

    @Test
    void defaultWhenBlankFillsTheOneMashmatrixAccountWithoutIndustry() {
        DefaultWhenBlank unknown = new DefaultWhenBlank("Other");
        List<Object> industries = ACCOUNTS.stream().map((row) -> apply(unknown, row.get("Industry"))).toList();
        assertThat(industries).doesNotContainNull().doesNotContain("");
        assertThat(industries.stream().filter("Other"::equals).count()).isEqualTo(1);
        assertThat(apply(unknown, "   ")).isEqualTo("Other");
        assertThat(apply(unknown, List.of())).isEqualTo("Other");
        assertThat(apply(unknown, 0L)).isEqualTo(0L);
        assertThat(apply(unknown, "Software")).isEqualTo("Software");
    }

    @Test
    void nullPolicyTurnsTheBlanksOfTheCsvExportIntoNullsOrBack() {
        Map<String, Object> nissan = TextSamples.byId(ACCOUNTS, "001f4000009wJD7AAM");
        assertThat(nissan.get("BillingCity")).isEqualTo("");
        assertThat(apply(new NullPolicy(NullPolicy.Mode.BLANK_TO_NULL), nissan.get("BillingCity"))).isNull();
        assertThat(apply(new NullPolicy(NullPolicy.Mode.BLANK_TO_NULL), " \t")).isNull();
        assertThat(apply(new NullPolicy(NullPolicy.Mode.BLANK_TO_NULL), "NY")).isEqualTo("NY");
        assertThat(apply(new NullPolicy(NullPolicy.Mode.NULL_TO_BLANK), null)).isEqualTo("");
        assertThat(apply(new NullPolicy(NullPolicy.Mode.NULL_TO_BLANK), "  ")).isEqualTo("");
        assertThat(apply(new NullPolicy(NullPolicy.Mode.KEEP), "  ")).isEqualTo("  ");
        assertThat(apply(new NullPolicy(NullPolicy.Mode.KEEP), null)).isNull();
        assertThat(apply(new NullPolicy(NullPolicy.Mode.BLANK_TO_NULL), 42L)).isEqualTo(42L);
    }

    @Test
    void copyConstantAndReferencePassOrReplaceValuesWithoutChangingTheirType() {
        Map<String, Object> emma = TextSamples.byId(CONTACTS, "003f4000003d6AhAAI");
        assertThat(apply(new Copy(), emma.get("Email"))).isEqualTo("sfdcjdemo01@salesforce.com");
        assertThat(apply(new Copy(), 28549L)).isEqualTo(28549L);
        assertThat(apply(new Constant("Migration"), emma.get("LeadSource"))).isEqualTo("Migration");
        assertThat(apply(new Constant(null), "x")).isNull();
        assertThat(apply(new Reference("Account"), emma.get("AccountId"))).isEqualTo("001f4000003NkdeAAC");
        assertThat(new Reference("Account").describe()).contains("Account", "load time");
        assertThatIllegalArgumentException().isThrownBy(() -> new Reference(" "));
    }

}
