package io.kube2ecs.core.load;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A parsed YAML or JSON node with its position, independent of the parser that produced it.
 * Aliases are expanded into copies, so every node has exactly one parent and one path; each copy
 * keeps the position of the anchored original, which is where the user wrote the content.
 *
 * <p>It also carries the field-coverage marks of the one mapper that converts the object.
 */
public final class YamlNode {

    /** The shape of the node. */
    public enum Shape { MAP, LIST, SCALAR, NULL }

    /** How a scalar was resolved (YAML core schema, or the JSON token type). */
    public enum ScalarType { STRING, INTEGER, FLOAT, BOOLEAN }

    private final Shape shape;
    private final String text;
    private final ScalarType scalarType;
    private final boolean quoted;
    private final int line;
    private final int column;
    private final Fields entries;
    private final List<YamlNode> items;
    /** Where this node's key was written, when it is a map value: kept here rather than in a second map per map node. */
    private int keyLine;
    private int keyColumn;

    private boolean converted;
    private String ignoredReason;

    private YamlNode(Shape shape, String text, ScalarType scalarType, boolean quoted, int line, int column) {
        this.shape = shape;
        this.text = text;
        this.scalarType = scalarType;
        this.quoted = quoted;
        this.line = line;
        this.column = column;
        // small starting sizes: most maps of a manifest hold a few keys and most lists one or two items,
        // and every node of the input lives until mapping ends
        this.entries = shape == Shape.MAP ? new Fields() : Fields.NONE;
        this.items = shape == Shape.LIST ? new ArrayList<>(2) : Collections.emptyList();
    }

    /**
     * @param line   1-based line
     * @param column 1-based column
     * @return an empty map node
     */
    public static YamlNode map(int line, int column) {
        return new YamlNode(Shape.MAP, null, null, false, line, column);
    }

    /**
     * @param line   1-based line
     * @param column 1-based column
     * @return an empty list node
     */
    public static YamlNode list(int line, int column) {
        return new YamlNode(Shape.LIST, null, null, false, line, column);
    }

    /**
     * @param text   the scalar's text
     * @param type   how it resolved
     * @param quoted whether it was written quoted
     * @param line   1-based line
     * @param column 1-based column
     * @return a scalar node
     */
    public static YamlNode scalar(String text, ScalarType type, boolean quoted, int line, int column) {
        return new YamlNode(Shape.SCALAR, text, type, quoted, line, column);
    }

    /**
     * @param line   1-based line
     * @param column 1-based column
     * @return a null node
     */
    public static YamlNode nullNode(int line, int column) {
        return new YamlNode(Shape.NULL, null, null, false, line, column);
    }

    /**
     * Adds a map entry, keeping where its key was written.
     *
     * @return false when the key was already present (the new value replaces it, as in Kubernetes)
     */
    boolean put(String key, YamlNode value, int keyLine, int keyColumn) {
        value.keyLine = keyLine;
        value.keyColumn = keyColumn;
        return entries.add(key, value);
    }

    void add(YamlNode item) {
        items.add(item);
    }

    /** @return the shape */
    public Shape shape() { return shape; }
    /** @return a scalar's text, else null */
    public String text() { return text; }
    /** @return a scalar's resolved type, else null */
    public ScalarType scalarType() { return scalarType; }
    /** @return whether a scalar was quoted */
    public boolean quoted() { return quoted; }
    /** @return 1-based line where the node starts */
    public int line() { return line; }
    /** @return 1-based column where the node starts */
    public int column() { return column; }
    /** @return a map's entries in input order, else empty */
    public Map<String, YamlNode> entries() { return entries; }
    /** @return a list's items, else empty */
    public List<YamlNode> items() { return Collections.unmodifiableList(items); }

    /**
     * @param key a key
     * @return the value under it when this is a map holding it, else null
     */
    public YamlNode entry(String key) {
        return shape == Shape.MAP ? entries.get(key) : null;
    }

    /** @return the line of the key this node is the value of, in a map */
    public int keyLine() { return keyLine; }
    /** @return the column of that key */
    public int keyColumn() { return keyColumn; }

