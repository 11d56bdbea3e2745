package io.kube2ecs.core.load;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
    private final Map<String, YamlNode> entries;
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
        this.entries = shape == Shape.MAP ? new LinkedHashMap<>(4) : Collections.emptyMap();
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
        return entries.put(key, value) == null;
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
    public Map<String, YamlNode> entries() { return Collections.unmodifiableMap(entries); }
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
        entries.values().forEach(YamlNode::markSubtreeConverted);
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
        for (YamlNode child : entries.values()) {
            n += child.size();
        }
        for (YamlNode child : items) {
            n += child.size();
        }
        return n;
    }
}
