package io.kube2ecs.core;

import io.kube2ecs.api.diag.Diagnostic;
import io.kube2ecs.api.diag.Diagnostics;
import io.kube2ecs.api.diag.Severity;
import io.kube2ecs.api.model.DeploymentModel;
import io.kube2ecs.api.model.EnvironmentInput;
import io.kube2ecs.api.source.ResourceKind;
import io.kube2ecs.api.spi.Emitter;
import io.kube2ecs.api.spi.InputRequest;
import io.kube2ecs.api.spi.InputSink;
import io.kube2ecs.api.spi.InputSource;
import io.kube2ecs.api.spi.Plugin;
import io.kube2ecs.core.concurrent.Workers;
import io.kube2ecs.core.diag.Codes;
import io.kube2ecs.core.diag.ConfigurationException;
import io.kube2ecs.core.diag.DiagnosticCollector;
import io.kube2ecs.core.emit.EmitStage;
import io.kube2ecs.core.emit.OutputWriter;
import io.kube2ecs.core.load.BuiltinSourcesPlugin;
import io.kube2ecs.core.load.LoadLimits;
import io.kube2ecs.core.load.LoadedObject;
import io.kube2ecs.core.load.ManifestLoader;
import io.kube2ecs.core.plugin.PluginInfo;
import io.kube2ecs.core.plugin.PluginRegistry;
import io.kube2ecs.core.plugin.PluginFolders;
import io.kube2ecs.core.plugin.PluginSource;
import io.kube2ecs.core.profile.EnvironmentInputs;
import io.kube2ecs.core.profile.Profile;
import io.kube2ecs.core.profile.ProfileLoader;
import io.kube2ecs.core.profile.Settings;
import io.kube2ecs.core.report.ConversionReport;
import io.kube2ecs.core.resolve.ObjectStore;
import io.kube2ecs.core.resolve.ReferenceResolver;
import io.kube2ecs.core.transform.NameCollisions;
import io.kube2ecs.core.transform.Transformer;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The conversion pipeline: load → resolve references → transform → emit, then an atomic write.
 * Every stage reports into one diagnostics collector; any error stops the run before the write,
 * so a failed run leaves no output behind.
 */
public final class ConversionPipeline {

    private final PluginSource pluginSource;
    private final RuntimeEnvironment environment;
    private final ProfileLoader profileLoader;
    private final ReferenceResolver resolver;
    private final Transformer transformer;
    private final EmitStage emitStage;
    private final OutputWriter writer;

    /**
     * @param pluginSource  where plugins come from
     * @param environment   standard input and working directory
     * @param profileLoader reads profiles
     * @param resolver      the resolve stage
     * @param transformer   the transform stage
     * @param emitStage     the emit stage
     * @param writer        the atomic writer
     */
    @Inject
    public ConversionPipeline(PluginSource pluginSource, RuntimeEnvironment environment, ProfileLoader profileLoader,
                              ReferenceResolver resolver, Transformer transformer, EmitStage emitStage,
                              OutputWriter writer) {
        this.pluginSource = pluginSource;
        this.environment = environment;
        this.profileLoader = profileLoader;
        this.resolver = resolver;
        this.transformer = transformer;
        this.emitStage = emitStage;
        this.writer = writer;
    }

    /**
     * Lists the installed plugins, including the built-in input sources, even when several claim
     * the same kind or target (a conversion would then ask the user to choose).
     *
     * @return the plugins sorted by id
     * @throws ConfigurationException when two plugins share an id or one fails to start
     */
    public List<PluginInfo> plugins() {
        return PluginRegistry.describe(allPlugins());
    }

    /**
     * @return the support matrix of the installed plugins, as Markdown
     * @throws ConfigurationException when two plugins share an id or one fails to start
     */
    public String supportMatrix() {
        List<Plugin> plugins = allPlugins();
        PluginRegistry.describe(plugins); // the same start-up checks as a listing
        return io.kube2ecs.core.plugin.SupportMatrix.markdown(plugins);
    }

    private List<Plugin> allPlugins() {
        List<Plugin> plugins = new ArrayList<>(pluginSource.get());
        plugins.add(new BuiltinSourcesPlugin(environment.stdin(), environment.workingDirectory()));
        return plugins;
    }

