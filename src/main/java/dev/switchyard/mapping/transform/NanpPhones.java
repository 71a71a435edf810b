package dev.switchyard.mapping.transform;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneMetadata;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneNumberDesc;
import com.google.i18n.phonenumbers.metadata.DefaultMetadataDependenciesProvider;

/**
 * {@link PhoneE164}'s fast path for the commonest numbers of North American exports: ten
 * digits written {@code (415) 555-0100}, {@code 415-555-0100}, {@code 415.555.0100},
 * {@code 415 555 0100} or {@code 4155550100}, read in the region {@code US} or
 * {@code CA}, or any of these with {@code +1} in front, read in any region. It gives
 * exactly what libphonenumber's {@code parse}, {@code isValidNumber} and E.164
 * {@code format} give for them, at a fraction of the cost (libphonenumber spends about 7
 * µs parsing such a number and 4–8 µs validating it, mostly looking up metadata and
 * regular expressions by name on every call).
 *
 * <p>
 * Why the result is the same:
 * <ul>
 * <li>Parsing. For these shapes (digits and single separators, no letters, no extension
 * marks, area code starting with 2–9) libphonenumber's parse reads the ten digits as the
 * national number of calling code 1: with {@code +1} the country code is taken from the
 * number and the national number is read with the rules of the code's main region
 * ({@code US}); without it, in {@code US} and {@code CA} the national prefix for parsing
 * is {@code 1} and the international prefix {@code 011}, neither of which a number
 * starting with 2–9 can begin with. The class checks these metadata values when it loads
 * and turns itself off (everything goes to libphonenumber) if a libphonenumber update
 * changes them.</li>
 * <li>Validating. {@code isValidNumber} finds the number's region among the regions of
 * calling code 1, in libphonenumber's order (a region with leading digits when they
 * match, otherwise the first region whose number types know the number), then checks the
 * number against that region's number types. {@link #isValid(String)} does the same with
 * the same metadata and the same regular expressions, compiled once.</li>
 * <li>Formatting. E.164 is {@code +1} followed by the ten digits.</li>
 * </ul>
 * {@code NanpPhonesTests} compares the fast path with libphonenumber for every area code
 * and for random numbers in every accepted shape and region.
 */
final class NanpPhones {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    /** The region named in errors for invalid numbers of calling code 1 ({@code US}). */
    static final String REGION_OF_CALLING_CODE = PHONES.getRegionCodeForCountryCode(1);

    private static final List<RegionRules> REGIONS = regions();

    private static final boolean ENABLED = REGIONS != null && checkParsingRules("US") && checkParsingRules("CA")
            && "US".equals(REGION_OF_CALLING_CODE);

    private NanpPhones() {
    }

    /**
     * Loads the class (its tables are built once, when it loads).
     * @return whether the fast path is on
     */
    static boolean load() {
        return ENABLED;
    }

    /**
     * @param text a phone number, stripped
     * @param region the region it is read in
     * @return the ten-digit national number when the fast path applies, otherwise null
     */
    static String nationalNumber(String text, String region) {
        if (!ENABLED) {
            return null;
        }
        int length = text.length();
        int i = 0;
        boolean international = length > 1 && text.charAt(0) == '+' && text.charAt(1) == '1';
        if (international) {
            i = 2;
            if (i < length && isSeparator(text.charAt(i))) {
                i++;
            }
        }
        else if (!"US".equals(region) && !"CA".equals(region)) {
            return null;
        }
        char[] digits = new char[10];
        if (i < length && text.charAt(i) == '(') {
            if (!digits(text, i + 1, 3, digits, 0) || i + 4 >= length || text.charAt(i + 4) != ')') {
                return null;
            }
            i += 5;
        }
        else {
            if (!digits(text, i, 3, digits, 0)) {
                return null;
            }
            i += 3;
        }
        if (i < length && isSeparator(text.charAt(i))) {
            i++;
        }
        if (!digits(text, i, 3, digits, 3)) {
            return null;
        }
        i += 3;
        if (i < length && isSeparator(text.charAt(i))) {
            i++;
        }
        if (!digits(text, i, 4, digits, 6) || i + 4 != length) {
            return null;
        }
        return (digits[0] >= '2') ? new String(digits) : null;
    }

