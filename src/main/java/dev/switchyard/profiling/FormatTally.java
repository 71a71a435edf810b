package dev.switchyard.profiling;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts formats (phone shapes, date patterns), keeping the first example of each. At
 * most {@value #LIMIT} formats are told apart; further ones are counted as
 * {@value #OTHER}.
 */
final class FormatTally {

    static final int LIMIT = 32;

    static final String OTHER = "(other)";

    private final Map<String, Entry> entries = new LinkedHashMap<>();

    private long total;

    void add(String format, String recordId, String value) {
        this.total++;
        Entry entry = this.entries.get(format);
        if (entry == null) {
            String key = (this.entries.size() < LIMIT) ? format : OTHER;
            entry = this.entries.computeIfAbsent(key, (k) -> new Entry(new Example(recordId, value)));
        }
        entry.count++;
    }

    long total() {
        return this.total;
    }

    List<FormatCount> result() {
        List<FormatCount> result = new ArrayList<>(this.entries.size());
        this.entries.forEach((format, entry) -> result.add(new FormatCount(format, entry.count, entry.example)));
        result.sort(Comparator.comparingLong(FormatCount::count).reversed());
        return result;
    }

    private static final class Entry {

        private final Example example;

        private long count;

        Entry(Example example) {
            this.example = example;
        }

    }

}
