package io.kube2ecs.core.transform;

import io.kube2ecs.api.diag.Diagnostic;
import io.kube2ecs.api.diag.Diagnostics;
import io.kube2ecs.api.diag.Severity;
import io.kube2ecs.api.source.SourceLocation;
import io.kube2ecs.api.model.DeploymentModel;
import io.kube2ecs.api.spi.ConversionSettings;
import io.kube2ecs.api.spi.KindMapper;
import io.kube2ecs.api.spi.MappingContext;
import io.kube2ecs.api.spi.ObjectIndex;
import io.kube2ecs.api.spi.PluginOptions;
import io.kube2ecs.core.diag.Codes;
import io.kube2ecs.core.diag.DiagnosticCollector;
import io.kube2ecs.core.load.LoadedObject;
import io.kube2ecs.core.plugin.PluginRegistry;
import io.kube2ecs.core.profile.Profile;
import io.kube2ecs.core.resolve.ObjectStore;
import io.kube2ecs.core.source.ObjectView;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The transform stage: runs each object's mapper, contains plugin failures, and reports the
 * fields no plugin converted.
 */
public final class Transformer {

    private final CoverageReporter coverage = new CoverageReporter();

    /** Counts of what happened to the input objects. */
    public static final class Outcome {
        private int mapped;
        private int unsupported;
        private int failed;
        private final java.util.SortedMap<String, String> secretValues = new java.util.TreeMap<>();
        private final java.util.Set<io.kube2ecs.api.source.ObjectRef> mappedObjects = new java.util.HashSet<>();

        /** @return objects a mapper converted */
        public int mapped() { return mapped; }
        /** @return objects no mapper handles */
        public int unsupported() { return unsupported; }
        /** @return the objects a mapper converted */
        public java.util.Set<io.kube2ecs.api.source.ObjectRef> mappedObjects() { return mappedObjects; }
        /** @return objects whose mapper threw */
        public int failed() { return failed; }
        /** @return secret values handed over by mappers, by sensitive input name; never part of the model */
        public java.util.SortedMap<String, String> secretValues() { return secretValues; }
    }

    /**
     * @param store       the resolved input
     * @param registry    the plugins
     * @param model       the model to fill
     * @param settings    settings from the profile
     * @param profile     the profile, for plugin options
     * @param diagnostics where findings go
     * @return counts
     */
    public Outcome run(ObjectStore store, PluginRegistry registry, DeploymentModel model, ConversionSettings settings,
                       Profile profile, DiagnosticCollector diagnostics) {
        Outcome outcome = new Outcome();
        for (LoadedObject object : store.objects()) {
            Optional<PluginRegistry.Bound<KindMapper>> mapper = registry.mapper(object.ref().kind());
            if (mapper.isEmpty()) {
                outcome.unsupported++;
                reportUnsupported(object, registry, diagnostics);
                continue;
            }
            String pluginId = mapper.get().pluginId();
            Diagnostics pluginDiagnostics = diagnostics.forPlugin(pluginId);
            PluginOptions options = new PluginOptionsView(profile.options().getOrDefault(pluginId, Map.of()));
            MappingContext context = new Context(model, store, pluginDiagnostics, options, settings, outcome.secretValues);
            try {
                mapper.get().value().map(new ObjectView(object, true), context);
                outcome.mapped++;
                outcome.mappedObjects.add(object.ref());
                coverage.report(object, pluginId, diagnostics);
            } catch (RuntimeException | LinkageError e) {
                outcome.failed++;
                diagnostics.report(new Diagnostic(Severity.ERROR, Codes.PLUGIN_FAILURE,
                        "plugin " + pluginId + " failed on " + object.ref() + ": " + e.getClass().getName()
                                + (e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse("")),
                        "this is a bug in the plugin; report it with this input, or choose another plugin for "
                                + object.ref().kind() + " with --mapper",
                        location(object), pluginId));
            }
        }
        return outcome;
    }

    private static void reportUnsupported(LoadedObject object, PluginRegistry registry, DiagnosticCollector diagnostics) {
        String approach = KindHints.approach(object.ref().kind());
        String supported = registry.mappers().keySet().stream().map(Object::toString).collect(Collectors.joining(", "));
        // a Namespace carries nothing to create on ECS, so its note is informational
        Severity severity = object.ref().kind().kind().equals("Namespace") && object.ref().kind().group().isEmpty()
                ? Severity.INFO : Severity.WARNING;
        diagnostics.report(new Diagnostic(severity, Codes.KIND_UNSUPPORTED,
                object.ref() + " is not converted: no installed plugin maps " + object.ref().kind(),
                approach != null ? "on ECS: " + approach
                        : "kinds with a mapper: " + (supported.isEmpty() ? "none" : supported)
                                + "; perhaps you should add a plugin for it to the plugin path",
                location(object), null));
    }

    private static SourceLocation location(LoadedObject object) {
        return new SourceLocation(object.file(), object.root().line(), object.root().column(), "");
    }

    private record Context(DeploymentModel model, ObjectIndex objects, Diagnostics diagnostics, PluginOptions options,
                           ConversionSettings settings, Map<String, String> secrets) implements MappingContext {
        @Override
        public void secretValue(String input, String value) {
            secrets.put(input, value);
        }
    }
}
