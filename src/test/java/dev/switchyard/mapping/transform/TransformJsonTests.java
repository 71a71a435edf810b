package dev.switchyard.mapping.transform;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Transforms stored as JSON and read back, and chains applied to real records.
 */
class TransformJsonTests {

    private static List<Transform> everyTransform() {
        Map<String, String> stages = new LinkedHashMap<>();
        stages.put("Closed/Won", "Closed Won");
        stages.put("Id. Decision Makers", "Id. Decision Makers");
        return List.of(new Copy(), new Constant("Migration"),
                new Concatenate(List.of("FirstName", "LastName"), " ", true), new Split("(", 0), new Trim(true),
                new ChangeCase(ChangeCase.Mode.TITLE), new RegexReplace("[^0-9]", ""), new DefaultWhenBlank("Unknown"),
                new NullPolicy(NullPolicy.Mode.BLANK_TO_NULL), new Truncate(null), new Truncate(80),
                new ParseNumber("de-DE", 2, java.math.RoundingMode.HALF_EVEN, false), ParseBoolean.salesforceCheckbox(),
                new ParseDate(List.of("MM/dd/yyyy", "yyyy-MM-dd"), true, "Europe/Paris"),
                new PhoneE164("US", "BillingCountry"), new NormalizeEmail(true), new CountryCode(),
                new StateCode("MailingCountry", "US"), new AddressSplit(AddressSplit.Part.POSTAL_CODE, "US"),
                new PicklistMap(stages, null, true), new MultiPicklistMap(Map.of("Golf", "Golf"), "Other", false),
                new Reference("Account"), new Expression("#value ?: #record['Name']"));
    }

    @Test
    void aChainOfEveryTransformRoundTripsThroughJson() {
        JsonMapper mapper = TransformJson.mapper();
        List<Transform> steps = everyTransform();
        String json = TransformJson.write(mapper, steps);
        List<Transform> read = TransformJson.read(mapper, json);
        assertThat(read).isEqualTo(steps);
        assertThat(TransformJson.write(mapper, read)).isEqualTo(json);
        assertThat(json).startsWith("[{\"type\":\"copy\"},{\"type\":\"constant\",\"value\":\"Migration\"}")
            .contains("{\"type\":\"trim\",\"collapseSpaces\":true}")
            .contains("{\"type\":\"truncate\"},{\"type\":\"truncate\",\"length\":80}")
            .contains("{\"type\":\"change-case\",\"mode\":\"TITLE\"}")
            .contains("\"values\":{\"Closed/Won\":\"Closed Won\",\"Id. Decision Makers\":\"Id. Decision Makers\"}");
    }

    @Test
    void everyBuiltInTypeHasItsLowerKebabName() {
        assertThat(TransformJson.TYPES.keySet()).containsExactly("copy", "constant", "concatenate", "split", "trim",
                "change-case", "regex-replace", "default-when-blank", "null-policy", "truncate", "parse-number",
                "parse-boolean", "parse-date", "phone-e164", "normalize-email", "country-code", "state-code",
                "address-split", "picklist-map", "multi-picklist-map", "reference", "expression");
        JsonMapper mapper = TransformJson.mapper();
        String json = TransformJson.write(mapper, everyTransform());
        TransformJson.TYPES.keySet().forEach((name) -> assertThat(json).contains("\"type\":\"" + name + "\""));
    }

    @Test
    void handWrittenJsonIsReadWithDefaultsForLeftOutProperties() {
        List<Transform> read = TransformJson.read(TransformJson.mapper(),
                "[{\"type\":\"trim\",\"collapseSpaces\":true},{\"type\":\"truncate\"},"
                        + "{\"type\":\"null-policy\",\"mode\":\"BLANK_TO_NULL\"}]");
        assertThat(read).containsExactly(new Trim(true), new Truncate(null),
                new NullPolicy(NullPolicy.Mode.BLANK_TO_NULL));
    }

