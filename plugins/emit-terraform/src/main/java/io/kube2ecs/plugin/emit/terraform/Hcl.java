package io.kube2ecs.plugin.emit.terraform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small HCL writer in {@code terraform fmt} layout: two-space indents, {@code =} aligned across
 * runs of single-line attributes, strings escaped for HCL templates ({@code ${} and {@code %{}
 * doubled) so user values are never interpolated.
 */
final class Hcl {

    private Hcl() {
    }

    /** An HCL expression. */
    sealed interface Expr permits Str, Raw, Num, Bool, ListExpr, ObjExpr, Call {
    }

    /** A string literal. */
    record Str(String value) implements Expr {
    }

    /** An expression written as is (a reference, a function call, a template). */
    record Raw(String text) implements Expr {
    }

    /** A number. */
    record Num(long value) implements Expr {
    }

    /** A boolean. */
    record Bool(boolean value) implements Expr {
    }

    /** A list. */
    record ListExpr(List<Expr> items) implements Expr {
    }

    /** An object; keys in order. */
    record ObjExpr(Map<String, Expr> fields) implements Expr {
    }

    /** A function call with one argument. */
    record Call(String function, Expr argument) implements Expr {
    }

    static Expr str(String value) {
        return new Str(value);
    }

    static Expr raw(String text) {
        return new Raw(text);
    }

    static Expr strings(List<String> values) {
        return new ListExpr(values.stream().<Expr>map(Str::new).toList());
    }

    /** A template joining an expression and literal text, e.g. {@code "${aws_x.y.arn}:key::"}. */
    static Expr template(String expression, String suffix) {
        return new Raw("\"${" + expression + "}" + escape(suffix) + "\"");
    }

    /** Escapes text for a quoted HCL string. */
    static String escape(String text) {
        if (plain(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 8);
        escapeEach(out, text);
        return out.toString();
    }

    /** Whether {@link #escape} leaves the text as it is: true for almost every value written. */
    private static boolean plain(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == '\\' || c == '"' || c == '$' || c == '%') {
                return false;
            }
        }
        return true;
    }

    private static void escapeInto(StringBuilder out, String text) {
        if (plain(text)) {
            out.append(text);
        } else {
            escapeEach(out, text);
        }
    }

    private static void escapeEach(StringBuilder out, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '$' -> out.append(next == '{' ? "$$" : "$");
                case '%' -> out.append(next == '{' ? "%%" : "%");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
    }

    /** A body: attributes and nested blocks, in order. */
    static final class Body {
        private final List<Object> items = new ArrayList<>();

        Body attr(String name, Expr value) {
            if (value != null) {
                items.add(new Object[] {name, value});
            }
            return this;
        }

        Body attr(String name, String value) {
            return value == null ? this : attr(name, new Str(value));
        }

        Body attr(String name, long value) {
            return attr(name, new Num(value));
        }

        Body attr(String name, boolean value) {
            return attr(name, new Bool(value));
        }

        Body block(String type, Body body, String... labels) {
            items.add(new Block(type, List.of(labels), body));
            return this;
        }

        boolean isEmpty() {
            return items.isEmpty();
        }
    }

    private record Block(String type, List<String> labels, Body body) {
    }

    /** Renders a top-level block followed by a blank line. */
    static String block(String type, Body body, String... labels) {
        StringBuilder out = new StringBuilder();
        renderBlock(out, new Block(type, List.of(labels), body), 0);
        return out.append('\n').toString();
    }

    private static void renderBlock(StringBuilder out, Block block, int depth) {
        indent(out, depth).append(block.type());
        for (String label : block.labels()) {
            out.append(" \"");
            escapeInto(out, label);
            out.append('"');
        }
        if (block.body().isEmpty()) {
            out.append(" {}\n");
            return;
        }
        out.append(" {\n");
        renderBody(out, block.body(), depth + 1);
        indent(out, depth).append("}\n");
    }

    private static void renderBody(StringBuilder out, Body body, int depth) {
        List<Object> items = body.items;
        int i = 0;
        while (i < items.size()) {
            if (items.get(i) instanceof Block block) {
                renderBlock(out, block, depth);
                i++;
                continue;
            }
            // a run of single-line attributes shares one '=' column; a multi-line one stands alone
            int end = i;
            int width = 0;
            while (end < items.size() && items.get(end) instanceof Object[] attribute && !multiline((Expr) attribute[1])) {
                width = Math.max(width, keyLength((String) attribute[0]));
                end++;
            }
            if (end == i) {
                Object[] attribute = (Object[]) items.get(i);
                appendKey(indent(out, depth), (String) attribute[0]).append(" = ");
                write(out, (Expr) attribute[1], depth);
                out.append('\n');
                i++;
                continue;
            }
            for (int k = i; k < end; k++) {
                Object[] attribute = (Object[]) items.get(k);
                String name = (String) attribute[0];
                appendKey(indent(out, depth), name);
                for (int pad = keyLength(name); pad < width; pad++) {
                    out.append(' ');
                }
                out.append(" = ");
                write(out, (Expr) attribute[1], depth);
                out.append('\n');
            }
            i = end;
        }
    }

    private static StringBuilder appendKey(StringBuilder out, String name) {
        if (identifier(name)) {
            return out.append(name);
        }
        out.append('"');
        escapeInto(out, name);
        return out.append('"');
    }

    private static int keyLength(String name) {
        return identifier(name) ? name.length() : escape(name).length() + 2;
    }

    /** {@code [A-Za-z_][A-Za-z0-9_-]*}, without a regular expression: it is asked for every key written. */
    static boolean identifier(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean letter = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '_';
            if (!letter && (i == 0 || !(c >= '0' && c <= '9' || c == '-'))) {
                return false;
            }
        }
        return true;
    }

    static String render(Expr expr, int depth) {
        StringBuilder out = new StringBuilder();
        write(out, expr, depth);
        return out.toString();
    }

    /**
     * Whether the expression takes more than one line, decided without rendering it: the layout of
     * a body depends on it, and rendering each value to find out, then writing it, cost a copy of
     * every value at every level of nesting.
     */
    static boolean multiline(Expr expr) {
        if (expr instanceof Raw r) {
            return r.text().indexOf('\n') >= 0;
        }
        if (expr instanceof Call call) {
            return multiline(call.argument());
        }
        if (expr instanceof ListExpr list) {
            if (!simple(list)) {
                return true;
            }
            for (Expr item : list.items()) {
                if (multiline(item)) {
                    return true;
                }
            }
            return false;
        }
        if (expr instanceof ObjExpr object) {
            return !object.fields().isEmpty();
        }
        return false; // strings are escaped onto one line; numbers and booleans
    }

    private static boolean simple(ListExpr list) {
        for (Expr item : list.items()) {
            if (!(item instanceof Str || item instanceof Raw || item instanceof Num || item instanceof Bool)) {
                return false;
            }
        }
        return true;
    }

    private static void write(StringBuilder out, Expr expr, int depth) {
        if (expr instanceof Str s) {
            out.append('"');
            escapeInto(out, s.value());
            out.append('"');
        } else if (expr instanceof Raw r) {
            out.append(r.text());
        } else if (expr instanceof Num n) {
            out.append(n.value());
        } else if (expr instanceof Bool b) {
            out.append(b.value());
        } else if (expr instanceof Call call) {
            out.append(call.function()).append('(');
            write(out, call.argument(), depth);
            out.append(')');
        } else if (expr instanceof ListExpr list) {
            if (list.items().isEmpty()) {
                out.append("[]");
            } else if (simple(list)) {
                out.append('[');
                for (int i = 0; i < list.items().size(); i++) {
                    if (i > 0) {
                        out.append(", ");
                    }
                    write(out, list.items().get(i), depth);
                }
                out.append(']');
            } else {
                out.append("[\n");
                for (Expr item : list.items()) {
                    write(indent(out, depth + 1), item, depth + 1);
                    out.append(",\n");
                }
                indent(out, depth).append(']');
            }
        } else {
            ObjExpr object = (ObjExpr) expr;
            if (object.fields().isEmpty()) {
                out.append("{}");
                return;
            }
            Body body = new Body();
            object.fields().forEach(body::attr);
            out.append("{\n");
            renderBody(out, body, depth + 1);
            indent(out, depth).append('}');
        }
    }

    private static StringBuilder indent(StringBuilder out, int depth) {
        for (int i = 0; i < depth; i++) {
            out.append("  ");
        }
        return out;
    }

    static ObjExpr object() {
        return new ObjExpr(new LinkedHashMap<>());
    }
}
