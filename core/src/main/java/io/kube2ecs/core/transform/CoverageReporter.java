package io.kube2ecs.core.transform;

import io.kube2ecs.api.diag.Diagnostic;
import io.kube2ecs.api.diag.Diagnostics;
import io.kube2ecs.api.diag.Severity;
import io.kube2ecs.api.source.SourceLocation;
import io.kube2ecs.core.diag.Codes;
import io.kube2ecs.core.load.LoadedObject;
import io.kube2ecs.core.load.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reports every field of a mapped object that the mapper neither converted nor deliberately
 * ignored. A subtree nobody touched is reported once, at its top; a subtree partly converted is
 * reported field by field. Annotations are always reported one by one, those that only record
 * what another tool did as notes ({@link KnownAnnotations}). Scalars carry the information, so empty maps, empty lists and nulls
 * are never reported.
 */
public final class CoverageReporter {

    /**
     * @param object      the mapped object
     * @param pluginId    the plugin that mapped it
     * @param diagnostics where findings go
     */
    public void report(LoadedObject object, String pluginId, Diagnostics diagnostics) {
        walk(object, object.root(), new StringBuilder(), object.root().line(), object.root().column(), pluginId, diagnostics);
    }

    /** @param path the node's path, extended and cut back in place: most paths are never reported, so never made */
    private void walk(LoadedObject object, YamlNode node, StringBuilder path, int line, int column, String pluginId,
                      Diagnostics diagnostics) {
        if (node.ignoredReason() != null) {
            diagnostics.report(new Diagnostic(Severity.INFO, Codes.FIELD_IGNORED,
                    (path.length() == 0 ? object.ref().toString() : "field '" + path + "'") + " is not converted: " + node.ignoredReason(),
                    null, new SourceLocation(object.file(), line, column, path.toString()), pluginId));
            return;
        }
        if (node.shape() == YamlNode.Shape.SCALAR) {
            if (!node.converted()) {
                notConverted(object, path.toString(), line, column, pluginId, diagnostics);
            }
            return;
        }
        if (node.shape() == YamlNode.Shape.NULL || (node.entries().isEmpty() && node.items().isEmpty())) {
            return;
        }
        if (!node.entries().isEmpty() && isAnnotations(path)) {
            reportAnnotations(object, node, path, pluginId, diagnostics);
            return;
        }
        if (!anyTouched(node)) {
            notConverted(object, path.toString(), line, column, pluginId, diagnostics);
            return;
        }
        int length = path.length();
        for (Map.Entry<String, YamlNode> entry : node.entries().entrySet()) {
            YamlNode value = entry.getValue();
            (length == 0 ? path : path.append('.')).append(entry.getKey());
            walk(object, value, path, value.keyLine(), value.keyColumn(), pluginId, diagnostics);
            path.setLength(length);
        }
        List<YamlNode> items = node.items();
        for (int i = 0; i < items.size(); i++) {
            YamlNode item = items.get(i);
            path.append('[').append(i).append(']');
            walk(object, item, path, item.line(), item.column(), pluginId, diagnostics);
            path.setLength(length);
        }
    }

    private static boolean anyTouched(YamlNode node) {
        if (node.converted() || node.ignoredReason() != null) {
            return true;
        }
        for (YamlNode child : node.entries().values()) {
            if (anyTouched(child)) {
                return true;
            }
        }
        for (YamlNode child : node.items()) {
            if (anyTouched(child)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Annotations key by key: which are left matters, and some only record what another tool did
     * (notes). The others are grouped by what to do about them, one warning per tool (three
     * {@code prometheus.io/} keys are one finding), so a single one keeps its own path.
     */
    private void reportAnnotations(LoadedObject object, YamlNode map, StringBuilder path, String pluginId, Diagnostics diagnostics) {
        int length = path.length();
        String generic = genericHint(pluginId);
        Map<String, List<String>> keysByHint = new java.util.LinkedHashMap<>();
        Map<String, YamlNode> first = new java.util.HashMap<>();
        for (Map.Entry<String, YamlNode> entry : map.entries().entrySet()) {
            YamlNode value = entry.getValue();
            path.append('.').append(entry.getKey());
            if (anyTouched(value) || value.shape() == YamlNode.Shape.NULL) {
                walk(object, value, path, value.keyLine(), value.keyColumn(), pluginId, diagnostics);
            } else {
                KnownAnnotations.Verdict verdict = KnownAnnotations.of(entry.getKey());
                if (verdict != null && verdict.record()) {
                    diagnostics.report(new Diagnostic(Severity.INFO, Codes.FIELD_IGNORED, "field '" + path + "' is not converted: "
                            + verdict.text(), null, new SourceLocation(object.file(), value.keyLine(), value.keyColumn(), path.toString()),
                            pluginId));
                } else {
                    String hint = verdict == null ? generic : verdict.text();
                    keysByHint.computeIfAbsent(hint, h -> new ArrayList<>()).add(entry.getKey());
                    first.putIfAbsent(hint, value);
                }
            }
            path.setLength(length);
        }
        keysByHint.forEach((hint, keys) -> {
            YamlNode at = first.get(hint);
            if (keys.size() == 1) {
                notConverted(object, path + "." + keys.get(0), at.keyLine(), at.keyColumn(), pluginId, hint, diagnostics);
            } else {
                diagnostics.report(new Diagnostic(Severity.WARNING, Codes.FIELD_NOT_CONVERTED, "annotations "
                        + String.join(", ", keys.subList(0, keys.size() - 1)) + " and " + keys.get(keys.size() - 1) + " of "
                        + object.ref() + " are not converted", hint,
                        new SourceLocation(object.file(), at.keyLine(), at.keyColumn(), path.toString()), pluginId));
            }
        });
    }

    /** {@code metadata.annotations} of the object or of a template inside it. */
    private static boolean isAnnotations(StringBuilder path) {
        String suffix = "metadata.annotations";
        int start = path.length() - suffix.length();
        return start >= 0 && (start == 0 || path.charAt(start - 1) == '.') && path.indexOf(suffix, start) == start;
    }

    private static void notConverted(LoadedObject object, String path, int line, int column, String pluginId,
                                     Diagnostics diagnostics) {
        notConverted(object, path, line, column, pluginId, genericHint(pluginId), diagnostics);
    }

    private static String genericHint(String pluginId) {
        return "plugin " + pluginId + " has no ECS mapping for it; check whether the workload relies on it and configure the ECS "
                + "equivalent by hand";
    }

    private static void notConverted(LoadedObject object, String path, int line, int column, String pluginId, String hint,
                                     Diagnostics diagnostics) {
        diagnostics.report(new Diagnostic(Severity.WARNING, Codes.FIELD_NOT_CONVERTED,
                "field '" + path + "' of " + object.ref() + " is not converted", hint,
                new SourceLocation(object.file(), line, column, path), pluginId));
    }
}
