package dev.switchyard.profiling;

import java.util.Arrays;
import java.util.HashMap;
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
     * Links records sharing a key, unless more than {@link DuplicateDetector#MAX_SHARED}
     * records share it.
     */
    void linkEqual(LinkedRecords links, MatchKind kind, int records) {
        long[] sorted = Arrays.copyOf(this.hashes, this.size);
        Arrays.sort(sorted);
        Map<Long, int[]> shared = new HashMap<>();
        for (int i = 0; i < sorted.length;) {
            int j = i;
            while (j < sorted.length && sorted[j] == sorted[i]) {
                j++;
            }
            if (sorted[i] != 0 && j - i >= 2 && j - i <= DuplicateDetector.MAX_SHARED) {
                shared.put(sorted[i], new int[] { -1 });
            }
            i = j;
        }
        for (int i = 0; i < Math.min(records, this.size); i++) {
            int[] first = (this.hashes[i] != 0) ? shared.get(this.hashes[i]) : null;
            if (first != null) {
                if (first[0] < 0) {
                    first[0] = i;
                }
                else {
                    links.link(first[0], i, kind, 1.0);
                }
            }
        }
    }

}
