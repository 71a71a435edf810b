package dev.switchyard.mapping.transform;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A small, bounded memo of a pure function's results, for the transforms whose work per
 * value is expensive and whose values repeat in CRM data (countries, states, phone
 * numbers, addresses).
 *
 * <p>
 * It is a direct-mapped table of a fixed number of slots: a key (a text plus a qualifier
 * such as a region or a transform's settings, everything else the result depends on)
 * hashes to one slot, and a new result simply replaces whatever that slot held. So it
 * never holds more than {@link #capacity()} results, needs no eviction bookkeeping, and
 * costs one hash and one or two {@code equals} a lookup.
 *
 * <p>
 * Thread safety: transforms are immutable records that may be applied from several
 * threads at once, and records cannot have instance fields, so the caches are static, one
 * per transform class, shared by all instances and threads. Each slot holds an immutable
 * entry (key, qualifier, value), read and written atomically with acquire/release
 * semantics and without locks: a reader sees either an older entry, a newer one or none,
 * and checks its key and qualifier before using its value, so it always gets the right
 * result or a miss. Two threads computing the same or colliding keys at once merely
 * overwrite each other's entry; a lost entry costs a recomputation, never a wrong result.
 * Values must be immutable (strings, dates, numbers, records of such), as the results of
 * pure transforms are.
 *
 * <p>
 * Only a function's result goes in; anything a transform does per call (a note on the
 * context, a {@link TransformException} naming the record) is still done per call from
 * the cached result.
 *
 * @param <V> the type of the results (not null)
 */
final class MemoCache<V> {

    /**
     * Longer texts are not remembered (their results are still right, only made again),
     * so that a cache holds at most {@link #capacity()} texts of this length, whatever
     * the data: the memos of all transforms together stay within a few megabytes.
     */
    static final int MAX_KEY_LENGTH = 256;

    private final AtomicReferenceArray<Entry<V>> slots;

    private final int mask;

    /**
     * @param capacity the number of slots, a power of two
     */
    MemoCache(int capacity) {
        if (capacity < 1 || Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("Capacity must be a power of two: " + capacity);
        }
        this.slots = new AtomicReferenceArray<>(capacity);
        this.mask = capacity - 1;
    }

    /**
     * @param key the text (not null)
     * @param qualifier whatever else the result depends on, or null
     * @return the result remembered for them, or null
     */
    V get(String key, Object qualifier) {
        if (key.length() > MAX_KEY_LENGTH) {
            return null;
        }
        Entry<V> entry = this.slots.getAcquire(index(key, qualifier));
        if (entry != null && entry.key.equals(key) && Objects.equals(entry.qualifier, qualifier)) {
            return entry.value;
        }
        return null;
    }

    /**
     * Remembers a result, replacing whatever its slot held (unless the key is longer than
     * {@link #MAX_KEY_LENGTH}).
     * @param key the text (not null)
     * @param qualifier whatever else the result depends on, or null
     * @param value the result (not null)
     * @return the value
     */
    V put(String key, Object qualifier, V value) {
        Objects.requireNonNull(value, "value");
        if (key.length() > MAX_KEY_LENGTH) {
            return value;
        }
        this.slots.setRelease(index(key, qualifier), new Entry<>(key, qualifier, value));
        return value;
    }

    /**
     * @return the most results it holds
     */
    int capacity() {
        return this.slots.length();
    }

    /**
     * @return the number of results it holds now (counts every slot; for tests)
     */
    int size() {
        int size = 0;
        for (int i = 0; i < this.slots.length(); i++) {
            if (this.slots.getAcquire(i) != null) {
                size++;
            }
        }
        return size;
    }

    private int index(String key, Object qualifier) {
        int h = key.hashCode() * 31 + Objects.hashCode(qualifier);
        h ^= (h >>> 16);
        h *= 0x45d9f3b;
        h ^= (h >>> 16);
        return h & this.mask;
    }

    private record Entry<V>(String key, Object qualifier, V value) {

    }

}
