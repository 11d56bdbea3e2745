package io.kube2ecs.core.plugin;

import io.kube2ecs.api.spi.Emitter;
import io.kube2ecs.api.spi.InputSource;
import io.kube2ecs.api.spi.KindMapper;
import io.kube2ecs.api.spi.Plugin;
import java.util.List;

/**
 * What one loaded plugin contributes, for {@code kube2ecs plugins} and for error messages.
 *
 * @param id          the plugin id
 * @param description its one-line description
 * @param kinds       kinds it maps, sorted
 * @param targets     targets it emits, sorted
 * @param sources     input sources, sorted
 * @param jar         where its class was loaded from
 * @param plugin      the plugin itself
 * @param mappers     its kind mappers, asked for once
 * @param emitters    its emitters, asked for once
 * @param inputs      its input sources, asked for once
 */
public record PluginInfo(String id, String description, List<String> kinds, List<String> targets,
                         List<String> sources, String jar, Plugin plugin, List<KindMapper> mappers,
                         List<Emitter> emitters, List<InputSource> inputs) {

    /** The name of the class loader the CLI gives {@code --plugin-path} jars, so listings can tell them apart. */
    public static final String PLUGIN_PATH_LOADER = "kube2ecs-plugin-path";

    /**
     * @return where the plugin came from: {@code bundled} (kube2ecs' own class path),
     *         {@code --plugin-path}, {@code --plugin-dir} or {@code profile plugins.dirs}
     */
    public String from() {
        ClassLoader loader = plugin.getClass().getClassLoader();
        if (loader instanceof PluginClassLoader folder) {
            return folder.origin();
        }
        return loader != null && PLUGIN_PATH_LOADER.equals(loader.getName()) ? "--plugin-path" : "bundled";
    }

    /** @return the jar, or for plugin folders the jar (or sub-folder) as the user would name it */
    public String location() {
        return locationOf(plugin);
    }

    static String locationOf(Object plugin) {
        return plugin.getClass().getClassLoader() instanceof PluginClassLoader folder ? folder.display() : jarOf(plugin);
    }

    static String jarOf(Object object) {
        try {
            var source = object.getClass().getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null) {
                return "(built in)";
            }
            String path = source.getLocation().getPath();
            return path.substring(path.lastIndexOf('/', path.length() - 2) + 1);
        } catch (SecurityException e) {
            return "(unknown)";
        }
    }

    /** @return how messages name the plugin: id, class and jar */
    public String describe() {
        return "'" + id + "' (" + plugin.getClass().getName() + " in " + location() + ")";
    }
}
