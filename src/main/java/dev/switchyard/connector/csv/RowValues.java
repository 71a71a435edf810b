package dev.switchyard.connector.csv;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * One row's values as an unmodifiable map in header order, backed by the row's array and
 * a column index shared by every row of the file: no per-value map entries, which matters
 * at a million rows.
 */
final class RowValues extends AbstractMap<String, Object> {

    private final String[] names;

    private final Map<String, Integer> index;

    private final String[] values;

    RowValues(String[] names, Map<String, Integer> index, String[] values) {
        this.names = names;
        this.index = index;
        this.values = values;
    }

    @Override
    public Object get(Object key) {
        Integer position = this.index.get(key);
        return (position != null) ? this.values[position] : null;
    }

    @Override
    public boolean containsKey(Object key) {
        return this.index.containsKey(key);
    }

    @Override
    public int size() {
        return this.names.length;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {

            @Override
            public Iterator<Entry<String, Object>> iterator() {
                return new Iterator<>() {

                    private int next;

                    @Override
                    public boolean hasNext() {
                        return this.next < RowValues.this.names.length;
                    }

                    @Override
                    public Entry<String, Object> next() {
                        if (!hasNext()) {
                            throw new NoSuchElementException();
                        }
                        int i = this.next++;
                        return new SimpleImmutableEntry<>(RowValues.this.names[i], RowValues.this.values[i]);
                    }

                };
            }

            @Override
            public int size() {
                return RowValues.this.names.length;
            }

        };
    }

}