    /**
     * Runs one conversion.
     *
     * @param request what to convert
     * @return what happened
     * @throws ConfigurationException when the run cannot start (usage error)
     */
    public ConversionResult convert(ConversionRequest request) {
        StageTimes times = new StageTimes();
        DiagnosticCollector diagnostics = new DiagnosticCollector();
        Profile profile = readProfile(request.profile(), diagnostics).withOptions(request.pluginOptions());
        if (diagnostics.hasErrors()) {
            return new ConversionResult(diagnostics.sorted(), List.of(), List.of(), 0, 0, 0, times.stages());
        }
        Map<String, String> mapperChoices = new HashMap<>(profile.plugins().mappers());
        mapperChoices.putAll(request.mapperChoices());
        Map<String, String> emitterChoices = new HashMap<>(profile.plugins().emitters());
        emitterChoices.putAll(request.emitterChoices());
        PluginRegistry registry = registry(mapperChoices, emitterChoices, profileFolders(request.profile(), profile));
        List<PluginRegistry.Bound<Emitter>> emitters = chooseEmitters(registry, request.targets());
        InputSource source = registry.source(request.source()).map(PluginRegistry.Bound::value)
                .orElseThrow(() -> new ConfigurationException("no input source '" + request.source() + "' is installed",
                        "add the plugin that provides it to the plugin path"));
        times.mark("plugins");

        List<LoadedObject> objects = load(source, request, List.copyOf(registry.mappers().keySet()),
                reportedKinds(registry), diagnostics);
        times.mark("load");
        ObjectStore store = new ObjectStore(objects, diagnostics);
        if (store.objects().isEmpty() && !diagnostics.hasErrors()) {
            // an empty run would also remove the files of the previous run, which is never what was meant
            diagnostics.report(new Diagnostic(Severity.ERROR, Codes.NO_INPUT, "no Kubernetes objects found in the input",
                    request.source().equals("files") ? "check the -f paths; use -R for sub-folders"
                            : "check the context, the namespaces (-n, -A) and the label selector (-l)", null, null));
        }
        resolver.run(store, registry, diagnostics);
        times.mark("resolve");
        DeploymentModel model = new DeploymentModel();
        EnvironmentInputs.declare(model, profile);
        Settings settings = new Settings(profile);
        Transformer.Outcome outcome = transformer.run(store, registry, model, settings, profile, diagnostics);
        NameCollisions.check(model, diagnostics);
        times.mark("transform");

        // the report needs little of the parsed input; the rest (the largest part of the run's memory)
        // can go before the emitters build their files
        int objectCount = store.objects().size();
        List<ConversionReport.ReadObject> readObjects = store.objects().stream().map(ConversionReport.ReadObject::of).toList();
        store = null;
        objects = null;
        collectBeforeEmittersIfLarge();

        List<String> written = List.of();
        List<EnvironmentInput> reported = new ArrayList<>();
        if (!request.includeSecretValues()) {
            // written only when asked for: otherwise the values need not stay in memory through the emitters
            outcome.secretValues().clear();
        }
        boolean secretFile = !outcome.secretValues().isEmpty();
        if (!diagnostics.hasErrors() && model.resources().isEmpty() && !secretFile) {
            // an emitter given an empty model still writes its scaffolding (an execution role, provider
            // blocks); that deploys nothing, so an input with nothing to convert writes nothing
            diagnostics.report(nothingToWrite(request.outputDir()));
        } else if (!diagnostics.hasErrors()) {
            written = emitAndWrite(request, model, emitters, settings, profile, outcome, readObjects, diagnostics, times, reported);
        }
        // after the emit stage: emitters record the inputs their output uses too (DeploymentModel.input)
        Map<String, EnvironmentInput> placeholders = new TreeMap<>();
        model.inputs().stream().filter(i -> !i.isKnown()).forEach(i -> placeholders.put(i.name(), i));
        // a name the model's inputs or an earlier emitter already gave keeps that description
        reported.forEach(input -> placeholders.putIfAbsent(input.name(), input));
        return new ConversionResult(diagnostics.sorted(), written, List.copyOf(placeholders.values()), objectCount,
                outcome.mapped(), outcome.unsupported(), times.stages());
    }

    private static String shellQuote(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }

    private List<Plugin> profileFolders(Path profilePath, Profile profile) {
        if (profile.plugins().dirs().isEmpty()) {
            return List.of();
        }
        Path base = environment.workingDirectory().resolve(profilePath).toAbsolutePath().getParent();
        List<PluginFolders.Folder> folders = new ArrayList<>();
        for (String dir : profile.plugins().dirs()) {
            folders.add(new PluginFolders.Folder(base.resolve(dir), dir, "profile plugins.dirs"));
        }
        return PluginFolders.load(folders, Plugin.class.getClassLoader());
    }