    @Test
    void anUnknownTypeOrAnInvalidPatternIsAnErrorOnReading() {
        JsonMapper mapper = TransformJson.mapper();
        assertThatExceptionOfType(JacksonException.class)
            .isThrownBy(() -> TransformJson.read(mapper, "[{\"type\":\"parse-date\",\"pattern\":\"yyyy\"}]"));
        assertThatExceptionOfType(RuntimeException.class)
            .isThrownBy(() -> TransformJson.read(mapper, "[{\"type\":\"regex-replace\",\"pattern\":\"([0-9]\"}]"))
            .withStackTraceContaining("([0-9]");
    }

    @Test
    void aReferenceByAParentFieldRoundTripsAndAMatchWithoutAFieldIsRefused() {
        JsonMapper mapper = TransformJson.mapper();
        List<Transform> steps = List.of(new Reference("Account", "Name", Reference.KeyMatch.NORMALISED),
                new Reference("Account"));
        String json = TransformJson.write(mapper, steps);
        assertThat(json).isEqualTo("[{\"type\":\"reference\",\"targetObject\":\"Account\",\"byField\":\"Name\","
                + "\"match\":\"NORMALISED\"},{\"type\":\"reference\",\"targetObject\":\"Account\"}]");
        assertThat(TransformJson.read(mapper, json)).isEqualTo(steps);
        assertThatExceptionOfType(RuntimeException.class)
            .isThrownBy(() -> TransformJson.read(mapper,
                    "[{\"type\":\"reference\",\"targetObject\":\"Account\",\"match\":\"EXACT\"}]"))
            .withStackTraceContaining("name the field (byField)");
    }

    @Test
    void moreSubtypesAreRegisteredByClassWithAKebabCaseName() {
        JsonMapper mapper = TransformJson.mapper(Shout.class);
        List<Transform> steps = List.of(new Trim(false), new Shout("!"));
        String json = TransformJson.write(mapper, steps);
        assertThat(json).contains("{\"type\":\"shout\",\"suffix\":\"!\"}");
        assertThat(TransformJson.read(mapper, json)).isEqualTo(steps);
        assertThat(TransformJson.typeName(MultiPicklistMap.class)).isEqualTo("multi-picklist-map");
    }

    @Test
    void aChainReadFromJsonCleansRealAccountStreetsAndCollectsTheTruncationNotes() {
        List<Transform> steps = TransformJson.read(TransformJson.mapper(),
                "[{\"type\":\"trim\",\"collapseSpaces\":true},{\"type\":\"change-case\",\"mode\":\"UPPER\"},"
                        + "{\"type\":\"truncate\",\"length\":25},{\"type\":\"null-policy\",\"mode\":\"BLANK_TO_NULL\"}]");
        Chain chain = new Chain(steps);
        Map<String, Object> account = TextSamples.byId(TextSamples.mashmatrix("Account"), "001f4000003NkdMAAS");
        TransformContext context = TextSamples.context(account, "BillingStreet", 255);
        context.note("an earlier note");
        Chain.Result result = chain.apply(account.get("BillingStreet"), context);
        assertThat(result.value()).isEqualTo("105 CHALLENGER ROAD 6 TH ");
        assertThat(result.notes()).containsExactly("truncated from 30 to 25 characters");
        assertThat(context.notes()).hasSize(2);
        assertThat(chain.describe())
            .isEqualTo("trim and collapse spaces, then upper case, then truncate to 25 characters, then blank to null");
        Map<String, Object> nissan = TextSamples.byId(TextSamples.mashmatrix("Account"), "001f4000009wJD7AAM");
        assertThat(chain.apply(nissan.get("BillingStreet"), TextSamples.context(nissan, "BillingStreet", 255)).value())
            .isNull();
        assertThat(new Chain(List.of()).apply("x", context).value()).isEqualTo("x");
    }

    /** A transform from elsewhere, registered as an extra subtype. */
    record Shout(String suffix) implements Transform {

        @Override
        public Object apply(Object value, TransformContext context) {
            return value + this.suffix;
        }

        @Override
        public String describe() {
            return "shout";
        }

    }

}