    /**
     * @param nationalNumber a ten-digit national number of calling code 1 starting with
     * 2–9
     * @return what libphonenumber's {@code isValidNumber} says of it
     */
    static boolean isValid(String nationalNumber) {
        for (RegionRules region : REGIONS) {
            if (region.leadingDigits() != null) {
                if (region.leadingDigits().claims(nationalNumber)) {
                    return region.knows(nationalNumber);
                }
            }
            else if (region.knows(nationalNumber)) {
                return true;
            }
        }
        return false;
    }

    private static boolean digits(String text, int start, int count, char[] into, int at) {
        if (start + count > text.length()) {
            return false;
        }
        for (int k = 0; k < count; k++) {
            char c = text.charAt(start + k);
            if (c < '0' || c > '9') {
                return false;
            }
            into[at + k] = c;
        }
        return true;
    }

    private static boolean isSeparator(char c) {
        return c == ' ' || c == '-' || c == '.';
    }

    /**
     * The metadata the fast parse relies on: calling code 1, national prefix for parsing
     * {@code 1} without a transform, international prefix {@code 011}.
     */
    private static boolean checkParsingRules(String region) {
        PhoneMetadata metadata = metadata(region);
        return metadata != null && metadata.getCountryCode() == 1 && "1".equals(metadata.getNationalPrefixForParsing())
                && metadata.getNationalPrefixTransformRule().isEmpty()
                && "011".equals(metadata.getInternationalPrefix());
    }

    private static List<RegionRules> regions() {
        try {
            List<RegionRules> regions = new ArrayList<>();
            for (String region : PHONES.getRegionCodesForCountryCode(1)) {
                PhoneMetadata metadata = metadata(region);
                if (metadata == null) {
                    return null;
                }
                List<Desc> types = new ArrayList<>();
                // the commonest types first; the order does not change whether one
                // matches
                types.add(Desc.of(metadata.getFixedLine()));
                if (!metadata.getSameMobileAndFixedLinePattern()) {
                    types.add(Desc.of(metadata.getMobile()));
                }
                for (PhoneNumberDesc type : List.of(metadata.getTollFree(), metadata.getPremiumRate(),
                        metadata.getSharedCost(), metadata.getVoip(), metadata.getPersonalNumber(), metadata.getPager(),
                        metadata.getUan(), metadata.getVoicemail())) {
                    types.add(Desc.of(type));
                }
                regions.add(new RegionRules(
                        metadata.hasLeadingDigits() ? LeadingDigits.of(metadata.getLeadingDigits()) : null,
                        Desc.of(metadata.getGeneralDesc()), List.copyOf(types)));
            }
            return regions.isEmpty() ? null : List.copyOf(regions);
        }
        catch (RuntimeException ex) {
            // metadata not as expected: everything goes to libphonenumber
            return null;
        }
    }

    private static PhoneMetadata metadata(String region) {
        return DefaultMetadataDependenciesProvider.getInstance()
            .getPhoneNumberMetadataSource()
            .getMetadataForRegion(region);
    }

    /**
     * A region's rules, as libphonenumber's {@code getNumberTypeHelper} applies them: a
     * number's type is known when it matches the general description and one of the types
     * (fixed line, mobile unless it has the fixed-line pattern, toll free, premium rate,
     * shared cost, VoIP, personal, pager, UAN, voicemail).
     *
     * @param leadingDigits the national numbers the region claims, or null
     * @param general the general description every number of the region matches
     * @param types the number types
     */
    private record RegionRules(LeadingDigits leadingDigits, Desc general, List<Desc> types) {

        /**
         * @return whether the number's type is known in the region (not UNKNOWN)
         */
        boolean knows(String nationalNumber) {
            if (!this.general.matches(nationalNumber)) {
                return false;
            }
            for (Desc type : this.types) {
                if (type.matches(nationalNumber)) {
                    return true;
                }
            }
            return false;
        }

    }

