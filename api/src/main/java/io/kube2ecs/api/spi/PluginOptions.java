package io.kube2ecs.api.spi;

import io.kube2ecs.api.Stable;
import java.util.Map;
import java.util.Optional;

/**
 * The options the user set for one plugin in the conversion profile, under
 * {@code options: { <plugin-id>: { … } }}.
 *
 * <p>Values are plain Java: {@link String}, {@link Number}, {@link Boolean}, {@link java.util.List}
 * and {@link Map}. Immutable and thread-safe.
 */
@Stable
public interface PluginOptions {

    /** @return every option, never null */
    Map<String, Object> asMap();

    /**
     * @param key the option key
     * @return the value as text, if set
     */
    default Optional<String> text(String key) {
        Object value = asMap().get(key);
        return value == null ? Optional.empty() : Optional.of(String.valueOf(value));
    }

    /**
     * @param key      the option key
     * @param fallback the value when unset
     * @return the value as a boolean
     */
    default boolean flag(String key, boolean fallback) {
        Object value = asMap().get(key);
        return value == null ? fallback : Boolean.parseBoolean(String.valueOf(value));
    }
}
