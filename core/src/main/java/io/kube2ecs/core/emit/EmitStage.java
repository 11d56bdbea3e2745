package io.kube2ecs.core.emit;

import io.kube2ecs.api.diag.Diagnostic;
import io.kube2ecs.api.diag.Diagnostics;
import io.kube2ecs.api.diag.Severity;
import io.kube2ecs.api.model.DeploymentModel;
import io.kube2ecs.api.spi.ConversionSettings;
import io.kube2ecs.api.spi.EmitContext;
import io.kube2ecs.api.spi.Emitter;
import io.kube2ecs.api.spi.Output;
import io.kube2ecs.api.spi.PluginOptions;
import io.kube2ecs.core.diag.Codes;
import io.kube2ecs.core.diag.DiagnosticCollector;
import io.kube2ecs.core.plugin.PluginRegistry;
import io.kube2ecs.core.profile.Profile;
import io.kube2ecs.core.transform.PluginOptionsView;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The emit stage: runs the chosen emitters over the model and collects their files in memory.
 */
public final class EmitStage {

    /**
     * @param model       the model
     * @param emitters    the emitters to run, in order
     * @param settings    settings from the profile
     * @param profile     the profile, for plugin options
     * @param diagnostics where findings go
     * @return every file by path relative to the output folder, sorted
     */
    public SortedMap<String, byte[]> run(DeploymentModel model, List<PluginRegistry.Bound<Emitter>> emitters,
                                         ConversionSettings settings, Profile profile, DiagnosticCollector diagnostics) {
        SortedMap<String, byte[]> files = new TreeMap<>();
        for (PluginRegistry.Bound<Emitter> bound : emitters) {
            String pluginId = bound.pluginId();
            Emitter emitter = bound.value();
            SortedMap<String, byte[]> own = new TreeMap<>();
            Output output = new BufferedOutput(BufferedOutput.checked(emitter.outputFolder()), own);
            PluginOptions options = new PluginOptionsView(profile.options().getOrDefault(pluginId, Map.of()));
            EmitContext context = new Context(output, diagnostics.forPlugin(pluginId), options, settings);
            try {
                emitter.emit(model, context);
                for (Map.Entry<String, byte[]> file : own.entrySet()) {
                    if (files.putIfAbsent(file.getKey(), file.getValue()) != null) {
                        throw new IllegalArgumentException("two emitters write " + file.getKey());
                    }
                }
            } catch (RuntimeException | LinkageError e) {
                diagnostics.report(new Diagnostic(Severity.ERROR, Codes.PLUGIN_FAILURE,
                        "emitter " + emitter.target() + " of plugin " + pluginId + " failed: " + e.getClass().getName()
                                + (e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse("")),
                        "this is a bug in the plugin; report it with this input, or leave the target out with --target",
                        null, pluginId));
            }
        }
        return files;
    }

    private record Context(Output output, Diagnostics diagnostics, PluginOptions options, ConversionSettings settings)
            implements EmitContext {
    }
}
