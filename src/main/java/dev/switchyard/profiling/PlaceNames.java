package dev.switchyard.profiling;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Words that name a place (countries in English as the JDK spells them, their usual
 * abbreviations, US states, Canadian provinces, world regions, compass points and large
 * business cities), for telling branches apart: "Nissan Motors" and "Nissan Motors
 * Europe", or "Acme Japan" and "Acme", are different records of one group, not
 * duplicates.
 */
final class PlaceNames {

    private static final Set<String> WORDS = new HashSet<>();

    /** Words of country names that are no place on their own. */
    private static final Set<String> NOT_PLACES = Set.of("and", "of", "the", "new", "saint", "st", "republic",
            "democratic", "people", "peoples", "federal", "federated", "islands", "island", "united", "kingdom",
            "states", "great", "minor", "outlying", "sar", "territory", "territories", "french", "heard", "mcdonald",
            "british", "virgin", "holy", "see", "city");

    static {
        for (String code : Locale.getISOCountries()) {
            add(new Locale("", code).getDisplayCountry(Locale.ENGLISH));
        }
        List.of("usa", "us", "uk", "uae", "eu", "emea", "apac", "latam", "amer", "americas", "america", "europe",
                "european", "asia", "asian", "pacific", "africa", "african", "oceania", "nordic", "nordics", "benelux",
                "dach", "iberia", "scandinavia", "middle", "north", "south", "east", "west", "central", "northern",
                "southern", "eastern", "western", "northeast", "northwest", "southeast", "southwest", "midwest",
                "england", "scotland", "wales", "ireland", "holland", "britain", "korea", "russia", "deutschland",
                "japanese", "german", "french", "italian", "spanish", "chinese", "indian", "canadian", "british",
                "australian", "brazilian", "mexican", "dutch", "swiss", "swedish", "danish", "finnish", "norwegian")
            .forEach(WORDS::add);
        List.of("alabama", "alaska", "arizona", "arkansas", "california", "colorado", "connecticut", "delaware",
                "florida", "georgia", "hawaii", "idaho", "illinois", "indiana", "iowa", "kansas", "kentucky",
                "louisiana", "maine", "maryland", "massachusetts", "michigan", "minnesota", "mississippi", "missouri",
                "montana", "nebraska", "nevada", "hampshire", "jersey", "mexico", "york", "carolina", "dakota", "ohio",
                "oklahoma", "oregon", "pennsylvania", "tennessee", "texas", "utah", "vermont", "virginia", "washington",
                "wisconsin", "wyoming", "ontario", "quebec", "alberta", "manitoba", "saskatchewan", "columbia", "nova",
                "scotia", "brunswick", "newfoundland")
            .forEach(WORDS::add);
        List.of("london", "paris", "berlin", "munich", "frankfurt", "hamburg", "madrid", "barcelona", "rome", "milan",
                "amsterdam", "rotterdam", "brussels", "vienna", "zurich", "geneva", "stockholm", "oslo", "copenhagen",
                "helsinki", "dublin", "lisbon", "prague", "warsaw", "budapest", "athens", "istanbul", "moscow", "dubai",
                "tokyo", "osaka", "kyoto", "nagoya", "yokohama", "seoul", "beijing", "shanghai", "shenzhen",
                "singapore", "sydney", "melbourne", "auckland", "mumbai", "delhi", "bangalore", "toronto", "montreal",
                "vancouver", "boston", "chicago", "houston", "dallas", "austin", "atlanta", "miami", "seattle",
                "denver", "phoenix", "philadelphia", "detroit", "angeles", "francisco", "diego", "jose", "sao", "paulo",
                "rio", "janeiro", "buenos", "aires", "santiago", "lima", "bogota", "johannesburg", "cairo", "lagos",
                "nairobi")
            .forEach(WORDS::add);
    }

    private PlaceNames() {
    }

    private static void add(String name) {
        for (String word : MatchKeys.name(name).split(" ")) {
            if ((word.length() > 2 || name.length() <= 3) && !NOT_PLACES.contains(word)) {
                WORDS.add(word);
            }
        }
    }

    /**
     * @param word a word of a normalised name
     * @return whether it names a place
     */
    static boolean isPlace(String word) {
        return WORDS.contains(word);
    }

    /**
     * Whether two normalised names differ only in words that name places: the same words
     * once the place words are left out, and some place word in one that the other lacks.
     * @param a a normalised name
     * @param b another
     */
    static boolean differOnlyByPlace(String a, String b) {
        List<String> restA = new java.util.ArrayList<>();
        List<String> restB = new java.util.ArrayList<>();
        boolean placeA = split(a, restA);
        boolean placeB = split(b, restB);
        return (placeA || placeB) && !restA.isEmpty() && restA.equals(restB) && !a.equals(b);
    }

    private static boolean split(String name, List<String> rest) {
        boolean place = false;
        for (String word : name.split(" ")) {
            if (isPlace(word)) {
                place = true;
            }
            else if (!word.isEmpty()) {
                rest.add(word);
            }
        }
        return place;
    }

}
