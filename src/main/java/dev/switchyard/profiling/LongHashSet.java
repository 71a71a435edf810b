package dev.switchyard.profiling;

/**
 * An open-addressing set of longs (no boxing), growing by doubling at half load.
 */
final class LongHashSet {

    private long[] slots = new long[64];

    private boolean hasZero;

    private int size;

    boolean add(long value) {
        if (value == 0) {
            if (this.hasZero) {
                return false;
            }
            this.hasZero = true;
            this.size++;
            return true;
        }
        int mask = this.slots.length - 1;
        int i = (int) (value ^ (value >>> 32)) & mask;
        while (this.slots[i] != 0) {
            if (this.slots[i] == value) {
                return false;
            }
            i = (i + 1) & mask;
        }
        this.slots[i] = value;
        this.size++;
        if (this.size * 2 > this.slots.length) {
            grow();
        }
        return true;
    }

    boolean contains(long value) {
        if (value == 0) {
            return this.hasZero;
        }
        int mask = this.slots.length - 1;
        int i = (int) (value ^ (value >>> 32)) & mask;
        while (this.slots[i] != 0) {
            if (this.slots[i] == value) {
                return true;
            }
            i = (i + 1) & mask;
        }
        return false;
    }

    int size() {
        return this.size;
    }

    void forEach(java.util.function.LongConsumer action) {
        if (this.hasZero) {
            action.accept(0);
        }
        for (long slot : this.slots) {
            if (slot != 0) {
                action.accept(slot);
            }
        }
    }

    private void grow() {
        long[] old = this.slots;
        this.slots = new long[old.length * 2];
        int mask = this.slots.length - 1;
        for (long value : old) {
            if (value != 0) {
                int i = (int) (value ^ (value >>> 32)) & mask;
                while (this.slots[i] != 0) {
                    i = (i + 1) & mask;
                }
                this.slots[i] = value;
            }
        }
    }

}
