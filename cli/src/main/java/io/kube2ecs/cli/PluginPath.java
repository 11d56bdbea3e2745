package io.kube2ecs.cli;

import com.google.inject.Guice;
import io.kube2ecs.core.diag.ConfigurationException;
import io.kube2ecs.core.ConversionPipeline;
import io.kube2ecs.core.RuntimeEnvironment;
import io.kube2ecs.core.inject.CoreModule;
import io.kube2ecs.core.plugin.PluginFolders;
import io.kube2ecs.core.plugin.PluginInfo;
import io.kube2ecs.core.plugin.PluginSource;
import io.kube2ecs.core.plugin.ServiceLoaderPluginSource;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Builds the pipeline with the bundled plugins, the jars named by {@code --plugin-path} (jar files,
 * or folders whose jars are all added, in name order, on one class loader below kube2ecs' own) and
 * the plugin folders named by {@code --plugin-dir} (each plugin isolated in its own class loader,
 * see {@link PluginFolders}).
 */
final class PluginPath {

    private PluginPath() {
    }

    static ConversionPipeline pipeline(Kube2Ecs cli, List<String> pluginPath, List<String> pluginDirs) {
        if (pluginPath.isEmpty() && pluginDirs.isEmpty()) {
            return cli.bundledPipeline();
        }
        return build(cli, pluginPath, pluginDirs);
    }

    static ConversionPipeline build(Kube2Ecs cli, List<String> pluginPath, List<String> pluginDirs) {
        ClassLoader loader = classLoader(cli.workingDirectory(), pluginPath);
        RuntimeEnvironment environment = new RuntimeEnvironment(cli.stdin(), cli.workingDirectory());
        List<PluginFolders.Folder> folders = pluginDirs.stream()
                .map(dir -> new PluginFolders.Folder(cli.workingDirectory().resolve(dir), dir, "--plugin-dir")).toList();
        PluginSource plugins = PluginFolders.with(new ServiceLoaderPluginSource(loader), folders);
        return Guice.createInjector(new CoreModule(plugins, environment)).getInstance(ConversionPipeline.class);
    }

    private static ClassLoader classLoader(Path workingDirectory, List<String> entries) {
        ClassLoader parent = PluginPath.class.getClassLoader();
        if (entries.isEmpty()) {
            return parent;
        }
        List<URL> urls = new ArrayList<>();
        for (String entry : entries) {
            Path path = workingDirectory.resolve(entry);
            try {
                if (Files.isDirectory(path)) {
                    try (Stream<Path> jars = Files.list(path)) {
                        for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                            urls.add(jar.toUri().toURL());
                        }
                    }
                } else if (Files.isRegularFile(path)) {
                    urls.add(path.toUri().toURL());
                } else {
                    throw new ConfigurationException("plugin path entry not found: " + entry,
                            "give a plugin jar or a folder of plugin jars");
                }
            } catch (MalformedURLException e) {
                throw new ConfigurationException("bad plugin path entry " + entry + ": " + e.getMessage(), null);
            } catch (IOException e) {
                throw new ConfigurationException("cannot list plugin folder " + entry + ": " + e.getMessage(), null);
            }
        }
        // named, so that listings can tell these plugins from the bundled ones
        return new URLClassLoader(PluginInfo.PLUGIN_PATH_LOADER, urls.toArray(URL[]::new), parent);
    }
}