    private PluginRegistry registry(Map<String, String> mapperChoices, Map<String, String> emitterChoices,
                                    List<Plugin> extra) {
        List<Plugin> plugins = allPlugins();
        plugins.addAll(extra);
        Map<ResourceKind, String> kinds = new TreeMap<>();
        for (Map.Entry<String, String> choice : mapperChoices.entrySet()) {
            try {
                kinds.put(ResourceKind.parse(choice.getKey()), choice.getValue());
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException("cannot read kind '" + choice.getKey() + "': " + e.getMessage(),
                        "write kinds as group/Kind, e.g. apps/Deployment, or Kind alone for the core group");
            }
        }
        return new PluginRegistry(plugins, kinds, emitterChoices);
    }

    private static List<PluginRegistry.Bound<Emitter>> chooseEmitters(PluginRegistry registry, List<String> targets) {
        if (targets.isEmpty()) {
            return List.copyOf(registry.emitters().values());
        }
        List<PluginRegistry.Bound<Emitter>> out = new ArrayList<>();
        for (String target : new java.util.TreeSet<>(targets)) {
            PluginRegistry.Bound<Emitter> bound = registry.emitters().get(target);
            if (bound == null) {
                throw new ConfigurationException("unknown target '" + target + "'",
                        "installed targets: " + String.join(", ", registry.emitters().keySet()));
            }
            out.add(bound);
        }
        return out;
    }

