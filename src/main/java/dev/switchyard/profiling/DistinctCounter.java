package dev.switchyard.profiling;

/**
 * Counts distinct values in bounded memory: exactly (as a set of 64-bit hashes) up to
 * {@value #EXACT_LIMIT} distinct values, then by a {@link HyperLogLog} estimate seeded
 * with those hashes, dropping the exact set.
 */
final class DistinctCounter {

    static final int EXACT_LIMIT = 10_000;

    private LongHashSet exact = new LongHashSet();

    private HyperLogLog estimate;

    void add(String value) {
        long hash = hash(value);
        if (this.exact != null) {
            this.exact.add(hash);
            if (this.exact.size() > EXACT_LIMIT) {
                this.estimate = new HyperLogLog();
                this.exact.forEach(this.estimate::add);
                this.exact = null;
            }
        }
        else {
            this.estimate.add(hash);
        }
    }

    long count() {
        return (this.exact != null) ? this.exact.size() : this.estimate.estimate();
    }

    boolean estimated() {
        return this.exact == null;
    }

    /**
     * The number of hashes held exactly: 0 once switched to the estimate.
     */
    int retained() {
        return (this.exact != null) ? this.exact.size() : 0;
    }

    /**
     * A 64-bit hash of a string: FNV-1a over its chars, then the MurmurHash3 finalizer.
     */
    static long hash(String value) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0, n = value.length(); i < n; i++) {
            h ^= value.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= value.length();
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

}
