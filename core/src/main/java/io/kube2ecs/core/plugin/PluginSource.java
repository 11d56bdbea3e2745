package io.kube2ecs.core.plugin;

import io.kube2ecs.api.spi.Plugin;
import java.util.List;
import java.util.function.Supplier;

/**
 * Where plugins come from. Production uses {@link ServiceLoaderPluginSource}; tests pass a fixed
 * list, so the discovery mechanism is a seam rather than a global.
 */
public interface PluginSource extends Supplier<List<Plugin>> {
}
