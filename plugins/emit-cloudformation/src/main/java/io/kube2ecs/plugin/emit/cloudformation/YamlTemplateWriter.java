package io.kube2ecs.plugin.emit.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Writes a template tree as block-style YAML. A general YAML emitter (jackson-dataformat-yaml over
 * snakeyaml) analysed every scalar for every style it might take and was the largest single cost of
 * a large conversion; a template needs only one style per kind of scalar, so this writes them
 * directly: string values always double-quoted (so no value is ever read back as a number, boolean
 * or date, under YAML 1.1 or 1.2), keys plain when they are unmistakably strings and double-quoted
 * otherwise, numbers and booleans plain, empty maps and lists in flow style. Long strings are not
 * folded across lines, so a value reads the same in the file as in the console.
 */
final class YamlTemplateWriter {

    /** Plain scalars that YAML 1.1 (which cfn-lint and many tools still use) reads as booleans or null. */
    private static final Set<String> RESERVED = Set.of("y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO",
            "true", "True", "TRUE", "false", "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF",
            "null", "Null", "NULL");

    private final StringBuilder out;

    private YamlTemplateWriter(int sizeHint) {
        this.out = new StringBuilder(sizeHint);
    }

    /**
     * @param root a map (the template); other roots are written as a single value
     * @return the YAML text, ending with a line break
     */
    static String write(JsonNode root) {
        YamlTemplateWriter writer = new YamlTemplateWriter(4096);
        if (root.isObject() && !root.isEmpty()) {
            writer.mapping(root, 0, false);
        } else if (root.isArray() && !root.isEmpty()) {
            writer.sequence(root, 0, false);
        } else {
            writer.scalar(root);
            writer.out.append('\n');
        }
        return writer.out.toString();
    }

    /** @param inline whether the first key continues a line already started ({@code - key: …}) */
    private void mapping(JsonNode node, int indent, boolean inline) {
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        boolean first = true;
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!(first && inline)) {
                indent(indent);
            }
            first = false;
            key(field.getKey());
            out.append(':');
            JsonNode value = field.getValue();
            if (value.isContainerNode() && !value.isEmpty()) {
                out.append('\n');
                if (value.isObject()) {
                    mapping(value, indent + 2, false);
                } else {
                    sequence(value, indent + 2, false);
                }
            } else {
                out.append(' ');
                scalar(value);
                out.append('\n');
            }
        }
    }

    /** @param inline whether the first item continues a line already started ({@code - - item}) */
    private void sequence(JsonNode node, int indent, boolean inline) {
        boolean first = true;
        for (JsonNode item : node) {
            if (!(first && inline)) {
                indent(indent);
            }
            first = false;
            out.append("- ");
            if (item.isObject() && !item.isEmpty()) {
                mapping(item, indent + 2, true);
            } else if (item.isArray() && !item.isEmpty()) {
                sequence(item, indent + 2, true);
            } else {
                scalar(item);
                out.append('\n');
            }
        }
    }

    private void indent(int indent) {
        for (int i = 0; i < indent; i++) {
            out.append(' ');
        }
    }

    private void scalar(JsonNode node) {
        if (node.isTextual()) {
            quoted(node.textValue());
        } else if (node.isObject()) {
            out.append("{}");
        } else if (node.isArray()) {
            out.append("[]");
        } else if (node.isNull() || node.isMissingNode()) {
            out.append("null");
        } else if (node.isNumber() || node.isBoolean()) {
            out.append(node.asText());
        } else {
            throw new IllegalArgumentException("a template holds no " + node.getNodeType() + " values");
        }
    }

    private void key(String key) {
        if (plainKey(key)) {
            out.append(key);
        } else {
            quoted(key);
        }
    }

    /**
     * A key is written plain only when it starts with a letter or underscore and holds nothing but
     * letters, digits and {@code _ . - / :} with no colon at its end, so no YAML reader can take it
     * for anything but that string: {@code Fn::GetAtt}, {@code awslogs-group}, {@code com.example.team}.
     */
    static boolean plainKey(String key) {
        if (key.isEmpty() || RESERVED.contains(key) || key.charAt(key.length() - 1) == ':') {
            return false;
        }
        char start = key.charAt(0);
        if (!(start >= 'a' && start <= 'z' || start >= 'A' && start <= 'Z' || start == '_')) {
            return false;
        }
        for (int i = 1; i < key.length(); i++) {
            char c = key.charAt(i);
            boolean allowed = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '_' || c == '.' || c == '-' || c == '/' || c == ':';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    /** A double-quoted scalar: printable characters as they are, everything else escaped. */
    private void quoted(String text) {
        out.append('"');
        // most values need no escape at all: copy the clean stretch in one go
        int clean = 0;
        while (clean < text.length() && plain(text.charAt(clean))) {
            clean++;
        }
        out.append(text, 0, clean);
        for (int i = clean; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20 || c >= 0x7f && c <= 0x9f) {
                        out.append("\\x").append(hex(c >> 4)).append(hex(c & 0xf));
                    } else if (Character.isSurrogate(c) && !pairedSurrogate(text, i)) {
                        out.append("\\uFFFD"); // a lone surrogate has no UTF-8 form; its encoder would write '?'
                    } else if (c == '\u2028' || c == '\u2029' || c == '\ufeff' || c == '\ufffe' || c == '\uffff') {
                        // line separators would end the line for some readers; the rest are not printable in YAML
                        out.append("\\u").append(hex(c >> 12)).append(hex(c >> 8 & 0xf)).append(hex(c >> 4 & 0xf))
                                .append(hex(c & 0xf));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** @return whether the character stands for itself in a double-quoted scalar */
    private static boolean plain(char c) {
        return c >= 0x20 && c < 0x7f && c != '"' && c != '\\';
    }

    private static boolean pairedSurrogate(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
    }

    private static char hex(int digit) {
        return "0123456789ABCDEF".charAt(digit);
    }
}
