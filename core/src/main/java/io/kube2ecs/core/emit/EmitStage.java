package io.kube2ecs.core.emit;

import io.kube2ecs.api.diag.Diagnostic;
import io.kube2ecs.api.diag.Diagnostics;
import io.kube2ecs.api.diag.Severity;
import io.kube2ecs.api.model.DeploymentModel;
import io.kube2ecs.api.model.EnvironmentInput;
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
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.function.ObjLongConsumer;

/**
 * The emit stage: runs the chosen emitters over the model; their files go to a {@link FileSink}
 * as they write them.
 */
public final class EmitStage {

    /**
     * Runs the emitters and keeps their files in memory (for tests and tools).
     *
     * @param model       the model
     * @param emitters    the emitters to run, in order
     * @param settings    settings from the profile
     * @param profile     the profile, for plugin options
     * @param diagnostics where findings go
     * @param times       told each target's wall-clock nanoseconds, from the emitter's thread
     * @return every file by path relative to the output folder, sorted; none of an emitter that failed
     */
    public SortedMap<String, byte[]> run(DeploymentModel model, List<PluginRegistry.Bound<Emitter>> emitters,
                                         ConversionSettings settings, Profile profile, DiagnosticCollector diagnostics,
                                         ObjLongConsumer<String> times) {
        SortedMap<String, byte[]> files = java.util.Collections.synchronizedSortedMap(new TreeMap<>());
        List<Result> results = run(model, emitters, settings, profile, diagnostics, times, files::put);
        results.stream().filter(Result::failed).forEach(result -> result.written().forEach(files::remove));
        return new TreeMap<>(files);
    }

    /**
     * Runs the emitters, each writing into the sink as it goes.
     *
     * @param model       the model
     * @param emitters    the emitters to run, in order
     * @param settings    settings from the profile
     * @param profile     the profile, for plugin options
     * @param diagnostics where findings go; an error means the files in the sink are not to be used
     * @param times       told each target's wall-clock nanoseconds, from the emitter's thread
     * @param sink        where the files go
     * @return what each emitter did, in emitter order
     */
    public List<Result> run(DeploymentModel model, List<PluginRegistry.Bound<Emitter>> emitters, ConversionSettings settings,
                            Profile profile, DiagnosticCollector diagnostics, ObjLongConsumer<String> times, FileSink sink) {
        // the targets are independent of each other, so they are written in parallel; each gets its own
        // diagnostics, merged afterwards in emitter order so the result does not depend on timing
        Map<String, String> owners = new java.util.concurrent.ConcurrentHashMap<>();
        List<Callable<Result>> jobs = new ArrayList<>();
        for (PluginRegistry.Bound<Emitter> bound : emitters) {
            jobs.add(() -> {
                long started = System.nanoTime();
                Result result = emit(bound, model, settings, profile, sink, owners);
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
        Map<String, Integer> order = new java.util.HashMap<>();
        for (int i = 0; i < emitters.size(); i++) {
            order.putIfAbsent(emitters.get(i).pluginId(), i);
        }
        for (Result result : results) {
            diagnostics.addAll(result.diagnostics());
        }
        // whichever emitter was first on the disk, the later one in emitter order is named, as before
        Set<String> collisions = new java.util.TreeSet<>();
        results.forEach(result -> collisions.addAll(result.taken()));
        for (String path : collisions) {
            String later = results.stream().filter(r -> r.taken().contains(path) || r.written().contains(path))
                    .map(Result::pluginId).max(java.util.Comparator.comparing(order::get)).orElseThrow();
            diagnostics.report(new Diagnostic(Severity.ERROR, Codes.PLUGIN_FAILURE, "two emitters write " + path,
                    "choose one of them with --target or --emitter", null, later));
        }
        return results;
    }

    private static void runAll(List<Callable<Result>> jobs, List<Result> results) {
        try (Workers workers = Workers.perJob("kube2ecs-emit", jobs.size())) {
            List<Future<Result>> futures = new ArrayList<>();
            jobs.forEach(job -> futures.add(workers.submit(job)));
            // every emitter is waited for, even after one failed with an Error (out of memory): the
            // staging folder is removed on the way out, and the others may still be writing into it
            results.addAll(Workers.joinAll(futures));
        }
    }

    /**
     * What one emitter did.
     *
     * @param pluginId    its plugin
     * @param written     the paths it wrote, in order
     * @param taken       the paths it tried to write after another emitter had
     * @param failed       whether it threw or the disk failed under it
     * @param diagnostics  what it reported, and its failure
     * @param placeholders the placeholders it reported ({@link EmitContext#placeholder}), as inputs without a value,
     *                     in the order it reported them
     */
    public record Result(String pluginId, List<String> written, List<String> taken, boolean failed,
                         DiagnosticCollector diagnostics, List<EnvironmentInput> placeholders) {
    }

    private static Result emit(PluginRegistry.Bound<Emitter> bound, DeploymentModel model, ConversionSettings settings,
                               Profile profile, FileSink sink, Map<String, String> owners) {
        String pluginId = bound.pluginId();
        Emitter emitter = bound.value();
        DiagnosticCollector own = new DiagnosticCollector();
        SinkOutput output = new SinkOutput(SinkOutput.checked(emitter.outputFolder()), pluginId, sink, owners);
        PluginOptions options = new PluginOptionsView(profile.options().getOrDefault(pluginId, Map.of()));
        Context context = new Context(output, own.forPlugin(pluginId), options, settings, new java.util.LinkedHashMap<>());
        boolean failed = false;
        try {
            emitter.emit(model, context);
        } catch (RuntimeException | LinkageError e) {
            failed = true;
            if (output.failure() == null) {
                own.report(new Diagnostic(Severity.ERROR, Codes.PLUGIN_FAILURE,
                        "emitter " + emitter.target() + " of plugin " + pluginId + " failed: " + e.getClass().getName()
                                + (e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse("")),
                        "this is a bug in the plugin; report it with this input, or leave the target out with --target",
                        null, pluginId));
            }
        }
        if (output.failure() != null) {
            failed = true;
            own.report(OutputWriter.cannotWrite(output.failure(), sink.folder()));
        }
        return new Result(pluginId, List.copyOf(output.own()), List.copyOf(output.taken()), failed, own,
                List.copyOf(context.placeholders().values()));
    }

    private record Context(Output output, Diagnostics diagnostics, PluginOptions options, ConversionSettings settings,
                           Map<String, EnvironmentInput> placeholders) implements EmitContext {

        @Override
        public void placeholder(String name, String description) {
            // built as an input is, so the run lists it as it lists the inputs the profile does not give
            EnvironmentInput input = new EnvironmentInput(name, description, EnvironmentInput.Type.STRING, false, List.of());
            placeholders.putIfAbsent(name, input);
        }
    }
}
