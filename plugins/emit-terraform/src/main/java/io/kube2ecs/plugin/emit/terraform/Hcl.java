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
        StringBuilder out = new StringBuilder(text.length() + 2);
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
        return out.toString();
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
            out.append(" \"").append(escape(label)).append('"');
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
        // each attribute's value is rendered once: deciding the layout by rendering it and then rendering
        // it again to write it doubled the work at every level of nesting
        String[] rendered = new String[items.size()];
        for (int k = 0; k < items.size(); k++) {
            if (items.get(k) instanceof Object[] attribute) {
                rendered[k] = render((Expr) attribute[1], depth);
            }
        }
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
            while (end < items.size() && items.get(end) instanceof Object[] attribute && rendered[end].indexOf('\n') < 0) {
                width = Math.max(width, key((String) attribute[0]).length());
                end++;
            }
            if (end == i) {
                Object[] attribute = (Object[]) items.get(i);
                indent(out, depth).append(key((String) attribute[0])).append(" = ").append(rendered[i]).append('\n');
                i++;
                continue;
            }
            for (int k = i; k < end; k++) {
                Object[] attribute = (Object[]) items.get(k);
                String name = key((String) attribute[0]);
                indent(out, depth).append(name);
                for (int pad = name.length(); pad < width; pad++) {
                    out.append(' ');
                }
                out.append(" = ").append(rendered[k]).append('\n');
            }
            i = end;
        }
    }

    private static String key(String name) {
        return identifier(name) ? name : "\"" + escape(name) + "\"";
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
        if (expr instanceof Str s) {
            return "\"" + escape(s.value()) + "\"";
        }
        if (expr instanceof Raw r) {
            return r.text();
        }
        if (expr instanceof Num n) {
            return Long.toString(n.value());
        }
        if (expr instanceof Bool b) {
            return Boolean.toString(b.value());
        }
        if (expr instanceof Call call) {
            return call.function() + "(" + render(call.argument(), depth) + ")";
        }
        if (expr instanceof ListExpr list) {
            if (list.items().isEmpty()) {
                return "[]";
            }
            boolean simple = list.items().stream().allMatch(e -> e instanceof Str || e instanceof Raw || e instanceof Num || e instanceof Bool);
            if (simple) {
                List<String> parts = new ArrayList<>();
                list.items().forEach(e -> parts.add(render(e, depth)));
                return "[" + String.join(", ", parts) + "]";
            }
            StringBuilder out = new StringBuilder("[\n");
            for (Expr item : list.items()) {
                indent(out, depth + 1).append(render(item, depth + 1)).append(",\n");
            }
            return indent(out, depth).append(']').toString();
        }
        ObjExpr object = (ObjExpr) expr;
        if (object.fields().isEmpty()) {
            return "{}";
        }
        Body body = new Body();
        object.fields().forEach(body::attr);
        StringBuilder out = new StringBuilder("{\n");
        renderBody(out, body, depth + 1);
        return indent(out, depth).append('}').toString();
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