    private Profile readProfile(Path path, DiagnosticCollector diagnostics) {
        if (path == null) {
            return Profile.EMPTY;
        }
        Path resolved = environment.workingDirectory().resolve(path);
        String content;
        try {
            content = Files.readString(resolved, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigurationException("cannot read profile " + path + ": " + e.getClass().getSimpleName(),
                    "check the --profile path; docs/profile.md shows an example");
        }
        return profileLoader.load(path.toString(), content, diagnostics).orElse(Profile.EMPTY);
    }

    /** The kinds without a mapper that are reported as not converted with what to do on ECS instead. */
    private static List<ResourceKind> reportedKinds(PluginRegistry registry) {
        return io.kube2ecs.core.transform.KindHints.readToReport().stream()
                .filter(kind -> !registry.mappers().containsKey(kind)).toList();
    }

    private static List<LoadedObject> load(InputSource source, ConversionRequest request, List<ResourceKind> kinds,
                                           List<ResourceKind> reportedKinds,
                                           DiagnosticCollector diagnostics) {
        String namespace = request.namespace() == null ? "default" : request.namespace();
        if (!ManifestLoader.validNamespace(namespace)) {
            throw new ConfigurationException("-n '" + namespace + "' is not a valid Kubernetes namespace", ManifestLoader.NAMESPACE_RULE);
        }
        ManifestLoader loader = new ManifestLoader(LoadLimits.DEFAULT, namespace, request.namespace() != null);
        // texts are parsed on every core while the source reads on; parts are taken in input order
        Workers workers = new Workers("kube2ecs-parse", Integer.MAX_VALUE);
        List<java.util.concurrent.Future<ManifestLoader.Part>> parts = new ArrayList<>();
        Diagnostics sourceDiagnostics = diagnostics.forPlugin("source-" + source.id());
        InputSink sink = new InputSink() {
            @Override
            public void accept(String origin, String content) {
                parts.add(workers.submit(() -> loader.parse(origin, content)));
            }

            @Override
            public Diagnostics diagnostics() {
                return sourceDiagnostics;
            }

            @Override
            public void progress(String message) {
                request.console().progress(message);
            }

            @Override
            public void notice(String message) {
                request.console().notice(message);
            }

            @Override
            public java.util.Optional<String> choose(String question, List<String> choices, String preset) {
                java.util.Optional<String> choice = request.console().choose(question, choices, preset);
                if (choice.isPresent() && !choices.contains(choice.get())) {
                    throw new IllegalStateException("the console answered '" + choice.get() + "', which is not one of the choices");
                }
                return choice;
            }
        };
        List<LoadedObject> objects = new ArrayList<>();
        try {
            try {
                source.read(new InputRequest(request.locations(), request.recursive(), request.sourceOptions(), kinds, reportedKinds), sink);
            } catch (RuntimeException e) {
                diagnostics.report(new Diagnostic(Severity.ERROR, Codes.PLUGIN_FAILURE,
                        "input source " + source.id() + " failed: " + e, "report this with the input that caused it", null, null));
            }
            for (java.util.concurrent.Future<ManifestLoader.Part> future : parts) {
                ManifestLoader.Part part = Workers.join(future);
                objects.addAll(part.objects());
                loader.add(part);
                diagnostics.addAll(part.diagnostics());
            }
        } finally {
            workers.close();
        }
        return loader.applyKustomizations(objects, diagnostics);
    }

    /**
     * Runs the emitters, which write their files straight into the staging folder (so the run never
     * holds all its output in memory), then adds the report and moves everything into place. An
     * error on the way removes the staging folder: the output is left as it was.
     */
    private List<String> emitAndWrite(ConversionRequest request, DeploymentModel model,
                                      List<PluginRegistry.Bound<Emitter>> emitters, Settings settings, Profile profile,
                                      Transformer.Outcome outcome, List<ConversionReport.ReadObject> readObjects,
                                      DiagnosticCollector diagnostics, StageTimes times,
                                      List<EnvironmentInput> reported) {
        Path outputDir = request.outputDir();
        try (OutputWriter.Staging staging = writer.begin(environment.workingDirectory().resolve(outputDir))) {
            if (!model.resources().isEmpty()) {
                Map<String, Long> emitterTimes = new java.util.concurrent.ConcurrentSkipListMap<>();
                emitStage.run(model, emitters, settings, profile, diagnostics, emitterTimes::put, staging)
                        .forEach(result -> reported.addAll(result.placeholders()));
                times.mark("emit");
                emitterTimes.forEach((target, nanos) -> times.nested("emit " + target, nanos));
            }
            if (diagnostics.hasErrors()) {
                return List.of();
            }
            if (request.includeSecretValues() && !outcome.secretValues().isEmpty()) {
                StringBuilder env = new StringBuilder("# Secret values, written because of --include-secret-values. Delete after use.\n");
                outcome.secretValues().forEach((name, value) -> env.append("export ").append(name.toUpperCase(java.util.Locale.ROOT)).append('=')
                        .append(shellQuote(value)).append('\n'));
                staging.write(OutputWriter.SECRET_VALUES, env.toString().getBytes(StandardCharsets.UTF_8));
            }
            if (staging.paths().isEmpty()) {
                diagnostics.report(nothingToWrite(outputDir));
                return List.of();
            }
            List<String> outputFiles = new ArrayList<>(staging.paths());
            outputFiles.addAll(List.of(ConversionReport.MARKDOWN, ConversionReport.JSON));
            ConversionReport.write(new ConversionReport.Inputs(request.locations(),
                    emitters.stream().map(e -> e.value().target()).sorted().toList(), readObjects,
                    outcome.mappedObjects(), model, diagnostics.sorted(), outputFiles), staging::create);
            times.mark("report");
            Set<String> folders = new TreeSet<>();
            emitters.forEach(e -> folders.add(e.value().outputFolder()));
            if (Thread.currentThread().isInterrupted()) {
                // whoever ran this was stopped (a conversion server's client went away): leave the output as it was
                throw new java.io.InterruptedIOException("the run was cancelled");
            }
            List<String> written = staging.commit(folders);
            times.mark("write");
            return written;
        } catch (IOException e) {
            diagnostics.report(OutputWriter.cannotWrite(e, outputDir));
            return List.of();
        }
    }

    /** Below this much heap in use a collection is never asked for: a small run would only pay for it. */
    private static final long LARGE_RUN_HEAP = 256L << 20;

    /**
     * Asks for a full collection when a large run has 40 % of its heap in use as the emitters start.
     * The parsed input just became garbage and little but the model is live, so the collection is
     * cheap now; otherwise the collector meets a full heap halfway through the emitters, with their
     * templates alive too. Measured at 10,000 applications, served (360–430 MB of a 735 MB heap in use
     * here): one 0.44 s collection here instead of 1.08–1.28 s during the emitters, runs 8.1–8.5 s
     * instead of 8.8–9.3 s. A small run never has 256 MB in use here (1,000 applications: 84 MB).
     */
    private static void collectBeforeEmittersIfLarge() {
        Runtime runtime = Runtime.getRuntime();
        long used = runtime.totalMemory() - runtime.freeMemory();
        if (used > LARGE_RUN_HEAP && used > runtime.totalMemory() / 10 * 4) {
            System.gc();
        }
    }

    private static Diagnostic nothingToWrite(Path outputDir) {
        return new Diagnostic(Severity.INFO, Codes.NOTHING_TO_WRITE, "the conversion produced no output files; "
                + outputDir + " is left as it was", null, null, null);
    }
}
