package dev.switchyard.profiling;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One matching key per record, kept as a 64-bit hash (0 when the record has none), and
 * the linking of records whose keys are equal.
 */
final class KeyColumn {

    private long[] hashes = new long[1024];

    private int size;

    void add(String key) {
        if (this.size == this.hashes.length) {
            this.hashes = Arrays.copyOf(this.hashes, this.size * 2);
        }
        long hash = (key != null) ? DistinctCounter.hash(key) : 0;
        this.hashes[this.size++] = (hash != 0 || key == null) ? hash : 1;
    }

    /**
     * Hands every pair of records sharing a key to the consumer, unless more than
     * {@code maxShared} records share it (a key that common identifies none of them).
     * @param maxShared the most records a key may be shared by
     * @param records the records to consider (the first ones)
     * @param pairs receives the two records' indexes
     */
    void pairs(int maxShared, int records, java.util.function.BiConsumer<Integer, Integer> pairs) {
        long[] sorted = Arrays.copyOf(this.hashes, Math.min(records, this.size));
        Arrays.sort(sorted);
        Map<Long, List<Integer>> shared = new HashMap<>();
        for (int i = 0; i < sorted.length;) {
            int j = i;
            while (j < sorted.length && sorted[j] == sorted[i]) {
                j++;
            }
            if (sorted[i] != 0 && j - i >= 2 && j - i <= maxShared) {
                shared.put(sorted[i], new ArrayList<>(j - i));
            }
            i = j;
        }
        for (int i = 0; i < Math.min(records, this.size); i++) {
            List<Integer> members = (this.hashes[i] != 0) ? shared.get(this.hashes[i]) : null;
            if (members != null) {
                for (int member : members) {
                    pairs.accept(member, i);
                }
                members.add(i);
            }
        }
    }

}
