package io.kube2ecs.core.transform;

import io.kube2ecs.api.spi.PluginOptions;
import java.util.Map;
import java.util.TreeMap;

/**
 * One plugin's options from the profile.
 */
public final class PluginOptionsView implements PluginOptions {

    private final Map<String, Object> options;

    /** @param options the plugin's options, may be empty */
    public PluginOptionsView(Map<String, Object> options) {
        this.options = java.util.Collections.unmodifiableMap(new TreeMap<>(options));
    }

    @Override
    public Map<String, Object> asMap() {
        return options;
    }
}
