package dev.switchyard.mapping.transform;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Country names, aliases and codes to ISO 3166-1 alpha-2 codes. Knows every code of
 * {@link Locale#getISOCountries()}, its alpha-3 code and its English name (as the JDK
 * spells it: {@code United States}, {@code South Korea}, {@code Russia}, …), plus a
 * hand-written list of aliases seen in CRM exports ({@code USA}, {@code U.S.},
 * {@code United States of America}, {@code UK}, {@code Great Britain},
 * {@code Deutschland}, {@code Korea, Republic of}, {@code Russian Federation}, …).
 * Matching ignores case, accents, punctuation, spaces, a leading "the", and treats
 * {@code &} as "and" and "Saint" as "St".
 *
 * <p>
 * {@code England}, {@code Scotland}, {@code Wales} and {@code Northern Ireland} are
 * constituent countries of the United Kingdom with no ISO 3166-1 code of their own; they
 * map to {@code GB} (their ISO 3166-2 codes are {@code GB-ENG}, {@code GB-SCT}, …).
 */
public final class Countries {

    private static final Map<String, String> CODES = new HashMap<>();

    /**
     * Lookups by the text as written: exports repeat a handful of country spellings on
     * every record.
     */
    private static final MemoCache<Optional<String>> LOOKUPS = new MemoCache<>(256);

    private static final Map<String, String[]> ALIASES = Map.ofEntries(
            Map.entry("US", new String[] { "USA", "U.S.", "U.S.A.", "United States of America", "America" }),
            Map.entry("GB",
                    new String[] { "UK", "U.K.", "Great Britain", "Britain", "England", "Scotland", "Wales",
                            "Northern Ireland", "United Kingdom of Great Britain and Northern Ireland" }),
            Map.entry("DE", new String[] { "Deutschland", "Federal Republic of Germany" }),
            Map.entry("KR", new String[] { "South Korea", "Korea, Republic of", "Republic of Korea", "Korea (South)" }),
            Map.entry("KP",
                    new String[] { "North Korea", "Korea, Democratic People's Republic of",
                            "Democratic People's Republic of Korea" }),
            Map.entry("RU", new String[] { "Russia", "Russian Federation" }),
            Map.entry("CZ", new String[] { "Czech Republic", "Czechia" }),
            Map.entry("CI", new String[] { "Ivory Coast", "Cote d'Ivoire" }),
            Map.entry("MM", new String[] { "Burma", "Myanmar" }), Map.entry("MO", new String[] { "Macau", "Macao" }),
            Map.entry("HK", new String[] { "Hong Kong" }),
            Map.entry("CD",
                    new String[] { "Democratic Republic of the Congo", "DR Congo",
                            "Congo, Democratic Republic of the" }),
            Map.entry("CG", new String[] { "Republic of the Congo", "Congo" }),
            Map.entry("BA", new String[] { "Bosnia and Herzegovina" }),
            Map.entry("TR", new String[] { "Turkey", "Türkiye" }),
            Map.entry("NL", new String[] { "Holland", "Nederland" }),
            Map.entry("CH", new String[] { "Schweiz", "Suisse", "Svizzera" }),
            Map.entry("AT", new String[] { "Österreich" }), Map.entry("ES", new String[] { "España" }),
            Map.entry("IT", new String[] { "Italia" }), Map.entry("BR", new String[] { "Brasil" }),
            Map.entry("CN", new String[] { "People's Republic of China", "PRC" }),
            Map.entry("VN", new String[] { "Viet Nam" }), Map.entry("IR", new String[] { "Iran, Islamic Republic of" }),
            Map.entry("SY", new String[] { "Syrian Arab Republic" }),
            Map.entry("LA", new String[] { "Lao PDR", "Laos" }),
            Map.entry("TZ", new String[] { "Tanzania, United Republic of" }),
            Map.entry("MD", new String[] { "Moldova, Republic of" }),
            Map.entry("VA", new String[] { "Holy See", "Vatican", "Vatican City" }),
            Map.entry("AE", new String[] { "UAE", "U.A.E." }));

