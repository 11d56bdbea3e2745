package io.kube2ecs.core.plugin;

import io.kube2ecs.api.spi.Plugin;
import io.kube2ecs.core.diag.ConfigurationException;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Discovers plugins with {@link ServiceLoader} on a class loader (the application's, or one that
 * adds plugin jars from {@code --plugin-path}).
 */
public final class ServiceLoaderPluginSource implements PluginSource {

    private final ClassLoader loader;

    /** @param loader where to look for {@code META-INF/services/io.kube2ecs.api.spi.Plugin} */
    public ServiceLoaderPluginSource(ClassLoader loader) {
        this.loader = loader;
    }

    @Override
    public List<Plugin> get() {
        List<Plugin> plugins = new ArrayList<>();
        try {
            for (Plugin plugin : ServiceLoader.load(Plugin.class, loader)) {
                plugins.add(plugin);
            }
        } catch (ServiceConfigurationError e) {
            throw new ConfigurationException("a plugin jar could not be loaded: " + e.getMessage(),
                    "check that the jar was built against this version of kube2ecs-api and lists a public class "
                            + "with a no-argument constructor in META-INF/services/io.kube2ecs.api.spi.Plugin");
        }
        return plugins;
    }
}
