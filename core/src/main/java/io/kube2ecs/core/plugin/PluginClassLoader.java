package io.kube2ecs.core.plugin;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * The class loader of one plugin from a plugin folder. It shares only the API packages
 * ({@code io.kube2ecs.api..}) with kube2ecs, so plugin and core agree on what a {@code Plugin} is.
 * Everything else is looked up in the plugin's own jars first and then in the JDK, never in
 * kube2ecs' class path: a plugin that bundles another version of a library kube2ecs uses (Jackson,
 * SnakeYAML …) gets its own, and one that forgot to bundle a library fails to load instead of
 * silently running on ours.
 */
public final class PluginClassLoader extends URLClassLoader {

    private static final String SHARED_PREFIX = "io.kube2ecs.api.";

    static {
        registerAsParallelCapable();
    }

    private final ClassLoader host;
    private final String origin;
    private final String display;

    /**
     * @param origin  where the folder was named, e.g. {@code --plugin-dir} or {@code profile plugins.dirs}
     * @param display the plugin's jar (or folder of jars) as the user would name it
     * @param urls    the plugin's jars
     * @param host    the loader that provides the API packages
     */
    public PluginClassLoader(String origin, String display, URL[] urls, ClassLoader host) {
        super("kube2ecs-plugin " + display, urls, ClassLoader.getPlatformClassLoader());
        this.host = host;
        this.origin = origin;
        this.display = display;
    }

    /** @return where the folder was named, e.g. {@code --plugin-dir} */
    public String origin() {
        return origin;
    }

    /** @return the plugin's jar or folder as the user would name it */
    public String display() {
        return display;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                if (name.startsWith(SHARED_PREFIX)) {
                    loaded = host.loadClass(name);
                } else if (name.startsWith("java.")) {
                    loaded = getParent().loadClass(name);
                } else {
                    try {
                        loaded = findClass(name);
                    } catch (ClassNotFoundException notInThePlugin) {
                        loaded = getParent().loadClass(name);
                    }
                }
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    @Override
    public URL getResource(String name) {
        URL own = findResource(name);
        return own != null ? own : getParent().getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        List<URL> all = new ArrayList<>(Collections.list(findResources(name)));
        all.addAll(Collections.list(getParent().getResources(name)));
        return Collections.enumeration(all);
    }
}
