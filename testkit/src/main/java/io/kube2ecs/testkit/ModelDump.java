package io.kube2ecs.testkit;

import io.kube2ecs.api.model.AwsResource;
import io.kube2ecs.api.model.DeploymentModel;
import io.kube2ecs.api.model.EnvironmentInput;
import io.kube2ecs.api.model.Value;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a {@link DeploymentModel} as stable, sorted JSON by reading every public accessor, so
 * mapper golden tests compare the neutral model without depending on any emitter, and a new
 * model property shows up in the goldens without touching this class.
 */
public final class ModelDump {

    private ModelDump() {
    }

    /**
     * @param model the model
     * @return indented JSON with sorted keys and a trailing newline
     */
    public static String toJson(DeploymentModel model) {
        StringBuilder out = new StringBuilder("{\n  \"inputs\": [");
        boolean first = true;
        for (EnvironmentInput input : model.inputs()) {
            out.append(first ? "\n" : ",\n").append("    ");
            value(out, input, 2);
            first = false;
        }
        out.append(first ? "]" : "\n  ]").append(",\n  \"resources\": [");
        first = true;
        for (AwsResource resource : model.resources()) {
            out.append(first ? "\n" : ",\n").append("    ");
            value(out, resource, 2);
            first = false;
        }
        out.append(first ? "]" : "\n  ]").append("\n}\n");
        return out.toString();
    }

    private static void value(StringBuilder out, Object value, int depth) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String text) {
            string(out, text);
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Enum<?> e) {
            string(out, e.name());
        } else if (value instanceof Value.Literal literal) {
            string(out, literal.value());
        } else if (value instanceof Value.Input input) {
            string(out, "input:" + input.name());
        } else if (value instanceof Value.Ref ref) {
            string(out, "ref:" + ref.target() + "#" + ref.attribute());
        } else if (value instanceof Collection<?> items) {
            if (items.isEmpty()) {
                out.append("[]");
                return;
            }
            out.append("[");
            boolean first = true;
            for (Object item : items) {
                out.append(first ? "\n" : ",\n").append("  ".repeat(depth + 1));
                value(out, item, depth + 1);
                first = false;
            }
            out.append("\n").append("  ".repeat(depth)).append("]");
        } else if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((k, v) -> sorted.put(String.valueOf(k), v));
            object(out, sorted, depth);
        } else {
            object(out, properties(value), depth);
        }
    }

    private static Map<String, Object> properties(Object bean) {
        Map<String, Object> out = new TreeMap<>();
        out.put("@type", bean.getClass().getSimpleName());
        Method[] methods = bean.getClass().getMethods();
        Arrays.sort(methods, Comparator.comparing(Method::getName));
        for (Method method : methods) {
            if (method.getParameterCount() != 0 || Modifier.isStatic(method.getModifiers())
                    || method.getDeclaringClass() == Object.class || method.getReturnType() == void.class
                    || method.getName().equals("hashCode") || method.getName().equals("toString")
                    || method.getName().equals("getClass") || method.getName().startsWith("is")
                    || method.getName().equals("placeholder") || method.getName().equals("describe")) {
                continue;
            }
            try {
                out.put(method.getName(), method.invoke(bean));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + method, e);
            }
        }
        return out;
    }

    private static void object(StringBuilder out, Map<String, Object> fields, int depth) {
        if (fields.isEmpty()) {
            out.append("{}");
            return;
        }
        out.append("{");
        boolean first = true;
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            out.append(first ? "\n" : ",\n").append("  ".repeat(depth + 1));
            string(out, field.getKey());
            out.append(": ");
            value(out, field.getValue(), depth + 1);
            first = false;
        }
        out.append("\n").append("  ".repeat(depth)).append("}");
    }

    private static void string(StringBuilder out, String text) {
        out.append('"');
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
