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
import io.kube2ecs.core.concurrent.Workers;
import io.kube2ecs.core.diag.Codes;
import io.kube2ecs.core.diag.DiagnosticCollector;
import io.kube2ecs.core.plugin.PluginRegistry;
import io.kube2ecs.core.profile.Profile;
import io.kube2ecs.core.transform.PluginOptionsView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.function.ObjLongConsumer;

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
     * @param times       told each target's wall-clock nanoseconds, from the emitter's thread
     * @return every file by path relative to the output folder, sorted
     */
    public SortedMap<String, byte[]> run(DeploymentModel model, List<PluginRegistry.Bound<Emitter>> emitters,
                                         ConversionSettings settings, Profile profile, DiagnosticCollector diagnostics,
                                         ObjLongConsumer<String> times) {
        // the targets are independent of each other, so they are written in parallel; each gets its own
        // files and diagnostics, merged afterwards in emitter order so the result does not depend on timing
        List<Callable<Result>> jobs = new ArrayList<>();
        for (PluginRegistry.Bound<Emitter> bound : emitters) {
            jobs.add(() -> {
                long started = System.nanoTime();
                Result result = emit(bound, model, settings, profile);
                times.accept(bound.value().target(), System.nanoTime() - started);
                return result;
            });
        }
        List<Result> results = new ArrayList<>();
        model.emitting(true);
        try {
            runAll(jobs, results);
        } finally {
            model.emitting(false);
        }
        SortedMap<String, byte[]> files = new TreeMap<>();
        for (Result result : results) {
            diagnostics.addAll(result.diagnostics());
            for (Map.Entry<String, byte[]> file : result.files().entrySet()) {
                if (files.putIfAbsent(file.getKey(), file.getValue()) != null) {
                    diagnostics.report(new Diagnostic(Severity.ERROR, Codes.PLUGIN_FAILURE, "two emitters write " + file.getKey(),
                            "choose one of them with --target or --emitter", null, result.pluginId()));
                }
            }
        }
        return files;
    }

    private static void runAll(List<Callable<Result>> jobs, List<Result> results) {
        try (Workers workers = new Workers("kube2ecs-emit", jobs.size())) {
            List<Future<Result>> futures = new ArrayList<>();
            jobs.forEach(job -> futures.add(workers.submit(job)));
            futures.forEach(future -> results.add(Workers.join(future)));
        }
    }

    private record Result(String pluginId, SortedMap<String, byte[]> files, DiagnosticCollector diagnostics) {
    }

    private static Result emit(PluginRegistry.Bound<Emitter> bound, DeploymentModel model, ConversionSettings settings,
                               Profile profile) {
        String pluginId = bound.pluginId();
        Emitter emitter = bound.value();
        DiagnosticCollector own = new DiagnosticCollector();
        SortedMap<String, byte[]> files = new TreeMap<>();
        Output output = new BufferedOutput(BufferedOutput.checked(emitter.outputFolder()), files);
        PluginOptions options = new PluginOptionsView(profile.options().getOrDefault(pluginId, Map.of()));
        EmitContext context = new Context(output, own.forPlugin(pluginId), options, settings);
        try {
            emitter.emit(model, context);
        } catch (RuntimeException | LinkageError e) {
            files.clear();
            own.report(new Diagnostic(Severity.ERROR, Codes.PLUGIN_FAILURE,
                    "emitter " + emitter.target() + " of plugin " + pluginId + " failed: " + e.getClass().getName()
                            + (e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse("")),
                    "this is a bug in the plugin; report it with this input, or leave the target out with --target",
                    null, pluginId));
        }
        return new Result(pluginId, files, own);
    }

    private record Context(Output output, Diagnostics diagnostics, PluginOptions options, ConversionSettings settings)
            implements EmitContext {
    }
}
