package dev.switchyard.mapping.transform;

import java.util.Locale;

/**
 * A state or province name (or code) to its short ISO 3166-2 subdivision code, for the
 * countries {@link Subdivisions} has tables for (US, CA, AU): {@code California} and
 * {@code ca} are {@code CA}, {@code District of Columbia} is {@code DC},
 * {@code New South Wales} is {@code NSW}. The output is the part after the hyphen of the
 * ISO code ({@code CA} for {@code US-CA}), which is what Salesforce state fields and
 * postal addresses use. The country is the record's {@code countryField} (a name or code,
 * through {@link Countries}) or else {@code defaultCountry}. A blank value is null; an
 * unknown state, or a country without a table, is a {@link TransformException}.
 *
 * @param countryField the source field holding the record's country, or null
 * @param defaultCountry the country when the field is absent or blank (null: {@code US})
 */
public record StateCode(String countryField, String defaultCountry) implements Transform {

    @Override
    public Object apply(Object value, TransformContext context) {
        String text = (value != null) ? value.toString().strip() : "";
        if (text.isEmpty()) {
            return null;
        }
        String country = country(context, value);
        if (!Subdivisions.countries().contains(country)) {
            throw new TransformException(context, value, describe(), "no state table for " + country + " (only "
                    + String.join(", ", Subdivisions.countries().stream().sorted().toList()) + ")");
        }
        return Subdivisions.code(country, text)
            .orElseThrow(() -> new TransformException(context, value, describe(),
                    "'" + text + "' is not a state or province of " + country));
    }

    private String country(TransformContext context, Object value) {
        Object field = (this.countryField != null) ? context.field(this.countryField) : null;
        if (field != null && !field.toString().isBlank()) {
            return Countries.alpha2(field.toString())
                .orElseThrow(() -> new TransformException(context, value, describe(),
                        "the country '" + field + "' is not known"));
        }
        return (this.defaultCountry != null && !this.defaultCountry.isBlank())
                ? Countries.alpha2(this.defaultCountry).orElse(this.defaultCountry.toUpperCase(Locale.ROOT)) : "US";
    }

    @Override
    public String describe() {
        return "state to ISO 3166-2 code ("
                + ((this.countryField != null) ? "country from " + this.countryField + ", " : "") + "default country "
                + ((this.defaultCountry != null) ? this.defaultCountry : "US") + ")";
    }

}
