package io.kube2ecs.core.plugin;

import io.kube2ecs.api.ApiVersion;
import io.kube2ecs.api.source.ResourceKind;
import io.kube2ecs.api.spi.Emitter;
import io.kube2ecs.api.spi.InputSource;
import io.kube2ecs.api.spi.KindMapper;
import io.kube2ecs.api.spi.Plugin;
import io.kube2ecs.core.diag.ConfigurationException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The plugins of one run, keyed by what they handle. Built once at start-up, so conflicts show
 * before any conversion work: two plugins claiming the same kind, target or source fail unless the
 * user chose one. Plugins are ordered by id, so nothing depends on classpath order.
 */
public final class PluginRegistry {

    private final List<PluginInfo> plugins;
    private final Map<ResourceKind, Bound<KindMapper>> mappers;
    private final Map<String, Bound<Emitter>> emitters;
    private final Map<String, Bound<InputSource>> sources;

    /**
     * A contribution and the plugin it came from.
     *
     * @param pluginId the plugin
     * @param value    the mapper, emitter or source
     * @param <T>      its type
     */
    public record Bound<T>(String pluginId, T value) {
    }

    /**
     * @param discovered     the plugins found, in any order
     * @param mapperChoices  the user's choice of plugin per kind (flag or profile)
     * @param emitterChoices the user's choice of plugin per target
     * @throws ConfigurationException on duplicate ids, unchosen conflicts or choices naming nothing
     */
    public PluginRegistry(List<Plugin> discovered, Map<ResourceKind, String> mapperChoices,
                          Map<String, String> emitterChoices) {
        this.plugins = describe(discovered);
        this.mappers = bind("kind", plugins, PluginInfo::mappers, KindMapper::kind, mapperChoices,
                "choose one with --mapper KIND=PLUGIN or plugins.mappers in the profile");
        this.emitters = bind("target", plugins, PluginInfo::emitters, Emitter::target, emitterChoices,
                "choose one with --emitter TARGET=PLUGIN or plugins.emitters in the profile");
        this.sources = bind("input source", plugins, PluginInfo::inputs, InputSource::id, Map.of(),
                "remove one of the two plugin jars");
    }

    /**
     * Describes plugins without binding them, so they can be listed even when they conflict.
     *
     * @param discovered the plugins found
     * @return their descriptions, sorted by id
     * @throws ConfigurationException on duplicate ids or a plugin that fails to start
     */
    public static List<PluginInfo> describe(List<Plugin> discovered) {
        List<Plugin> sorted = new ArrayList<>(discovered);
        sorted.sort(Comparator.comparing(PluginRegistry::idOf).thenComparing(p -> p.getClass().getName()));
        List<PluginInfo> out = new ArrayList<>();
        Map<String, PluginInfo> byId = new LinkedHashMap<>();
        for (Plugin plugin : sorted) {
            String id = idOf(plugin);
            PluginInfo info;
            try {
                ApiVersion required = plugin.requiredApiVersion();
                if (!ApiVersion.CURRENT.satisfies(required)) {
                    throw new ConfigurationException("plugin '" + id + "' needs kube2ecs API " + required
                            + ", this is " + ApiVersion.CURRENT, "use a plugin version built for API " + ApiVersion.CURRENT);
                }
                List<KindMapper> kindMappers = List.copyOf(plugin.kindMappers());
                List<Emitter> pluginEmitters = List.copyOf(plugin.emitters());
                List<InputSource> inputs = List.copyOf(plugin.inputSources());
                info = new PluginInfo(id, plugin.description(),
                        kindMappers.stream().map(m -> m.kind().toString()).sorted().toList(),
                        pluginEmitters.stream().map(Emitter::target).sorted().toList(),
                        inputs.stream().map(InputSource::id).sorted().toList(),
                        PluginInfo.jarOf(plugin), plugin, kindMappers, pluginEmitters, inputs);
            } catch (ConfigurationException e) {
                throw e;
            } catch (RuntimeException | LinkageError e) {
                throw new ConfigurationException("plugin '" + id + "' (" + plugin.getClass().getName() + " in "
                        + PluginInfo.locationOf(plugin) + ") failed to start: " + e,
                        "remove the plugin jar or report the failure to its authors");
            }
            PluginInfo previous = byId.putIfAbsent(id, info);
            if (previous != null) {
                throw new ConfigurationException("two plugins have the id '" + id + "': " + previous.describe()
                        + " and " + info.describe(), "remove one of the jars from the class path or plugin path");
            }
            out.add(info);
        }
        return Collections.unmodifiableList(out);
    }

