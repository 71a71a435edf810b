package dev.switchyard.mapping.transform;

import java.util.Locale;
import java.util.Optional;

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
 * <p>
 * Ten-digit North American numbers in their usual shapes take an exact fast path
 * ({@link NanpPhones}); outcomes are remembered per number and region in a bounded
 * {@link MemoCache}. Neither changes a result.
 *
 * @param defaultRegion the region of numbers without a country code, as an ISO 3166-1
 * alpha-2 code or any country name {@link Countries} knows (null: {@code US})
 * @param regionField the source field holding the record's country, or null
 */
public record PhoneE164(String defaultRegion, String regionField) implements Transform {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    static {
        // the fast path's tables are built with libphonenumber's, when the first rule is
        // made rather than on its first number
        NanpPhones.load();
    }

    /**
     * Outcomes by number as written and region (see {@link MemoCache}): a number shared
     * by many records (a switchboard, a shared office line) is read once.
     */
    private static final MemoCache<Outcome> OUTCOMES = new MemoCache<>(4096);

    /** Descriptions by rule (the record itself, compared by its components). */
    private static final MemoCache<String> DESCRIPTIONS = new MemoCache<>(64);

    @Override
    public Object apply(Object value, TransformContext context) {
        String text = (value != null) ? value.toString().strip() : "";
        if (text.isEmpty()) {
            return null;
        }
        String region = region(context);
        Outcome outcome = outcome(text, region);
        if (outcome.error() != null) {
            throw new TransformException(context, value, describe(), outcome.error());
        }
        if (outcome.extension() != null) {
            context.note("extension " + outcome.extension() + " of '" + text + "' dropped (E.164 has none)");
        }
        return outcome.e164();
    }

    /**
     * @param text the number, stripped and not empty
     * @param region the region to read it in
     * @return what becomes of it: the same for the same text and region
     */
    static Outcome outcome(String text, String region) {
        Outcome cached = OUTCOMES.get(text, region);
        if (cached != null) {
            return cached;
        }
        Outcome outcome = nanp(text, region);
        return OUTCOMES.put(text, region, (outcome != null) ? outcome : libphonenumber(text, region));
    }

    /**
     * @return the outcome by {@link NanpPhones}' fast path, or null when it does not
     * apply
     */
    static Outcome nanp(String text, String region) {
        String nationalNumber = NanpPhones.nationalNumber(text, region);
        if (nationalNumber == null) {
            return null;
        }
        return NanpPhones.isValid(nationalNumber) ? new Outcome("+1" + nationalNumber, null, null) : new Outcome(null,
                null, "'" + text + "' is not a valid number for " + NanpPhones.REGION_OF_CALLING_CODE);
    }

    /**
     * @return the outcome by libphonenumber
     */
    static Outcome libphonenumber(String text, String region) {
        PhoneNumber number;
        try {
            number = PHONES.parse(text, region);
        }
        catch (NumberParseException ex) {
            return new Outcome(null, null,
                    "'" + text + "' cannot be read as a phone number for " + region + " (" + ex.getMessage() + ")");
        }
        if (!PHONES.isValidNumber(number)) {
            String numberRegion = PHONES.getRegionCodeForCountryCode(number.getCountryCode());
            return new Outcome(null, null, "'" + text + "' is not a valid number for " + numberRegion);
        }
        String extension = (number.hasExtension() && !number.getExtension().isEmpty()) ? number.getExtension() : null;
        return new Outcome(PHONES.format(number, PhoneNumberFormat.E164), extension, null);
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
        Optional<String> code = Countries.alpha2(country.toString());
        if (code.isPresent()) {
            return code.get();
        }
        context.note("country '" + country + "' not recognised; phone read in region " + fallback);
        return fallback;
    }

    private String defaultRegionCode() {
        if (this.defaultRegion == null || this.defaultRegion.isBlank()) {
            return "US";
        }
        return Countries.alpha2(this.defaultRegion).orElse(this.defaultRegion.strip().toUpperCase(Locale.ROOT));
    }

    @Override
    public String describe() {
        // every invalid number's error names the rule: made once per rule
        String cached = DESCRIPTIONS.get("", this);
        if (cached != null) {
            return cached;
        }
        String region = defaultRegionCode();
        return DESCRIPTIONS.put("", this,
                "phone to E.164 (" + ((this.regionField != null) ? "region from " + this.regionField + ", " : "")
                        + "default region " + region + ")");
    }

    /**
     * What becomes of a number in a region: its E.164 form and any extension dropped, or
     * why it has none.
     *
     * @param e164 the number in E.164, or null when it has none
     * @param extension the extension dropped, or null
     * @param error why the number has no E.164 form, or null
     */
    record Outcome(String e164, String extension, String error) {

    }

}