    /**
     * @param key a key of this map
     * @return {line, column} of the key, or null
     */
    public int[] keyPosition(String key) {
        YamlNode value = entries.get(key);
        return value == null ? null : new int[] {value.keyLine, value.keyColumn};
    }

    /** @return whether a mapper converted this node */
    public boolean converted() { return converted; }
    /** @return why a mapper deliberately left this node, or null */
    public String ignoredReason() { return ignoredReason; }

    /** Marks this node converted. */
    public void markConverted() { converted = true; }

    /** Marks this node and its subtree converted. */
    public void markSubtreeConverted() {
        converted = true;
        entries.forEachValue(YamlNode::markSubtreeConverted);
        items.forEach(YamlNode::markSubtreeConverted);
    }

    /** @param reason why the subtree is deliberately not converted */
    public void ignore(String reason) {
        if (ignoredReason == null) {
            ignoredReason = reason;
        }
    }

    /** @return the number of nodes in this subtree, this one included */
    public int size() {
        int n = 1;
        for (int i = 0; i < entries.count; i++) {
            n += entries.value(i).size();
        }
        for (YamlNode child : items) {
            n += child.size();
        }
        return n;
    }

    /**
     * A map node's fields in input order, read-only to everyone but the parser: keys and values
     * alternate in one array, looked up by comparing keys while there are at most
     * {@value #SCAN_LIMIT} (most maps of a manifest hold two to four), through a hash index beyond.
     * A {@code LinkedHashMap} per map node spent a hash table and a 40-byte entry per field: about
     * 80 MB of the 10,000-application benchmark's parsed input, which lives until mapping ends.
     */
    private static final class Fields extends AbstractMap<String, YamlNode> {
        static final int SCAN_LIMIT = 8;
        static final Fields NONE = new Fields();

        private Object[] slots = new Object[4];
        private int count;
        private Map<String, Integer> index;

        /** @return false when the key was there already (its value is replaced, its place kept) */
        boolean add(String key, YamlNode value) {
            if (this == NONE) {
                throw new UnsupportedOperationException("not a map node");
            }
            int at = indexOf(key);
            if (at >= 0) {
                slots[2 * at + 1] = value;
                return false;
            }
            if (2 * count == slots.length) {
                slots = Arrays.copyOf(slots, 2 * slots.length);
            }
            slots[2 * count] = key;
            slots[2 * count + 1] = value;
            count++;
            if (index != null) {
                index.put(key, count - 1);
            } else if (count > SCAN_LIMIT) {
                index = new HashMap<>(2 * count);
                for (int i = 0; i < count; i++) {
                    index.put(key(i), i);
                }
            }
            return true;
        }

        /** @return the key's position, -1 when absent (also for null: no key here is null) */
        private int indexOf(Object key) {
            if (index != null) {
                Integer at = index.get(key);
                return at == null ? -1 : at;
            }
            for (int i = 0; i < count; i++) {
                if (slots[2 * i].equals(key)) {
                    return i;
                }
            }
            return -1;
        }

        String key(int i) {
            return (String) slots[2 * i];
        }

        YamlNode value(int i) {
            return (YamlNode) slots[2 * i + 1];
        }

        void forEachValue(java.util.function.Consumer<YamlNode> action) {
            for (int i = 0; i < count; i++) {
                action.accept(value(i));
            }
        }

        @Override
        public YamlNode get(Object key) {
            int at = indexOf(key);
            return at < 0 ? null : value(at);
        }

        @Override
        public boolean containsKey(Object key) {
            return indexOf(key) >= 0;
        }

        @Override
        public int size() {
            return count;
        }

        @Override
        public Set<Map.Entry<String, YamlNode>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<Map.Entry<String, YamlNode>> iterator() {
                    return new Iterator<>() {
                        private int next;

                        @Override
                        public boolean hasNext() {
                            return next < count;
                        }

                        @Override
                        public Map.Entry<String, YamlNode> next() {
                            if (next >= count) {
                                throw new NoSuchElementException();
                            }
                            Map.Entry<String, YamlNode> entry = Map.entry(key(next), value(next));
                            next++;
                            return entry;
                        }
                    };
                }

                @Override
                public int size() {
                    return count;
                }
            };
        }
    }
}
