package dev.switchyard.mapping.transform;

import java.util.Locale;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * A phone number to E.164 ({@code +14155550100}) with libphonenumber. A number written
 * with its country code ({@code +81 3 3543 5523}) is read as such; otherwise it is read
 * in the region of the record's {@code regionField} (a country name or code, through
 * {@link Countries}) or, when that is blank or unknown (noted), in {@code defaultRegion}.
 * E.164 has no extensions: an extension is dropped and noted. A blank value is null; a
 * number libphonenumber cannot read or does not consider valid (such as coral-cloud's
 * {@code 196-794-6794}: no US area code starts with 1) is a {@link TransformException}.
 *
 * @param defaultRegion the region of numbers without a country code, as an ISO 3166-1
 * alpha-2 code or any country name {@link Countries} knows (null: {@code US})
 * @param regionField the source field holding the record's country, or null
 */
public record PhoneE164(String defaultRegion, String regionField) implements Transform {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    @Override
    public Object apply(Object value, TransformContext context) {
        String text = (value != null) ? value.toString().strip() : "";
        if (text.isEmpty()) {
            return null;
        }
        String region = region(context);
        PhoneNumber number;
        try {
            number = PHONES.parse(text, region);
        }
        catch (NumberParseException ex) {
            throw new TransformException(context, value, describe(),
                    "'" + text + "' cannot be read as a phone number for " + region + " (" + ex.getMessage() + ")");
        }
        if (!PHONES.isValidNumber(number)) {
            String numberRegion = PHONES.getRegionCodeForCountryCode(number.getCountryCode());
            throw new TransformException(context, value, describe(),
                    "'" + text + "' is not a valid number for " + numberRegion);
        }
        if (number.hasExtension() && !number.getExtension().isEmpty()) {
            context.note("extension " + number.getExtension() + " of '" + text + "' dropped (E.164 has none)");
        }
        return PHONES.format(number, PhoneNumberFormat.E164);
    }

    private String region(TransformContext context) {
        String fallback = defaultRegionCode();
        if (this.regionField == null) {
            return fallback;
        }
        Object country = context.field(this.regionField);
        if (country == null || country.toString().isBlank()) {
            return fallback;
        }
        return Countries.alpha2(country.toString()).orElseGet(() -> {
            context.note("country '" + country + "' not recognised; phone read in region " + fallback);
            return fallback;
        });
    }

    private String defaultRegionCode() {
        if (this.defaultRegion == null || this.defaultRegion.isBlank()) {
            return "US";
        }
        return Countries.alpha2(this.defaultRegion).orElse(this.defaultRegion.strip().toUpperCase(Locale.ROOT));
    }

    @Override
    public String describe() {
        String region = defaultRegionCode();
        return "phone to E.164 (" + ((this.regionField != null) ? "region from " + this.regionField + ", " : "")
                + "default region " + region + ")";
    }

}
