package io.kube2ecs.core.plugin;

import io.kube2ecs.api.spi.Plugin;
import io.kube2ecs.core.diag.Codes;
import io.kube2ecs.core.diag.ConfigurationException;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Loads plugins from plugin folders ({@code --plugin-dir}, {@code plugins.dirs} in the profile).
 * Each jar directly in a folder is one plugin with its own {@link PluginClassLoader}; each
 * sub-folder is one plugin whose jars (the plugin and its libraries) share a class loader. Other
 * files are left alone, so a folder may hold a README. Anything that keeps a jar from loading is a
 * usage error ({@value Codes#PLUGIN_JAR}) naming the jar, before any conversion work.
 */
public final class PluginFolders {

    /** The ServiceLoader descriptor a plugin jar must carry. */
    public static final String DESCRIPTOR = "META-INF/services/" + Plugin.class.getName();

    /**
     * A plugin folder as the user named it.
     *
     * @param path    the folder, resolved
     * @param display the folder as the user wrote it, for messages and listings
     * @param origin  where it was named: {@code --plugin-dir} or {@code profile plugins.dirs}
     */
    public record Folder(Path path, String display, String origin) {
    }

    private PluginFolders() {
    }

    /**
     * Wraps a plugin source so that it also returns the plugins of some folders, loaded once.
     *
     * @param base    the other plugins (bundled, plugin path)
     * @param folders the folders, in the user's order
     * @return the combined source
     */
    public static PluginSource with(PluginSource base, List<Folder> folders) {
        if (folders.isEmpty()) {
            return base;
        }
        List<Folder> copy = List.copyOf(folders);
        return new PluginSource() {
            private List<Plugin> loaded;

            @Override
            public List<Plugin> get() {
                if (loaded == null) {
                    loaded = load(copy, Plugin.class.getClassLoader());
                }
                List<Plugin> all = new ArrayList<>(base.get());
                all.addAll(loaded);
                return all;
            }
        };
    }

    /**
     * @param folders the folders
     * @param host    the loader whose API classes the plugins share
     * @return the plugins, folder by folder, jars in name order
     * @throws ConfigurationException when a folder is missing or a jar cannot be loaded
     */
    public static List<Plugin> load(List<Folder> folders, ClassLoader host) {
        List<Plugin> plugins = new ArrayList<>();
        for (Folder folder : folders) {
            if (!Files.isDirectory(folder.path())) {
                throw new ConfigurationException("plugin folder not found: " + folder.display() + " (" + folder.origin() + ")",
                        "name a folder that holds plugin jars");
            }
            List<Path> entries;
            try (Stream<Path> list = Files.list(folder.path())) {
                entries = list.sorted().toList();
            } catch (IOException e) {
                throw new ConfigurationException("cannot list plugin folder " + folder.display() + ": " + e.getMessage(), null);
            }
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                String display = folder.display().replaceAll("[/\\\\]+$", "") + "/" + name;
                if (name.startsWith(".")) {
                    continue;
                }
                if (Files.isDirectory(entry)) {
                    List<Path> jars;
                    try (Stream<Path> list = Files.list(entry)) {
                        jars = list.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
                    } catch (IOException e) {
                        throw new ConfigurationException("cannot list plugin folder " + display + ": " + e.getMessage(), null);
                    }
                    if (!jars.isEmpty()) {
                        plugins.addAll(loadOne(folder.origin(), display + "/", jars, host));
                    }
                } else if (name.endsWith(".jar")) {
                    plugins.addAll(loadOne(folder.origin(), display, List.of(entry), host));
                }
            }
        }
        return plugins;
    }

    private static List<Plugin> loadOne(String origin, String display, List<Path> jars, ClassLoader host) {
        List<URL> urls = new ArrayList<>();
        for (Path jar : jars) {
            try (JarFile ignored = new JarFile(jar.toFile())) {
                urls.add(jar.toUri().toURL());
            } catch (MalformedURLException e) {
                throw broken(display, "bad location: " + e.getMessage(), null);
            } catch (IOException | SecurityException e) {
                String which = jars.size() == 1 ? "" : jar.getFileName() + ": ";
                throw broken(display, which + "not a readable jar (" + e.getMessage() + ")",
                        "replace it with the plugin jar its authors built, or remove it from the folder");
            }
        }
        // not closed: the plugin's classes are used for the rest of the run
        @SuppressWarnings("resource")
        PluginClassLoader loader = new PluginClassLoader(origin, display, urls.toArray(URL[]::new), host);
        if (loader.findResource(DESCRIPTOR) == null) {
            throw broken(display, "no plugin in it: " + DESCRIPTOR + " is missing",
                    "build the jar with that file listing the Plugin class; a library a plugin needs goes into a "
                            + "sub-folder together with the plugin jar");
        }
        List<Plugin> plugins = new ArrayList<>();
        try {
            for (Plugin plugin : ServiceLoader.load(Plugin.class, loader)) {
                if (plugin.getClass().getClassLoader() == loader) {
                    plugins.add(plugin);
                }
            }
        } catch (ServiceConfigurationError | LinkageError | RuntimeException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            String detail = e.getMessage() + (cause == e ? "" : " (" + cause + ")");
            throw broken(display, "cannot be loaded: " + detail,
                    "a plugin may use the kube2ecs API (io.kube2ecs.api) and the JDK; any other library must be inside "
                            + "its jar or in a sub-folder together with it; its Plugin class needs a public no-argument "
                            + "constructor");
        }
        if (plugins.isEmpty()) {
            throw broken(display, "no plugin in it: " + DESCRIPTOR + " lists no class", "list the Plugin class in it");
        }
        return plugins;
    }

    private static ConfigurationException broken(String display, String problem, String hint) {
        return new ConfigurationException(Codes.PLUGIN_JAR, "plugin jar " + display + ": " + problem, hint);
    }
}
