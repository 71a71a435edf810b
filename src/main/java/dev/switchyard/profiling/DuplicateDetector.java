package dev.switchyard.profiling;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds duplicate candidate groups among an object's records: records sharing a
 * normalised name, e-mail, phone or web domain, or whose normalised names are
 * Jaro-Winkler similar (at least {@value #SIMILARITY_THRESHOLD}, word by word for names
 * of as many words) within a block of the same first three letters (sorted neighbourhood:
 * each name is compared with the next {@value #WINDOW} in its block). Keeps only a small
 * entry per record (id, normalised name, three key hashes). A key shared by more than
 * {@value #MAX_SHARED} records (a catch-all address, a switchboard number) is no evidence
 * and is ignored. Not thread-safe.
 */
public final class DuplicateDetector {

    /** The least Jaro-Winkler similarity of names deemed alike. */
    public static final double SIMILARITY_THRESHOLD = 0.92;

    /** Keys shared by more records than this are ignored. */
    public static final int MAX_SHARED = 50;

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
        LinkedRecords links = new LinkedRecords(size);
        KeyColumn nameKeys = new KeyColumn();
        this.names.forEach(nameKeys::add);
        nameKeys.linkEqual(links, MatchKind.NAME, size);
        this.emails.linkEqual(links, MatchKind.EMAIL, size);
        this.phones.linkEqual(links, MatchKind.PHONE, size);
        this.domains.linkEqual(links, MatchKind.WEBSITE, size);
        linkSimilarNames(links);
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

    private void linkSimilarNames(LinkedRecords links) {
        Integer[] order = new Integer[this.names.size()];
        int count = 0;
        for (int i = 0; i < order.length; i++) {
            if (this.names.get(i) != null && this.names.get(i).length() >= 3) {
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
                if (!other.equals(name)) {
                    double similarity = JaroWinkler.nameSimilarity(name, other);
                    if (similarity >= SIMILARITY_THRESHOLD) {
                        links.link(named[i], named[j], MatchKind.SIMILAR_NAME, similarity);
                    }
                }
            }
        }
    }

}
