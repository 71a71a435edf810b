package dev.switchyard.profiling;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Watches for a multi-select picklist: values made of {@code ;}-separated short tokens
 * (the Salesforce export of a multi-select field: {@code Golf;Spa & Wellness}), drawn
 * from few distinct tokens that recur across the values. Counts each token; gives up (and
 * frees its map) as soon as that cannot be.
 */
final class PicklistTokens {

    /** The most distinct tokens of a multi-select field. */
    static final int MAX_TOKENS = 100;

    private Map<String, long[]> tokens = new HashMap<>();

    private long separated;

    private long occurrences;

    void accept(String value) {
        if (this.tokens == null) {
            return;
        }
        if (value.indexOf(';') < 0) {
            add(value.strip());
            return;
        }
        this.separated++;
        int start = 0;
        while (this.tokens != null && start <= value.length()) {
            int end = value.indexOf(';', start);
            if (end < 0) {
                end = value.length();
            }
            String token = value.substring(start, end).strip();
            // a trailing separator ("Golf;") adds no token
            if (!token.isEmpty() || end < value.length()) {
                add(token);
            }
            start = end + 1;
        }
    }

    /**
     * Whether the field is a multi-select: several values have more than one token, and
     * the tokens are few and recur (on average at least twice each).
     * @param values the non-blank values seen
     */
    boolean multiple(long values) {
        return this.tokens != null && this.separated >= Math.max(2, values / 20) && !this.tokens.isEmpty()
                && this.occurrences >= 2L * this.tokens.size() && this.tokens.size() * 2L <= this.occurrences;
    }

    /**
     * @return the distinct tokens with the number of values holding each, most frequent
     * first; empty once the field cannot be a multi-select
     */
    List<ValueCount> counts() {
        if (this.tokens == null) {
            return List.of();
        }
        List<ValueCount> counts = new ArrayList<>(this.tokens.size());
        this.tokens.forEach((token, count) -> counts.add(new ValueCount(token, count[0])));
        counts.sort(Comparator.comparingLong(ValueCount::count).reversed().thenComparing(ValueCount::value));
        return counts;
    }

    private void add(String token) {
        if (token.isEmpty() || token.length() > TypeInference.PICKLIST_MAX_LENGTH || token.indexOf('\n') >= 0) {
            this.tokens = null;
            return;
        }
        this.occurrences++;
        this.tokens.computeIfAbsent(token, (t) -> new long[1])[0]++;
        if (this.tokens.size() > MAX_TOKENS) {
            this.tokens = null;
        }
    }

}