    private static String idOf(Plugin plugin) {
        try {
            String id = plugin.id();
            if (id == null || id.isBlank()) {
                throw new ConfigurationException("plugin " + plugin.getClass().getName() + " has no id",
                        "Plugin.id() must return a non-empty kebab-case id");
            }
            return id;
        } catch (RuntimeException | LinkageError e) {
            if (e instanceof ConfigurationException configuration) {
                throw configuration;
            }
            throw new ConfigurationException("plugin " + plugin.getClass().getName() + " failed to start: " + e,
                    "remove the plugin jar or report the failure to its authors");
        }
    }

    private static <K extends Comparable<K>, T> Map<K, Bound<T>> bind(String what, List<PluginInfo> plugins,
            Function<PluginInfo, List<T>> contributions, Function<T, K> key, Map<K, String> choices, String howToChoose) {
        Map<K, List<Bound<T>>> candidates = new TreeMap<>();
        Map<String, PluginInfo> byId = plugins.stream().collect(Collectors.toMap(PluginInfo::id, p -> p));
        for (PluginInfo info : plugins) {
            for (T contribution : contributions.apply(info)) {
                candidates.computeIfAbsent(key.apply(contribution), k -> new ArrayList<>())
                        .add(new Bound<>(info.id(), contribution));
            }
        }
        for (Map.Entry<K, String> choice : choices.entrySet()) {
            if (!candidates.containsKey(choice.getKey())) {
                throw new ConfigurationException("no installed plugin handles " + what + " '" + choice.getKey()
                        + "' chosen for plugin '" + choice.getValue() + "'", "available: " + candidates.keySet());
            }
        }
        Map<K, Bound<T>> bound = new TreeMap<>();
        for (Map.Entry<K, List<Bound<T>>> entry : candidates.entrySet()) {
            List<Bound<T>> list = entry.getValue();
            String chosen = choices.get(entry.getKey());
            if (chosen != null) {
                Optional<Bound<T>> match = list.stream().filter(b -> b.pluginId().equals(chosen)).findFirst();
                if (match.isEmpty()) {
                    throw new ConfigurationException("plugin '" + chosen + "' does not handle " + what + " '"
                            + entry.getKey() + "'", "plugins that do: "
                            + list.stream().map(Bound::pluginId).collect(Collectors.joining(", ")));
                }
                bound.put(entry.getKey(), match.get());
            } else if (list.size() > 1) {
                if (list.stream().map(Bound::pluginId).distinct().count() < list.size()) {
                    throw new ConfigurationException("plugin '" + list.get(0).pluginId() + "' contributes " + what
                            + " '" + entry.getKey() + "' twice", "report this to the plugin's authors");
                }
                String names = list.stream().map(b -> byId.get(b.pluginId()).describe()).collect(Collectors.joining(" and "));
                throw new ConfigurationException(what + " '" + entry.getKey() + "' is claimed by " + names,
                        howToChoose.replace("KIND", entry.getKey().toString())
                                .replace("TARGET", entry.getKey().toString())
                                .replace("PLUGIN", list.get(list.size() - 1).pluginId()));
            } else {
                bound.put(entry.getKey(), list.get(0));
            }
        }
        return Collections.unmodifiableMap(bound);
    }

    /** @return the loaded plugins, sorted by id */
    public List<PluginInfo> plugins() {
        return plugins;
    }

    /**
     * @param kind a kind
     * @return the mapper chosen for it, if any
     */
    public Optional<Bound<KindMapper>> mapper(ResourceKind kind) {
        return Optional.ofNullable(mappers.get(kind));
    }

    /** @return every bound mapper, by kind */
    public Map<ResourceKind, Bound<KindMapper>> mappers() {
        return mappers;
    }

    /** @return every bound emitter, by target */
    public Map<String, Bound<Emitter>> emitters() {
        return emitters;
    }

    /**
     * @param id a source id
     * @return the source, if any
     */
    public Optional<Bound<InputSource>> source(String id) {
        return Optional.ofNullable(sources.get(id));
    }
}
