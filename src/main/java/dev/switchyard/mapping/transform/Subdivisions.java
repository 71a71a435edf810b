package dev.switchyard.mapping.transform;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Hand-written ISO 3166-2 subdivision tables for the countries whose addresses CRM
 * exports carry most: the United States (50 states, the District of Columbia and the
 * inhabited territories), Canada (10 provinces, 3 territories) and Australia (6 states, 2
 * territories). Names are matched like {@link Countries} does (case, accents, punctuation
 * and spaces ignored), codes are accepted as they are ({@code CA}, {@code ca}) or with
 * the country prefix ({@code US-CA}). The code returned is the short one, without the
 * country prefix ({@code CA}, not {@code US-CA}).
 */
public final class Subdivisions {

    private static final Map<String, Map<String, String>> TABLES = new HashMap<>();

    /** Lookups by the text as written and the country: exports repeat a few spellings. */
    private static final MemoCache<Optional<String>> LOOKUPS = new MemoCache<>(512);

    static {
        table("US", "AL", "Alabama", "AK", "Alaska", "AZ", "Arizona", "AR", "Arkansas", "CA", "California", "CO",
                "Colorado", "CT", "Connecticut", "DE", "Delaware", "FL", "Florida", "GA", "Georgia", "HI", "Hawaii",
                "ID", "Idaho", "IL", "Illinois", "IN", "Indiana", "IA", "Iowa", "KS", "Kansas", "KY", "Kentucky", "LA",
                "Louisiana", "ME", "Maine", "MD", "Maryland", "MA", "Massachusetts", "MI", "Michigan", "MN",
                "Minnesota", "MS", "Mississippi", "MO", "Missouri", "MT", "Montana", "NE", "Nebraska", "NV", "Nevada",
                "NH", "New Hampshire", "NJ", "New Jersey", "NM", "New Mexico", "NY", "New York", "NC", "North Carolina",
                "ND", "North Dakota", "OH", "Ohio", "OK", "Oklahoma", "OR", "Oregon", "PA", "Pennsylvania", "RI",
                "Rhode Island", "SC", "South Carolina", "SD", "South Dakota", "TN", "Tennessee", "TX", "Texas", "UT",
                "Utah", "VT", "Vermont", "VA", "Virginia", "WA", "Washington", "WV", "West Virginia", "WI", "Wisconsin",
                "WY", "Wyoming", "DC", "District of Columbia", "DC", "Washington, D.C.", "DC", "Washington DC", "AS",
                "American Samoa", "GU", "Guam", "MP", "Northern Mariana Islands", "PR", "Puerto Rico", "VI",
                "U.S. Virgin Islands", "VI", "United States Virgin Islands", "VI", "Virgin Islands", "UM",
                "United States Minor Outlying Islands");
        table("CA", "AB", "Alberta", "BC", "British Columbia", "MB", "Manitoba", "NB", "New Brunswick", "NL",
                "Newfoundland and Labrador", "NL", "Newfoundland", "NS", "Nova Scotia", "ON", "Ontario", "PE",
                "Prince Edward Island", "QC", "Quebec", "QC", "Québec", "SK", "Saskatchewan", "NT",
                "Northwest Territories", "NU", "Nunavut", "YT", "Yukon");
        table("AU", "NSW", "New South Wales", "VIC", "Victoria", "QLD", "Queensland", "SA", "South Australia", "WA",
                "Western Australia", "TAS", "Tasmania", "ACT", "Australian Capital Territory", "NT",
                "Northern Territory");
    }

    private Subdivisions() {
    }

    private static void table(String country, String... codesAndNames) {
        Map<String, String> table = new HashMap<>();
        for (int i = 0; i < codesAndNames.length; i += 2) {
            table.put(Countries.key(codesAndNames[i]), codesAndNames[i]);
            table.put(Countries.key(country + "-" + codesAndNames[i]), codesAndNames[i]);
            table.put(Countries.key(codesAndNames[i + 1]), codesAndNames[i]);
        }
        TABLES.put(country, table);
    }

    /**
     * @return the countries with a table (ISO 3166-1 alpha-2)
     */
    public static Set<String> countries() {
        return TABLES.keySet();
    }

    /**
     * @param country an ISO 3166-1 alpha-2 code
     * @param text a subdivision name or code
     * @return the short subdivision code, or empty when unknown (or the country has no
     * table)
     */
    public static Optional<String> code(String country, String text) {
        if (country == null || text == null || text.isBlank()) {
            return Optional.empty();
        }
        Optional<String> cached = LOOKUPS.get(text, country);
        return (cached != null) ? cached : LOOKUPS.put(text, country, lookup(country, text));
    }

    /**
     * {@link #code(String, String)} without remembering the answer, for texts that are
     * rarely asked twice (the words of an address).
     * @param country an ISO 3166-1 alpha-2 code (not null)
     * @param text a non-blank subdivision name or code
     * @return the short subdivision code, or empty
     */
    static Optional<String> lookup(String country, String text) {
        Map<String, String> table = TABLES.get(country.toUpperCase(Locale.ROOT));
        return (table != null) ? Optional.ofNullable(table.get(Countries.key(text))) : Optional.empty();
    }

}
