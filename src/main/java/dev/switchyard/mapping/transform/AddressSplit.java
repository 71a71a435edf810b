package dev.switchyard.mapping.transform;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One part of an address held in a single text field, such as
 * {@code "12 Main St, Suite 4, Glendale(AZ) 85301-1234"}, a multi-line postal address
 * ({@code "301 Hamilton Avenue\nPalo Alto, CA 94303\nUnited States of America"}) or a
 * Salesforce compound-address export ({@code {"city":"South Lake Tahoe(CA)",
 * "postalCode":"96308","state":"CA","street":"9569 Kathy St.",…}}).
 *
 * <p>
 * The text is read from the end, in lines and comma-separated segments: a trailing
 * country (any name {@link Countries} knows, except two-letter codes other than
 * {@code US}/{@code UK}, which are read as states), then the postal code, then the state
 * or province, then the city; what comes before is the street, including suite, unit,
 * apartment and floor numbers and any building or company line. Details:
 * <ul>
 * <li>STATE is the short code for countries {@link Subdivisions} knows (two-letter codes
 * only when written in upper case, so "in" or "or" are never states); a city written
 * {@code City(ST)} gives its state (the Salesforce sample data does this).</li>
 * <li>POSTAL_CODE keeps ZIP+4 as written ({@code 85301-1234}); a US ZIP of 4 digits (a
 * spreadsheet dropped its leading zero: {@code 6850}) is padded to 5 ({@code 06850});
 * Canadian codes are upper-cased with their space ({@code L6Y 1Z4}).</li>
 * <li>COUNTRY is the ISO 3166-1 alpha-2 code of a country named in the text, or null when
 * there is none ({@code defaultCountry} only steers the parsing).</li>
 * <li>Without commas or line breaks, the city is what follows the last street-type word
 * ({@code St.}, {@code Ave}, {@code Blvd}, …) or unit number ({@code Suite 300}); when
 * there is none the city is null.</li>
 * </ul>
 * It handles United States and Canadian addresses well; United Kingdom (postcode, post
 * town) and Australian addresses reasonably; others best-effort (a numeric postal code
 * and the trailing country only). A part that cannot be found is null; a text in which
 * neither a postal code, a state nor a country can be found (a street alone, say) is a
 * {@link TransformException}. A trailing segment that is a state of the default country
 * is read as a state, not a country ({@code Atlanta, Georgia} is in the US).
 *
 * @param part the part to return
 * @param defaultCountry the ISO 3166-1 alpha-2 country of addresses that name none (null:
 * {@code US})
 */
public record AddressSplit(Part part, String defaultCountry) implements Transform {

    /** The parts of an address. */
    public enum Part {

        /** The street lines, with unit numbers. */
        STREET,
        /** The city or post town. */
        CITY,
        /** The state or province code. */
        STATE,
        /** The ZIP or postal code. */
        POSTAL_CODE,
        /** The country's ISO 3166-1 alpha-2 code. */
        COUNTRY

    }

    /** The parts found, each null when absent. */
    record Parts(String street, String city, String state, String postalCode, String country) {

        String get(Part part) {
            return switch (part) {
                case STREET -> this.street;
                case CITY -> this.city;
                case STATE -> this.state;
                case POSTAL_CODE -> this.postalCode;
                case COUNTRY -> this.country;
            };
        }

    }

    private static final Pattern JSON_FIELD = Pattern.compile("\"(\\w+)\"\\s*:\\s*(?:null|\"((?:[^\"\\\\]|\\\\.)*)\")");

    private static final Pattern US_ZIP = Pattern.compile("(?:^|[\\s,])(\\d{4,5})(-\\d{4})?$");

    private static final Pattern CA_POSTAL = Pattern.compile("(?:^|[\\s,])([A-Za-z]\\d[A-Za-z])\\s?(\\d[A-Za-z]\\d)$");

    private static final Pattern GB_POSTCODE = Pattern
        .compile("(?:^|[\\s,])([A-Za-z]{1,2}\\d[A-Za-z\\d]?)\\s?(\\d[A-Za-z]{2})$");

    private static final Pattern AU_POSTCODE = Pattern.compile("(?:^|[\\s,])(\\d{4})$");

    private static final Pattern OTHER_POSTAL = Pattern.compile("(?:^|[\\s,])(\\d{3,}(?:-\\d{3,4})?)$");

    private static final Pattern CITY_STATE = Pattern.compile("^(.*?)\\s*\\(([A-Za-z]{2,3})\\)$");

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private static final Pattern NOT_A_LETTER = Pattern.compile("[^\\p{L}]");

    private static final Pattern US_OR_UK = Pattern.compile("(?i)U\\.?S\\.?|U\\.?K\\.?");

    private static final Pattern DOT_OR_COMMA = Pattern.compile("[.,]");

    private static final Pattern ESCAPED = Pattern.compile("\\\\(.)");

