package dev.switchyard.profiling;

/**
 * The distinct values of a field in their {@link KeyNormal normal form}, as 64-bit
 * hashes, kept while the field could be a business key or a reference by one: at most
 * {@value #LIMIT} of them, no value longer than {@value #MAX_LENGTH} characters, no line
 * break. Reference inference compares two fields' sets to find the pairs worth checking
 * record by record. Not thread-safe.
 */
public final class KeyValues {

    /** The most distinct values kept; a field with more is no candidate. */
    public static final int LIMIT = 50_000;

    /** The longest value a key may have. */
    public static final int MAX_LENGTH = 255;

    private LongHashSet hashes = new LongHashSet();

    void add(String trimmed) {
        if (this.hashes == null) {
            return;
        }
        if (trimmed.length() > MAX_LENGTH || trimmed.indexOf('\n') >= 0 || trimmed.indexOf('\r') >= 0) {
            this.hashes = null;
            return;
        }
        long hash = hash(trimmed);
        if (hash == EMPTY) {
            return;
        }
        this.hashes.add(hash);
        if (this.hashes.size() > LIMIT) {
            this.hashes = null;
        }
    }

    private static final long EMPTY = 0;

    /**
     * {@link DistinctCounter#hash} of the value's {@link KeyNormal normal form}, computed
     * without building it for ASCII text; {@link #EMPTY} when the normal form is empty.
     */
    static long hash(String value) {
        long h = 0xcbf29ce484222325L;
        int length = 0;
        for (int i = 0, n = value.length(); i < n; i++) {
            char c = value.charAt(i);
            if (c > 127) {
                String normal = KeyNormal.of(value);
                return normal.isEmpty() ? EMPTY : DistinctCounter.hash(normal);
            }
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                h ^= c;
            }
            else if (c >= 'A' && c <= 'Z') {
                h ^= (char) (c + ('a' - 'A'));
            }
            else {
                continue;
            }
            h *= 0x100000001b3L;
            length++;
        }
        if (length == 0) {
            return EMPTY;
        }
        h ^= length;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    /**
     * @return whether the values were kept (the field can take part in inference)
     */
    public boolean available() {
        return this.hashes != null;
    }

    /**
     * @return the distinct normal forms kept
     */
    public int size() {
        return (this.hashes != null) ? this.hashes.size() : 0;
    }

    /**
     * @param other another field's values
     * @return how many of this field's distinct normal forms the other has too
     */
    public int overlap(KeyValues other) {
        if (this.hashes == null || other.hashes == null) {
            return 0;
        }
        int[] shared = new int[1];
        this.hashes.forEach((hash) -> {
            if (other.hashes.contains(hash)) {
                shared[0]++;
            }
        });
        return shared[0];
    }

}
