package dev.switchyard.profiling;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds duplicate candidate groups among an object's records by weighing evidence per
 * pair of records: the same distinctive name ({@value #NAME_WEIGHT}), Jaro-Winkler
 * similar distinctive names (at least {@value #SIMILARITY_THRESHOLD}, word by word for
 * names of as many words; {@value #SIMILAR_WEIGHT}), the same e-mail
 * ({@value #EMAIL_WEIGHT}), phone ({@value #PHONE_WEIGHT}) or web domain
 * ({@value #WEBSITE_WEIGHT}). A pair is a candidate at {@value #THRESHOLD}: a name or an
 * e-mail can make one, a shared phone or domain only supports one. What does not identify
 * a record is no evidence:
 * <ul>
 * <li>a key shared by more than {@value #MAX_SHARED} records (a switchboard number, a
 * catch-all address, a product line repeated as the name of many deals);</li>
 * <li>names in an object where most names repeat (deals named after what they sell);</li>
 * <li>names that differ only by a place ("Nissan Motors" and "Nissan Motors Europe" are
 * branches).</li>
 * </ul>
 * Similar names are compared within a block of the same first three letters (sorted
 * neighbourhood: each name with the next {@value #WINDOW} in its block). Keeps only a
 * small entry per record (id, normalised name, three key hashes). Not thread-safe.
 */
public final class DuplicateDetector {

    /** The least Jaro-Winkler similarity of names deemed alike. */
    public static final double SIMILARITY_THRESHOLD = 0.92;

    /** Keys shared by more records than this identify none of them. */
    public static final int MAX_SHARED = 3;

    /** The evidence a pair needs to be a candidate. */
    public static final double THRESHOLD = 0.8;

    static final double NAME_WEIGHT = 0.8;

    static final double SIMILAR_WEIGHT = 0.8;

    static final double EMAIL_WEIGHT = 0.8;

    static final double PHONE_WEIGHT = 0.3;

    static final double WEBSITE_WEIGHT = 0.3;

    /**
     * Names identify records only where less than this share of the named records carry a
     * name more than {@value #MAX_SHARED} records share.
     */
    static final double IDENTIFYING_NAMES = 0.5;

    static final int WINDOW = 10;

    private final List<String> ids = new ArrayList<>();

    private final List<String> names = new ArrayList<>();

    private final KeyColumn emails = new KeyColumn();

    private final KeyColumn phones = new KeyColumn();

    private final KeyColumn domains = new KeyColumn();

    /**
     * Takes one record's identifying values; any may be null or blank.
     * @param recordId the record's id
     * @param name a company or person name
     * @param email an e-mail address
     * @param phone a phone number
     * @param website a web site or URL
     */
    public void add(String recordId, String name, String email, String phone, String website) {
        this.ids.add(recordId);
        this.names.add(MatchKeys.name(name));
        this.emails.add(MatchKeys.email(email));
        this.phones.add(MatchKeys.phone(phone));
        this.domains.add(MatchKeys.domain(website));
    }

    /**
     * The groups of at least two records found among those added.
     * @return the groups, in the order of their first record
     */
    public List<DuplicateGroup> groups() {
        int size = this.ids.size();
        Map<Long, Evidence> pairs = new HashMap<>();
        KeyColumn nameKeys = new KeyColumn();
        this.names.forEach(nameKeys::add);
        boolean namesIdentify = namesIdentify();
        if (namesIdentify) {
            nameKeys.pairs(MAX_SHARED, size, (a, b) -> evidence(pairs, a, b).add(MatchKind.NAME, NAME_WEIGHT, 1.0));
            similarNames(pairs);
        }
        this.emails.pairs(MAX_SHARED, size, (a, b) -> evidence(pairs, a, b).add(MatchKind.EMAIL, EMAIL_WEIGHT, 1.0));
        this.phones.pairs(MAX_SHARED, size, (a, b) -> evidence(pairs, a, b).add(MatchKind.PHONE, PHONE_WEIGHT, 1.0));
        this.domains.pairs(MAX_SHARED, size,
                (a, b) -> evidence(pairs, a, b).add(MatchKind.WEBSITE, WEBSITE_WEIGHT, 1.0));
        LinkedRecords links = new LinkedRecords(size);
        pairs.forEach((key, evidence) -> {
            if (evidence.weight >= THRESHOLD - 1e-9) {
                int a = (int) (key >>> 32);
                int b = (int) (key & 0xffffffffL);
                evidence.kinds.forEach((kind, similarity) -> links.link(a, b, kind, similarity));
            }
        });
        Map<Integer, List<Integer>> components = new LinkedHashMap<>();
        Map<Integer, Integer> sizes = new HashMap<>();
        for (int i = 0; i < size; i++) {
            sizes.merge(links.root(i), 1, Integer::sum);
        }
        for (int i = 0; i < size; i++) {
            int root = links.root(i);
            if (sizes.get(root) > 1) {
                components.computeIfAbsent(root, (r) -> new ArrayList<>()).add(i);
            }
        }
        List<DuplicateGroup> groups = new ArrayList<>(components.size());
        components.forEach((root, members) -> groups.add(group(links, root, members)));
        return groups;
    }

    /**
     * Whether names tell records apart in this object: fewer than half of the named
     * records carry a name shared by more than {@value #MAX_SHARED} records (deals named
     * after the product line they sell do not).
     */
    private boolean namesIdentify() {
        Map<String, Integer> counts = new HashMap<>();
        int named = 0;
        for (String name : this.names) {
            if (name != null) {
                named++;
                counts.merge(name, 1, Integer::sum);
            }
        }
        long common = counts.values().stream().filter((c) -> c > MAX_SHARED).mapToLong(Integer::longValue).sum();
        return named > 0 && common < IDENTIFYING_NAMES * named;
    }

    private static Evidence evidence(Map<Long, Evidence> pairs, int a, int b) {
        long key = ((long) Math.min(a, b) << 32) | Math.max(a, b);
        return pairs.computeIfAbsent(key, (k) -> new Evidence());
    }

    private DuplicateGroup group(LinkedRecords links, int root, List<Integer> members) {
        List<String> recordIds = new ArrayList<>(members.size());
        List<Example> examples = new ArrayList<>();
        for (int member : members) {
            recordIds.add(this.ids.get(member));
            if (examples.size() < IssueTally.EXAMPLE_LIMIT) {
                examples.add(new Example(this.ids.get(member), this.names.get(member)));
            }
        }
        Set<MatchKind> kinds = EnumSet.noneOf(MatchKind.class);
        for (MatchKind kind : MatchKind.values()) {
            if (links.has(root, kind)) {
                kinds.add(kind);
            }
        }
        return new DuplicateGroup(recordIds, kinds, links.score(root), examples);
    }

    private void similarNames(Map<Long, Evidence> pairs) {
        Map<String, Integer> frequency = new HashMap<>();
        this.names.forEach((name) -> {
            if (name != null) {
                frequency.merge(name, 1, Integer::sum);
            }
        });
        Integer[] order = new Integer[this.names.size()];
        int count = 0;
        for (int i = 0; i < order.length; i++) {
            String name = this.names.get(i);
            if (name != null && name.length() >= 3 && frequency.get(name) <= MAX_SHARED) {
                order[count++] = i;
            }
        }
        Integer[] named = Arrays.copyOf(order, count);
        Arrays.sort(named, (a, b) -> this.names.get(a).compareTo(this.names.get(b)));
        for (int i = 0; i < named.length; i++) {
            String name = this.names.get(named[i]);
            for (int j = i + 1; j < named.length && j <= i + WINDOW; j++) {
                String other = this.names.get(named[j]);
                if (!other.regionMatches(0, name, 0, 3)) {
                    break;
                }
                if (!other.equals(name) && !PlaceNames.differOnlyByPlace(name, other)) {
                    double similarity = JaroWinkler.nameSimilarity(name, other);
                    if (similarity >= SIMILARITY_THRESHOLD) {
                        evidence(pairs, named[i], named[j]).add(MatchKind.SIMILAR_NAME, SIMILAR_WEIGHT, similarity);
                    }
                }
            }
        }
    }

    /**
     * The evidence that two records are one: the kinds of keys they share, each with its
     * similarity (1 for an exact key), and the summed weight.
     */
    private static final class Evidence {

        final Map<MatchKind, Double> kinds = new EnumMap<>(MatchKind.class);

        double weight;

        Evidence add(MatchKind kind, double weight, double similarity) {
            if (this.kinds.putIfAbsent(kind, similarity) == null) {
                this.weight += weight;
            }
            return this;
        }

    }

}
