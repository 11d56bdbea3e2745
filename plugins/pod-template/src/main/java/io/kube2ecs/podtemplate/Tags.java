package io.kube2ecs.podtemplate;

import io.kube2ecs.api.diag.Diagnostics;
import io.kube2ecs.api.source.SourceNode;
import io.kube2ecs.api.spi.ConversionSettings;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Labels to AWS tags, within ECS's limits: 50 tags, keys up to 128 and values up to 256 characters. */
public final class Tags {

    private static final int MAX_TAGS = 50;
    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");

    private Tags() {
    }

    /**
     * @param metadata    the object's metadata; its labels are read
     * @param settings    the profile's tags come first
     * @param diagnostics where labels that cannot be tags are reported
     * @return the tags in order
     */
    public static Map<String, String> of(SourceNode metadata, ConversionSettings settings, Diagnostics diagnostics) {
        Map<String, String> tags = new LinkedHashMap<>(settings.tags());
        SourceNode labels = metadata.get("labels");
        for (Map.Entry<String, String> label : labels.asStringMap().entrySet()) {
            String key = label.getKey();
            String value = label.getValue();
            if (key.toLowerCase(Locale.ROOT).startsWith("aws:") || key.length() > 128 || value.length() > 256
                    || !ALLOWED.matcher(key).matches() || !ALLOWED.matcher(value).matches()) {
                diagnostics.warning(labels.get(key), PodCodes.TAGS, "label '" + key
                        + "' cannot be an AWS tag (reserved aws: prefix, length or characters) and is left out", null);
                continue;
            }
            tags.putIfAbsent(key, value);
        }
        if (tags.size() > MAX_TAGS) {
            diagnostics.warning(labels, PodCodes.TAGS, "only the first " + MAX_TAGS + " profile tags and labels become tags",
                    "ECS allows 50 tags per resource");
            Map<String, String> first = new LinkedHashMap<>();
            tags.entrySet().stream().limit(MAX_TAGS).forEach(e -> first.put(e.getKey(), e.getValue()));
            return first;
        }
        return tags;
    }
}
