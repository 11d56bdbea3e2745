package io.kube2ecs.core.source;

import io.kube2ecs.api.source.SourceLocation;
import io.kube2ecs.api.source.NodeType;
import io.kube2ecs.api.source.SourceNode;
import io.kube2ecs.core.load.YamlNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The plugin-facing view of a {@link YamlNode}. A recording view marks what the plugin reads; a
 * plain view (used for other objects reached through the index, and for reference extraction)
 * marks nothing.
 */
public final class NodeView implements SourceNode {

    private final YamlNode node;
    private final String file;
    private final NodeView parent;
    /** the key under the parent map, or null under a parent list */
    private final String key;
    private final int index;
    /** built when asked for: most views are read and dropped, and most paths are never shown */
    private String path;
    private final int line;
    private final int column;
    private final boolean recording;

    private NodeView(YamlNode node, String file, NodeView parent, String key, int index, int line, int column, boolean recording) {
        this.node = node;
        this.file = file;
        this.parent = parent;
        this.key = key;
        this.index = index;
        this.path = parent == null ? "" : null;
        this.line = line;
        this.column = column;
        this.recording = recording;
    }

    /**
     * @param root      an object's root node
     * @param file      the file it came from, as the user named it
     * @param recording whether reads mark coverage
     * @return the view of the root
     */
    public static NodeView root(YamlNode root, String file, boolean recording) {
        return new NodeView(root, file, null, null, -1, root.line(), root.column(), recording);
    }

    @Override
    public NodeType type() {
        if (node == null) {
            return NodeType.MISSING;
        }
        return switch (node.shape()) {
            case MAP -> NodeType.MAP;
            case LIST -> NodeType.LIST;
            case SCALAR -> NodeType.SCALAR;
            case NULL -> NodeType.NULL;
        };
    }

    @Override
    public String path() {
        if (path == null) {
            String above = parent.path();
            path = key == null ? above + "[" + index + "]" : above.isEmpty() ? key : above + "." + key;
        }
        return path;
    }

    @Override
    public SourceLocation location() {
        return new SourceLocation(file, line, column, path());
    }

    @Override
    public SourceNode get(String key) {
        YamlNode child = node == null ? null : node.entry(key);
        if (child == null) {
            return new NodeView(null, file, this, key, -1, line, column, recording);
        }
        return new NodeView(child, file, this, key, -1, child.keyLine(), child.keyColumn(), recording);
    }

    @Override
    public SourceNode get(int index) {
        if (node == null || node.shape() != YamlNode.Shape.LIST || index < 0 || index >= node.items().size()) {
            return new NodeView(null, file, this, null, index, line, column, recording);
        }
        YamlNode item = node.items().get(index);
        return new NodeView(item, file, this, null, index, item.line(), item.column(), recording);
    }

    @Override
    public List<SourceNode> items() {
        if (node == null || node.shape() != YamlNode.Shape.LIST) {
            return List.of();
        }
        List<SourceNode> out = new ArrayList<>(node.items().size());
        for (int i = 0; i < node.items().size(); i++) {
            out.add(get(i));
        }
        return out;
    }

    @Override
    public List<String> keys() {
        return node == null ? List.of() : List.copyOf(node.entries().keySet());
    }

    @Override
    public Map<String, SourceNode> entries() {
        if (node == null || node.shape() != YamlNode.Shape.MAP) {
            return Map.of();
        }
        Map<String, SourceNode> out = new LinkedHashMap<>();
        for (String key : node.entries().keySet()) {
            out.put(key, get(key));
        }
        return Collections.unmodifiableMap(out);
    }

    @Override
    public Optional<String> asText() {
        if (node == null || node.shape() != YamlNode.Shape.SCALAR) {
            return Optional.empty();
        }
        mark();
        return Optional.of(node.text());
    }

    @Override
    public OptionalInt asInt() {
        OptionalLong value = asLong();
        if (value.isEmpty() || value.getAsLong() != (int) value.getAsLong()) {
            return OptionalInt.empty();
        }
        return OptionalInt.of((int) value.getAsLong());
    }

    @Override
    public OptionalLong asLong() {
        if (node == null || node.shape() != YamlNode.Shape.SCALAR || node.quoted()) {
            return OptionalLong.empty();
        }
        try {
            long value;
            if (node.scalarType() == YamlNode.ScalarType.INTEGER) {
                value = parseInteger(node.text()).longValueExact();
            } else if (node.scalarType() == YamlNode.ScalarType.FLOAT) {
                value = new BigDecimal(node.text()).longValueExact();
            } else {
                return OptionalLong.empty();
            }
            mark();
            return OptionalLong.of(value);
        } catch (ArithmeticException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** YAML 1.2 core schema integers: decimal, {@code 0o} octal, {@code 0x} hexadecimal, with a sign. */
    private static BigInteger parseInteger(String text) {
        String digits = text;
        boolean negative = false;
        if (digits.startsWith("-") || digits.startsWith("+")) {
            negative = digits.startsWith("-");
            digits = digits.substring(1);
        }
        int radix = 10;
        if (digits.startsWith("0x")) {
            radix = 16;
            digits = digits.substring(2);
        } else if (digits.startsWith("0o")) {
            radix = 8;
            digits = digits.substring(2);
        }
        BigInteger value = new BigInteger(digits, radix);
        return negative ? value.negate() : value;
    }

    @Override
    public OptionalDouble asDouble() {
        if (node == null || node.shape() != YamlNode.Shape.SCALAR || node.quoted()
                || (node.scalarType() != YamlNode.ScalarType.INTEGER && node.scalarType() != YamlNode.ScalarType.FLOAT)) {
            return OptionalDouble.empty();
        }
        try {
            double value = Double.parseDouble(node.text());
            mark();
            return OptionalDouble.of(value);
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }

    @Override
    public Optional<Boolean> asBoolean() {
        if (node == null || node.shape() != YamlNode.Shape.SCALAR || node.scalarType() != YamlNode.ScalarType.BOOLEAN) {
            return Optional.empty();
        }
        mark();
        return Optional.of(node.text().toLowerCase(Locale.ROOT).equals("true"));
    }

    @Override
    public boolean isQuoted() {
        return node != null && node.quoted();
    }

    @Override
    public Map<String, String> asStringMap() {
        if (node == null || node.shape() != YamlNode.Shape.MAP) {
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, YamlNode> e : node.entries().entrySet()) {
            YamlNode value = e.getValue();
            if (value.shape() == YamlNode.Shape.SCALAR) {
                out.put(e.getKey(), value.text());
                if (recording) {
                    value.markConverted();
                }
            }
        }
        mark();
        return Collections.unmodifiableMap(out);
    }

    @Override
    public List<String> asStringList() {
        if (node == null || node.shape() != YamlNode.Shape.LIST) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (YamlNode item : node.items()) {
            if (item.shape() == YamlNode.Shape.SCALAR) {
                out.add(item.text());
                if (recording) {
                    item.markConverted();
                }
            }
        }
        mark();
        return Collections.unmodifiableList(out);
    }

    @Override
    public void markConverted() {
        if (recording && node != null) {
            node.markSubtreeConverted();
        }
    }

    @Override
    public void ignore(String reason) {
        if (recording && node != null) {
            node.ignore(reason);
        }
    }

    private void mark() {
        if (recording) {
            node.markConverted();
        }
    }

    @Override
    public String toString() {
        return location().toString();
    }
}