    static {
        for (String code : Locale.getISOCountries()) {
            Locale country = new Locale("", code);
            CODES.put(key(code), code);
            CODES.put(key(country.getISO3Country()), code);
            CODES.put(key(country.getDisplayCountry(Locale.ENGLISH)), code);
        }
        ALIASES.forEach((code, aliases) -> {
            for (String alias : aliases) {
                CODES.put(key(alias), code);
            }
        });
    }

    private Countries() {
    }

    /**
     * @param text a country name, alias, alpha-2 or alpha-3 code
     * @return its ISO 3166-1 alpha-2 code, or empty when unknown (or blank)
     */
    public static Optional<String> alpha2(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        Optional<String> cached = LOOKUPS.get(text, null);
        return (cached != null) ? cached : LOOKUPS.put(text, null, lookup(text));
    }

    /**
     * {@link #alpha2(String)} without remembering the answer, for texts that are rarely
     * asked twice (the segments of an address).
     * @param text a non-blank text
     * @return its ISO 3166-1 alpha-2 code, or empty when unknown
     */
    static Optional<String> lookup(String text) {
        String key = key(text);
        String code = CODES.get(key);
        if (code == null && key.startsWith("the")) {
            code = CODES.get(key.substring(3));
        }
        if (code == null && key.endsWith("the")) {
            code = CODES.get(key.substring(0, key.length() - 3));
        }
        return Optional.ofNullable(code);
    }

    /**
     * @param alpha2 an ISO 3166-1 alpha-2 code
     * @return the country's English name
     */
    public static String name(String alpha2) {
        return new Locale("", alpha2).getDisplayCountry(Locale.ENGLISH);
    }

    /**
     * @param text a name or code
     * @return the text as it is matched: without accents, punctuation and spaces, in
     * lower case, {@code &} as "and" and the word "saint" as "st"
     */
    static String key(String text) {
        String ascii = asciiKey(text);
        return (ascii != null) ? ascii : regexKey(text);
    }

    /**
     * {@link #key(String)} by regular expressions, for any text.
     */
    static String regexKey(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        plain = plain.toLowerCase(Locale.ROOT).replace("&", " and ").replaceAll("\\bsaint\\b", "st");
        return plain.replaceAll("[^\\p{L}\\p{N}]", "");
    }

    /**
     * {@link #regexKey(String)} without regular expressions for ASCII text (which has no
     * accents to remove, and whose letters and digits are {@code [A-Za-z0-9]}), or null
     * for other text.
     */
    private static String asciiKey(String text) {
        int length = text.length();
        // lower case, & as " and "
        char[] lower = new char[length + 4 * countAmpersands(text)];
        int n = 0;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                return null;
            }
            if (c == '&') {
                lower[n++] = ' ';
                lower[n++] = 'a';
                lower[n++] = 'n';
                lower[n++] = 'd';
                lower[n++] = ' ';
            }
            else {
                lower[n++] = (c >= 'A' && c <= 'Z') ? (char) (c + ('a' - 'A')) : c;
            }
        }
        // the word "saint" (\bsaint\b) as "st"; letters and digits only
        StringBuilder key = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            char c = lower[i];
            if (c == 's' && isSaint(lower, n, i)) {
                key.append("st");
                i += 4;
            }
            else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                key.append(c);
            }
        }
        return key.toString();
    }

    private static int countAmpersands(String text) {
        int count = 0;
        for (int i = text.indexOf('&'); i >= 0; i = text.indexOf('&', i + 1)) {
            count++;
        }
        return count;
    }

    private static boolean isSaint(char[] text, int length, int start) {
        int end = start + 5;
        return end <= length && text[start + 1] == 'a' && text[start + 2] == 'i' && text[start + 3] == 'n'
                && text[start + 4] == 't' && (start == 0 || !isWordChar(text[start - 1]))
                && (end == length || !isWordChar(text[end]));
    }

    /** A word character for {@code \b} in ASCII text: a letter, a digit or {@code _}. */
    private static boolean isWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }

}