    /**
     * The parts of an address by its text and default country (see {@link MemoCache}): a
     * mapping usually takes several parts of the same address, one after the other.
     */
    private static final MemoCache<Parts> PARTS = new MemoCache<>(1024);

    /** Cached for a text in which no part could be found. */
    private static final Parts NOT_FOUND = new Parts(null, null, null, null, null);

    private static final Set<String> STREET_WORDS = Set.of("st", "street", "ave", "av", "avenue", "blvd", "boulevard",
            "rd", "road", "dr", "drive", "way", "ln", "lane", "ct", "court", "pl", "place", "plaza", "pkwy", "parkway",
            "hwy", "highway", "ter", "terrace", "cir", "circle", "sq", "square", "trl", "trail", "expressway",
            "turnpike", "junction", "alley", "center", "centre", "row", "walk", "gade");

    private static final Set<String> UNIT_WORDS = Set.of("suite", "ste", "unit", "apt", "apartment", "floor", "fl",
            "room", "rm", "bldg", "building", "#", "ms");

    @Override
    public Object apply(Object value, TransformContext context) {
        String text = (value != null) ? value.toString().strip() : "";
        if (text.isEmpty()) {
            return null;
        }
        Parts parts = parts(text);
        if (parts == null) {
            throw new TransformException(context, value, describe(),
                    "no postal code, state or country found in '" + text + "'");
        }
        return parts.get(this.part);
    }

    /**
     * @return the parts of a stripped, non-blank address, or null when none can be found
     */
    private Parts parts(String text) {
        String country = defaultCountryCode();
        Parts cached = PARTS.get(text, country);
        if (cached == null) {
            Parts parts = text.startsWith("{") ? fromJson(text) : parse(text);
            cached = PARTS.put(text, country, (parts != null) ? parts : NOT_FOUND);
        }
        return (cached != NOT_FOUND) ? cached : null;
    }

    Parts parse(String text) {
        List<String> segments = new ArrayList<>();
        for (String segment : segments(text)) {
            if (!segment.isBlank()) {
                String stripped = segment.strip();
                segments.add(hasOnlySingleSpaces(stripped) ? stripped : WHITESPACE.matcher(stripped).replaceAll(" "));
            }
        }
        if (segments.isEmpty()) {
            return null;
        }
        String country = null;
        String last = segments.get(segments.size() - 1);
        Optional<String> named = Countries.lookup(last);
        if (named.isPresent() && Subdivisions.lookup(defaultCountryCode(), last).isEmpty()
                && (NOT_A_LETTER.matcher(last).replaceAll("").length() > 2 || US_OR_UK.matcher(last).matches())) {
            country = named.get();
            segments.remove(segments.size() - 1);
        }
        String rules = (country != null) ? country : defaultCountryCode();
        String postalCode = null;
        String state = null;
        String city = null;
        if (!segments.isEmpty()) {
            String rest = segments.remove(segments.size() - 1);
            Matcher postal = postalPattern(rules).matcher(rest);
            if (postal.find()) {
                postalCode = postalCode(rules, postal);
                rest = rest.substring(0, postal.start()).strip();
            }
            String[] found = trailingState(rules, rest);
            if (found != null) {
                state = found[0];
                rest = found[1];
            }
            if (rest.isEmpty() && !segments.isEmpty() && !startsWithDigit(segments.get(segments.size() - 1))) {
                rest = segments.remove(segments.size() - 1);
            }
            if (!rest.isEmpty()) {
                String[] streetAndCity = (segments.isEmpty() || hasNumberWord(rest)) ? splitStreetAndCity(rest)
                        : new String[] { null, rest };
                if (streetAndCity[0] != null) {
                    segments.add(streetAndCity[0]);
                }
                city = streetAndCity[1];
            }
        }
        if (city != null) {
            Matcher cityState = CITY_STATE.matcher(city);
            if (cityState.matches()) {
                city = cityState.group(1).isEmpty() ? null : cityState.group(1);
                if (state == null) {
                    state = cityState.group(2).toUpperCase(Locale.ROOT);
                }
            }
        }
        if (postalCode == null && state == null && country == null) {
            return null;
        }
        String street = segments.isEmpty() ? null : String.join(", ", segments);
        return new Parts(street, city, state, postalCode, country);
    }

