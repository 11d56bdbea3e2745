package io.kube2ecs.podtemplate;

import java.util.Map;

/**
 * Kubernetes {@code $(VAR)} expansion in environment values: a reference to a variable defined
 * earlier in the same container is replaced by its value, {@code $$} escapes a {@code $}, and a
 * reference to an unknown variable is left as written, exactly as the kubelet does.
 */
final class VariableExpansion {

    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[-._a-zA-Z][-._a-zA-Z0-9]*");

    private VariableExpansion() {
    }

    /** @return the names referenced as {@code $(NAME)}, escapes excluded, in order */
    static java.util.List<String> references(String input) {
        java.util.List<String> out = new java.util.ArrayList<>();
        int i = 0;
        while (i < input.length() - 1) {
            if (input.charAt(i) == '$' && input.charAt(i + 1) == '$') {
                i += 2;
            } else if (input.charAt(i) == '$' && input.charAt(i + 1) == '(') {
                int close = input.indexOf(')', i + 2);
                if (close < 0) {
                    i += 2;
                    continue;
                }
                String name = input.substring(i + 2, close);
                if (NAME.matcher(name).matches()) {
                    out.add(name); // anything else is shell syntax such as $(seq 1 3), never a variable
                }
                i = close + 1;
            } else {
                i++;
            }
        }
        return out;
    }

    /** Expands references whose value is known (non-null in {@code known}); others stay as written. */
    static String expand(String input, Map<String, String> known) {
        if (input.indexOf('$') < 0) {
            return input;
        }
        StringBuilder out = new StringBuilder(input.length());
        int i = 0;
        while (i < input.length()) {
            char c = input.charAt(i);
            if (c != '$' || i + 1 >= input.length()) {
                out.append(c);
                i++;
                continue;
            }
            char next = input.charAt(i + 1);
            if (next == '$') {
                out.append('$');
                i += 2;
            } else if (next == '(') {
                int close = input.indexOf(')', i + 2);
                if (close < 0) {
                    out.append("$(");  // the kubelet keeps an unclosed reference and reads on
                    i += 2;
                    continue;
                }
                String name = input.substring(i + 2, close);
                String value = known.get(name);
                out.append(value != null ? value : input.substring(i, close + 1));
                i = close + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
