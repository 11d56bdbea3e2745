package io.kube2ecs.ecsshapes;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * A map that keeps its keys in insertion order, as {@link LinkedHashMap} does, in one array of
 * alternating keys and values while it holds at most {@value #ARRAY_LIMIT} entries, and in a
 * {@link LinkedHashMap} beyond. The fields of a JSON object node: most hold one to three, and a
 * {@code LinkedHashMap} spends a hash table and a 40-byte entry on each (about 210 bytes for three
 * fields, against about 80 here). A lookup in the array compares at most eight keys. Null keys are
 * refused; not thread-safe.
 *
 * @param <V> the values
 */
final class SmallOrderedMap<V> extends AbstractMap<String, V> {

    static final int ARRAY_LIMIT = 8;
    private static final Object[] EMPTY = {};

    /** key 0, value 0, key 1, value 1, …; unused once {@link #large} is set. */
    private Object[] slots = EMPTY;
    private int size;
    /** Counts structural changes, so that an iterator fails fast as the JDK's maps do. */
    private int modifications;
    private LinkedHashMap<String, V> large;

    @Override
    public int size() {
        return large != null ? large.size() : size;
    }

    @Override
    public boolean isEmpty() {
        return size() == 0;
    }

    /** @return the key's position, -1 when absent (also for null: no key here is null) */
    private int indexOf(Object key) {
        for (int i = 0; i < size; i++) {
            if (slots[2 * i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public boolean containsKey(Object key) {
        return large != null ? large.containsKey(key) : indexOf(key) >= 0;
    }

    @Override
    @SuppressWarnings("unchecked")
    public V get(Object key) {
        if (large != null) {
            return large.get(key);
        }
        int i = indexOf(key);
        return i < 0 ? null : (V) slots[2 * i + 1];
    }

    @Override
    @SuppressWarnings("unchecked")
    public V put(String key, V value) {
        Objects.requireNonNull(key, "key");
        if (large != null) {
            return large.put(key, value);
        }
        int i = indexOf(key);
        if (i >= 0) {
            V old = (V) slots[2 * i + 1];
            slots[2 * i + 1] = value;
            return old;
        }
        if (size == ARRAY_LIMIT) {
            large = new LinkedHashMap<>(2 * ARRAY_LIMIT + 2);
            for (int j = 0; j < size; j++) {
                large.put((String) slots[2 * j], (V) slots[2 * j + 1]);
            }
            slots = EMPTY;
            size = 0;
            modifications++;
            return large.put(key, value);
        }
        if (2 * size == slots.length) {
            slots = Arrays.copyOf(slots, Math.max(4, 2 * slots.length));
        }
        slots[2 * size] = key;
        slots[2 * size + 1] = value;
        size++;
        modifications++;
        return null;
    }

    @Override
    @SuppressWarnings("unchecked")
    public V remove(Object key) {
        if (large != null) {
            return large.remove(key);
        }
        int i = indexOf(key);
        if (i < 0) {
            return null;
        }
        V old = (V) slots[2 * i + 1];
        removeAt(i);
        return old;
    }

    private void removeAt(int i) {
        System.arraycopy(slots, 2 * i + 2, slots, 2 * i, 2 * (size - i - 1));
        size--;
        slots[2 * size] = null;
        slots[2 * size + 1] = null;
        modifications++;
    }

    @Override
    public void clear() {
        large = null;
        slots = EMPTY;
        size = 0;
        modifications++;
    }

    @Override
    public Set<Map.Entry<String, V>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<String, V>> iterator() {
                return large != null ? large.entrySet().iterator() : new ArrayIterator();
            }

            @Override
            public int size() {
                return SmallOrderedMap.this.size();
            }
        };
    }

    /** Walks the array; {@code remove} and {@code setValue} write through, as a map's entry set must. */
    private final class ArrayIterator implements Iterator<Map.Entry<String, V>> {
        private int next;
        private int last = -1;
        private int expected = modifications;

        @Override
        public boolean hasNext() {
            return next < size;
        }

        @Override
        public Map.Entry<String, V> next() {
            if (expected != modifications) {
                throw new ConcurrentModificationException();
            }
            if (next >= size) {
                throw new NoSuchElementException();
            }
            last = next++;
            return new ArrayEntry(last);
        }

        @Override
        public void remove() {
            if (last < 0) {
                throw new IllegalStateException();
            }
            if (expected != modifications) {
                throw new ConcurrentModificationException();
            }
            removeAt(last);
            next = last;
            last = -1;
            expected = modifications;
        }
    }

    /**
     * An entry as the iterator met it: it keeps its key and value, as a {@link LinkedHashMap}'s does,
     * even after the map changes; {@code setValue} writes through while the key is in the map.
     */
    private final class ArrayEntry extends AbstractMap.SimpleEntry<String, V> {
        private static final long serialVersionUID = 1L;

        @SuppressWarnings("unchecked")
        ArrayEntry(int index) {
            super((String) slots[2 * index], (V) slots[2 * index + 1]);
        }

        @Override
        public V setValue(V value) {
            int i = large == null ? indexOf(getKey()) : -1;
            if (i >= 0) {
                slots[2 * i + 1] = value;
            } else if (large != null && large.containsKey(getKey())) {
                large.put(getKey(), value);
            }
            return super.setValue(value);
        }
    }
}