    /**
     * The text's segments between commas and line breaks, as splitting it on
     * {@code [,\n\r]+} gives them but for empty ones (the caller skips blank segments
     * anyway).
     */
    static List<String> segments(String text) {
        List<String> segments = new ArrayList<>(4);
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || c == '\n' || c == '\r') {
                if (i > start) {
                    segments.add(text.substring(start, i));
                }
                start = i + 1;
            }
        }
        if (start < text.length()) {
            segments.add(text.substring(start));
        }
        return segments;
    }

    /**
     * Whether replacing runs of {@code \s} by one space would leave the text as it is:
     * its only such characters are spaces, never two together.
     */
    static boolean hasOnlySingleSpaces(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c == ' ' && i + 1 < text.length() && text.charAt(i + 1) == ' ') || c == '\t' || c == '\n'
                    || c == '\u000b' || c == '\f' || c == '\r') {
                return false;
            }
        }
        return true;
    }

    private Parts fromJson(String json) {
        Map<String, String> fields = new HashMap<>();
        Matcher field = JSON_FIELD.matcher(json);
        while (field.find()) {
            if (field.group(2) != null) {
                fields.put(field.group(1), ESCAPED.matcher(field.group(2).replace("\\n", "\n")).replaceAll("$1"));
            }
        }
        String country = Optional.ofNullable(fields.get("countryCode"))
            .or(() -> Optional.ofNullable(fields.get("country")))
            .flatMap(Countries::alpha2)
            .orElse(null);
        String rules = (country != null) ? country : defaultCountryCode();
        String city = fields.get("city");
        String state = fields.containsKey("stateCode") ? fields.get("stateCode") : fields.get("state");
        if (city != null) {
            Matcher cityState = CITY_STATE.matcher(city.strip());
            if (cityState.matches()) {
                city = cityState.group(1);
                state = (state != null) ? state : cityState.group(2).toUpperCase(Locale.ROOT);
            }
        }
        if (state != null) {
            state = Subdivisions.code(rules, state).orElse(state);
        }
        String postalCode = fields.get("postalCode");
        if (postalCode != null && "US".equals(rules)) {
            Matcher zip = US_ZIP.matcher(postalCode.strip());
            postalCode = zip.find() ? postalCode(rules, zip) : postalCode;
        }
        if (fields.isEmpty()) {
            return null;
        }
        return new Parts(fields.get("street"), city, state, postalCode, country);
    }

    private static Pattern postalPattern(String country) {
        return switch (country) {
            case "US" -> US_ZIP;
            case "CA" -> CA_POSTAL;
            case "GB" -> GB_POSTCODE;
            case "AU" -> AU_POSTCODE;
            default -> OTHER_POSTAL;
        };
    }

    private static String postalCode(String country, Matcher postal) {
        return switch (country) {
            case "US" -> ((postal.group(1).length() == 4) ? "0" + postal.group(1) : postal.group(1))
                    + ((postal.group(2) != null) ? postal.group(2) : "");
            case "CA", "GB" -> (postal.group(1) + " " + postal.group(2)).toUpperCase(Locale.ROOT);
            default -> postal.group(1);
        };
    }

    /**
     * @return the state code and the text before it, or null
     */
    private static String[] trailingState(String country, String text) {
        if (text.isEmpty()) {
            return null;
        }
        Matcher cityState = CITY_STATE.matcher(text);
        if (cityState.matches()) {
            return null;
        }
        String[] words = text.split(" ");
        for (int n = Math.min(4, words.length); n >= 1; n--) {
            String candidate = String.join(" ", Arrays.copyOfRange(words, words.length - n, words.length));
            String letters = NOT_A_LETTER.matcher(candidate).replaceAll("");
            if (letters.length() <= 3 && !letters.equals(letters.toUpperCase(Locale.ROOT))) {
                continue;
            }
            Optional<String> code = candidate.isBlank() ? Optional.empty() : Subdivisions.lookup(country, candidate);
            if (code.isPresent()) {
                return new String[] { code.get(),
                        String.join(" ", Arrays.copyOfRange(words, 0, words.length - n)).strip() };
            }
        }
        return null;
    }

    /**
     * @return the street (or null) and the city (or null) of a text without commas
     */
    private static String[] splitStreetAndCity(String text) {
        String[] words = text.split(" ");
        int end = -1;
        for (int i = 0; i < words.length; i++) {
            String word = DOT_OR_COMMA.matcher(words[i].toLowerCase(Locale.ROOT)).replaceAll("");
            if (STREET_WORDS.contains(word)) {
                end = i;
            }
            else if ((UNIT_WORDS.contains(word) || word.startsWith("#")) && i + 1 < words.length
                    && startsWithDigit(words[i + 1])) {
                end = i + 1;
            }
            else if (word.startsWith("#") && word.length() > 1) {
                end = i;
            }
        }
        if (end < 0) {
            return startsWithDigit(text) ? new String[] { text, null } : new String[] { null, text };
        }
        String street = String.join(" ", Arrays.copyOfRange(words, 0, end + 1));
        String city = String.join(" ", Arrays.copyOfRange(words, end + 1, words.length)).strip();
        return new String[] { street, city.isEmpty() ? null : city };
    }

    private static boolean hasNumberWord(String text) {
        for (String word : text.split(" ")) {
            if (startsWithDigit(word)) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWithDigit(String text) {
        return !text.isEmpty() && Character.isDigit(text.charAt(0));
    }

    private String defaultCountryCode() {
        return (this.defaultCountry != null && !this.defaultCountry.isBlank())
                ? Countries.alpha2(this.defaultCountry).orElse("US") : "US";
    }

    @Override
    public String describe() {
        return "address part " + this.part + " (default country " + defaultCountryCode() + ")";
    }

}