    /**
     * A region's leading digits, matched as libphonenumber does ({@code lookingAt}).
     * Those of calling code 1 are alternatives of digits and digit classes ({@code 268},
     * {@code 8001|8[024]9}): such a pattern matches at the start exactly when the number
     * starts with one of the digit strings it stands for, which is checked without a
     * matcher. Any other pattern is matched as it is.
     *
     * @param pattern the pattern
     * @param prefixes the digit strings it stands for, or null
     */
    record LeadingDigits(Pattern pattern, List<String> prefixes) {

        static LeadingDigits of(String regex) {
            return new LeadingDigits(Pattern.compile(regex), prefixes(regex));
        }

        boolean claims(String nationalNumber) {
            if (this.prefixes == null) {
                return this.pattern.matcher(nationalNumber).lookingAt();
            }
            for (String prefix : this.prefixes) {
                if (nationalNumber.startsWith(prefix)) {
                    return true;
                }
            }
            return false;
        }

        /**
         * @return the digit strings a pattern of alternatives of digits and digit classes
         * ({@code [024]}, {@code [2-5]}) stands for, or null for any other pattern
         */
        static List<String> prefixes(String regex) {
            List<String> prefixes = new ArrayList<>();
            for (String alternative : regex.split("\\|", -1)) {
                List<String> expanded = List.of("");
                int i = 0;
                while (i < alternative.length()) {
                    char c = alternative.charAt(i);
                    String digits;
                    if (c >= '0' && c <= '9') {
                        digits = String.valueOf(c);
                        i++;
                    }
                    else if (c == '[') {
                        int end = alternative.indexOf(']', i);
                        digits = (end > i + 1) ? digitClass(alternative.substring(i + 1, end)) : null;
                        i = end + 1;
                    }
                    else {
                        digits = null;
                    }
                    if (digits == null) {
                        return null;
                    }
                    List<String> longer = new ArrayList<>();
                    for (String prefix : expanded) {
                        for (char digit : digits.toCharArray()) {
                            longer.add(prefix + digit);
                        }
                    }
                    expanded = longer;
                }
                if (alternative.isEmpty() || expanded.size() > 1000) {
                    return null;
                }
                prefixes.addAll(expanded);
            }
            return List.copyOf(prefixes);
        }

        /**
         * @return the digits of a class body such as {@code 024} or {@code 2-57}, or null
         * when it holds anything else
         */
        private static String digitClass(String body) {
            StringBuilder digits = new StringBuilder();
            int i = 0;
            while (i < body.length()) {
                char c = body.charAt(i);
                if (c < '0' || c > '9') {
                    return null;
                }
                if (i + 2 < body.length() && body.charAt(i + 1) == '-') {
                    char last = body.charAt(i + 2);
                    if (last < c || last > '9') {
                        return null;
                    }
                    for (char d = c; d <= last; d++) {
                        digits.append(d);
                    }
                    i += 3;
                }
                else {
                    digits.append(c);
                    i++;
                }
            }
            return digits.toString();
        }

    }

    /**
     * A number description, matched as libphonenumber's {@code isNumberMatchingDesc}
     * does: the possible lengths when there are any, then the whole pattern.
     *
     * @param lengths the possible lengths (empty: any)
     * @param pattern the national number pattern, or null when it is empty (matches
     * nothing)
     */
    private record Desc(List<Integer> lengths, Pattern pattern) {

        static Desc of(PhoneNumberDesc desc) {
            String pattern = desc.getNationalNumberPattern();
            return new Desc(List.copyOf(desc.getPossibleLengthList()),
                    pattern.isEmpty() ? null : Pattern.compile(pattern));
        }

        boolean matches(String nationalNumber) {
            if (!this.lengths.isEmpty() && !this.lengths.contains(nationalNumber.length())) {
                return false;
            }
            return this.pattern != null && this.pattern.matcher(nationalNumber).matches();
        }

    }

}
