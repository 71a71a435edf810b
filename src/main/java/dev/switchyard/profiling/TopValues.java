package dev.switchyard.profiling;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The most frequent values by the Space-Saving algorithm: a fixed number of counters in a
 * min-heap; an unseen value replaces the least counted one and inherits its count. Exact
 * as long as no counter was ever replaced.
 */
final class TopValues {

    private final Map<String, Counter> counters;

    private final Counter[] heap;

    private int size;

    private boolean exact = true;

    TopValues(int capacity) {
        this.counters = new HashMap<>(capacity * 2);
        this.heap = new Counter[capacity];
    }

    void add(String value) {
        Counter counter = this.counters.get(value);
        if (counter != null) {
            counter.count++;
            siftDown(counter.index);
        }
        else if (this.size < this.heap.length) {
            counter = new Counter(value);
            counter.count = 1;
            counter.index = this.size;
            this.heap[this.size++] = counter;
            this.counters.put(value, counter);
            siftUp(counter.index);
        }
        else {
            Counter least = this.heap[0];
            this.counters.remove(least.value);
            least.value = value;
            least.count++;
            this.counters.put(value, least);
            this.exact = false;
            siftDown(0);
        }
    }

    boolean exact() {
        return this.exact;
    }

    List<ValueCount> top(int limit) {
        List<ValueCount> all = new ArrayList<>(this.size);
        for (int i = 0; i < this.size; i++) {
            all.add(new ValueCount(this.heap[i].value, this.heap[i].count));
        }
        all.sort(Comparator.comparingLong(ValueCount::count).reversed().thenComparing(ValueCount::value));
        return all.subList(0, Math.min(limit, all.size()));
    }

    private void siftUp(int index) {
        Counter counter = this.heap[index];
        while (index > 0) {
            int parent = (index - 1) >>> 1;
            if (this.heap[parent].count <= counter.count) {
                break;
            }
            place(this.heap[parent], index);
            index = parent;
        }
        place(counter, index);
    }

    private void siftDown(int index) {
        Counter counter = this.heap[index];
        int half = this.size >>> 1;
        while (index < half) {
            int child = 2 * index + 1;
            int right = child + 1;
            if (right < this.size && this.heap[right].count < this.heap[child].count) {
                child = right;
            }
            if (counter.count <= this.heap[child].count) {
                break;
            }
            place(this.heap[child], index);
            index = child;
        }
        place(counter, index);
    }

    private void place(Counter counter, int index) {
        this.heap[index] = counter;
        counter.index = index;
    }

    private static final class Counter {

        private String value;

        private long count;

        private int index;

        Counter(String value) {
            this.value = value;
        }

    }

}
