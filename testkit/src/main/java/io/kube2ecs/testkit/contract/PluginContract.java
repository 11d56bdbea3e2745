package io.kube2ecs.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.kube2ecs.api.ApiVersion;
import io.kube2ecs.api.spi.Plugin;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/**
 * What every plugin must do to be loaded by kube2ecs. A plugin's test class implements this (or
 * {@link KindMapperContract} or {@link EmitterContract}, which extend it) and JUnit runs the checks.
 *
 * <pre>{@code
 * class MyPluginContractTest implements PluginContract {
 *     public Plugin plugin() { return new MyPlugin(); }
 * }
 * }</pre>
 */
public interface PluginContract {

    /** The ServiceLoader descriptor every plugin jar carries. */
    String DESCRIPTOR = "META-INF/services/" + Plugin.class.getName();

    /** @return a new instance of the plugin under test */
    Plugin plugin();

    /**
     * The jar (here: the test's class path) lists the plugin class in its ServiceLoader descriptor,
     * and ServiceLoader can create it: otherwise {@code --plugin-dir} would not find it.
     */
    @Test
    default void serviceLoaderDescriptorListsThePluginAndLoadsIt() {
        Class<? extends Plugin> type = plugin().getClass();
        ClassLoader loader = type.getClassLoader();
        List<String> listed = new ArrayList<>();
        try {
            for (URL url : Collections.list(loader.getResources(DESCRIPTOR))) {
                try (InputStream in = url.openStream()) {
                    for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                        String entry = line.replaceAll("#.*", "").strip();
                        if (!entry.isEmpty()) {
                            listed.add(entry);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertTrue(listed.contains(type.getName()), () -> DESCRIPTOR + " does not list " + type.getName()
                + "; add it (e.g. src/main/resources/" + DESCRIPTOR + "); listed: " + listed);
        try {
            boolean loaded = ServiceLoader.load(Plugin.class, loader).stream()
                    .filter(provider -> provider.type() == type).anyMatch(provider -> provider.get() != null);
            assertTrue(loaded, () -> "ServiceLoader did not create " + type.getName());
        } catch (ServiceConfigurationError e) {
            fail("ServiceLoader cannot load the plugins listed in " + DESCRIPTOR + ": " + e.getMessage()
                    + " (a plugin needs a public class with a public no-argument constructor)");
        }
    }

    /** The id is kebab case (users type it), and the API version asked for is one this kube2ecs provides. */
    @Test
    default void idIsKebabCaseAndApiVersionIsProvided() {
        Plugin plugin = plugin();
        String id = plugin.id();
        assertNotNull(id, "Plugin.id() is null");
        assertTrue(id.matches("[a-z0-9]+(-[a-z0-9]+)*"), () -> "Plugin.id() '" + id + "' is not kebab case");
        ApiVersion required = plugin.requiredApiVersion();
        assertTrue(ApiVersion.CURRENT.satisfies(required),
                () -> "the plugin requires API " + required + " but the test kit's API is " + ApiVersion.CURRENT);
        assertNotNull(plugin.description(), "Plugin.description() is null; return \"\" instead");
    }

    /** Contributions are never null and the plugin contributes something. */
    @Test
    default void contributesSomething() {
        Plugin plugin = plugin();
        assertNotNull(plugin.kindMappers(), "kindMappers() is null");
        assertNotNull(plugin.emitters(), "emitters() is null");
        assertNotNull(plugin.inputSources(), "inputSources() is null");
        assertFalse(plugin.kindMappers().isEmpty() && plugin.emitters().isEmpty() && plugin.inputSources().isEmpty(),
                "the plugin contributes no kind mapper, emitter or input source");
        List<String> targets = plugin.emitters().stream().map(e -> e.target()).toList();
        assertEquals(targets.stream().distinct().count(), targets.size(), () -> "a target is contributed twice: " + targets);
    }
}
