package dev.switchyard.mapping;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.switchyard.profiling.JaroWinkler;

/**
 * Compares object and field names across systems: case, underscores, spaces and the
 * Salesforce {@code __c} suffix are ignored, plurals count as singulars ({@code accounts}
 * is {@code account}, {@code StageName} is {@code stage_name}), and a few CRM synonyms
 * are known ({@code Account} → {@code companies}, {@code Opportunity} → {@code deals}).
 */
final class Names {

    /** Text columns that hold the source system's id: the match key by convention. */
    static final Set<String> SOURCE_ID_NAMES = Set.of("sourceid", "externalid", "legacyid", "crmid", "sourcerecordid",
            "originalid", "oldid", "sfid", "salesforceid", "importid", "migrationid");

    private static final Map<String, Set<String>> SYNONYMS = Map.ofEntries(
            Map.entry("account", Set.of("company", "organization", "organisation", "customer", "client")),
            Map.entry("contact", Set.of("person", "people", "individual")),
            Map.entry("lead", Set.of("prospect", "person", "people")), Map.entry("opportunity", Set.of("deal", "sale")),
            Map.entry("case", Set.of("ticket", "issue")), Map.entry("task", Set.of("activity")),
            Map.entry("event", Set.of("activity", "meeting")), Map.entry("user", Set.of("owner", "employee")),
            Map.entry("product2", Set.of("product")), Map.entry("campaign", Set.of("marketingcampaign")),
            Map.entry("note", Set.of("comment")));

    private static final Set<String> ADDRESS_PREFIXES = Set.of("billing", "mailing", "shipping", "other", "primary");

    private Names() {
    }

    /**
     * @param name a name
     * @return its comparable form: lower case letters and digits, singular
     */
    static String normal(String name) {
        String text = name.trim();
        if (text.toLowerCase(Locale.ROOT).endsWith("__c")) {
            text = text.substring(0, text.length() - 3);
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                out.append(Character.toLowerCase(c));
            }
        }
        return singular(out.toString());
    }

    static String singular(String word) {
        if (word.equals("people")) {
            return "person";
        }
        if (word.endsWith("ies") && word.length() > 4) {
            return word.substring(0, word.length() - 3) + "y";
        }
        if ((word.endsWith("sses") || word.endsWith("xes") || word.endsWith("ches") || word.endsWith("shes"))
                && word.length() > 4) {
            return word.substring(0, word.length() - 2);
        }
        if (word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us") && !word.endsWith("is")
                && word.length() > 3) {
            return word.substring(0, word.length() - 1);
        }
        return word;
    }

    /**
     * @param source an object name in the source
     * @param target an object name in the target
     * @return how alike they are as objects, 0–1
     */
    static double objectSimilarity(String source, String target) {
        String a = normal(source);
        String b = normal(target);
        if (a.equals(b)) {
            return 1.0;
        }
        if (SYNONYMS.getOrDefault(a, Set.of()).contains(b)) {
            return 0.9;
        }
        double similarity = JaroWinkler.similarity(a, b);
        return (similarity >= 0.92) ? similarity * 0.9 : 0;
    }

    /**
     * @param source a field name in the source
     * @param target a field name in the target
     * @return how alike they are as fields, 0–1
     */
    static double fieldSimilarity(String source, String target) {
        String a = normal(source);
        String b = normal(target);
        if (a.equals(b)) {
            return 1.0;
        }
        for (String prefix : ADDRESS_PREFIXES) {
            if (a.startsWith(prefix) && a.substring(prefix.length()).equals(b)) {
                return prefix.equals("billing") || prefix.equals("mailing") ? 0.85 : 0.75;
            }
        }
        // Salesforce appends "Id" to lookups and "Name" to some picklists: AccountId →
        // account,
        // StageName → stage
        if ((a.endsWith("id") && a.substring(0, a.length() - 2).equals(b))
                || (b.endsWith("id") && b.substring(0, b.length() - 2).equals(a))) {
            return 0.9;
        }
        if (a.endsWith("name") && a.length() > 4 && a.substring(0, a.length() - 4).equals(b)) {
            return 0.88;
        }
        double similarity = JaroWinkler.similarity(a, b);
        return (similarity >= 0.93) ? similarity * 0.9 : 0;
    }

    /**
     * @param value a picklist value
     * @return its form for case- and space-insensitive comparison
     */
    static String value(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                out.append(Character.toLowerCase(c));
            }
        }
        return out.toString();
    }

}
