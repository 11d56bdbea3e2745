package io.kube2ecs.testkit;

import io.kube2ecs.api.diag.Diagnostic;
import io.kube2ecs.api.model.DeploymentModel;
import io.kube2ecs.api.spi.Emitter;
import io.kube2ecs.api.spi.Plugin;
import io.kube2ecs.core.ConversionPipeline;
import io.kube2ecs.core.ConversionRequest;
import io.kube2ecs.core.ConversionResult;
import io.kube2ecs.core.RuntimeEnvironment;
import io.kube2ecs.core.diag.DiagnosticCollector;
import io.kube2ecs.core.emit.EmitStage;
import io.kube2ecs.core.emit.OutputWriter;
import io.kube2ecs.core.inject.CoreModule;
import io.kube2ecs.core.plugin.PluginRegistry;
import io.kube2ecs.core.profile.EnvironmentInputs;
import io.kube2ecs.core.profile.Profile;
import io.kube2ecs.core.profile.Settings;
import io.kube2ecs.core.report.ConversionReport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Runs the real kube2ecs pipeline (load, resolve, transform, emit) over manifests held in memory
 * and returns the written files and the diagnostics in memory, so a plugin test needs no files
 * beyond its fixtures.
 *
 * <pre>{@code
 * RunResult result = PipelineRunner.of(new MyPlugin(), new ModelDumpPlugin())
 *         .input("app.yaml", "apiVersion: example.com/v1\nkind: WebApp\n...")
 *         .targets("model")
 *         .run();
 * assertEquals("", result.renderedDiagnostics());
 * }</pre>
 *
 * <p>Only the plugins given take part, plus the core's own input sources; nothing is discovered
 * from the class path, so a test sees exactly its plugins. Behind the scenes the documents are
 * written to a temporary folder (the loader reads files, as the CLI's would) that is deleted again;
 * diagnostics name the documents by the names given to {@link #input}. Not thread-safe; build one
 * per test.
 */
public final class PipelineRunner {

    private final Supplier<List<Plugin>> plugins;
    private final Map<String, String> documents = new LinkedHashMap<>();
    private final List<String> targets = new ArrayList<>();
    private final Map<String, String> mapperChoices = new TreeMap<>();
    private final Map<String, String> emitterChoices = new TreeMap<>();
    private final Map<String, Map<String, Object>> options = new TreeMap<>();
    private String profile;
    private boolean withReport;

    private PipelineRunner(Supplier<List<Plugin>> plugins) {
        this.plugins = plugins;
    }

    /**
     * @param plugins the plugins taking part; the same instances serve every run
     * @return a runner without inputs
     */
    public static PipelineRunner of(Plugin... plugins) {
        List<Plugin> list = List.of(plugins);
        return new PipelineRunner(() -> list);
    }

    /**
     * @param plugins supplies the plugins taking part, asked once per run (a fresh list gives every run
     *                fresh instances)
     * @return a runner without inputs
     */
    public static PipelineRunner of(Supplier<List<Plugin>> plugins) {
        return new PipelineRunner(plugins);
    }

    /**
     * Adds a manifest file.
     *
     * @param name    its file name, relative (e.g. {@code app.yaml} or {@code team/app.yaml}); diagnostics use it
     * @param content its YAML or JSON text, possibly several documents
     * @return this runner
     */
    public PipelineRunner input(String name, String content) {
        Path relative = Path.of(name).normalize();
        if (relative.isAbsolute() || relative.startsWith("..")) {
            throw new IllegalArgumentException("input names are relative and stay inside the run: " + name);
        }
        documents.put(relative.toString().replace('\\', '/'), content);
        return this;
    }

    /**
     * Adds every file of a fixture folder on the test class path or file system.
     *
     * @param folder the folder; files are named relative to it
     * @return this runner
     * @throws UncheckedIOException when the folder cannot be read
     */
    public PipelineRunner inputs(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                input(folder.relativize(file).toString(), Files.readString(file, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /**
     * @param names the targets to write (e.g. {@code model}, {@code ecs-json}); none means every
     *              target of the plugins taking part
     * @return this runner
     */
    public PipelineRunner targets(String... names) {
        targets.addAll(List.of(names));
        return this;
    }

    /**
     * @param yaml a conversion profile's text (see docs/profile.md), or null for none
     * @return this runner
     */
    public PipelineRunner profile(String yaml) {
        this.profile = yaml;
        return this;
    }

    /**
     * Sets a plugin option, as {@code --option PLUGIN.KEY=VALUE} would.
     *
     * @param pluginId the plugin
     * @param key      the option
     * @param value    its value
     * @return this runner
     */
    public PipelineRunner option(String pluginId, String key, Object value) {
        options.computeIfAbsent(pluginId, k -> new TreeMap<>()).put(key, value);
        return this;
    }

    /**
     * Chooses the plugin for a kind when several handle it, as {@code --mapper} does.
     *
     * @param kind     e.g. {@code apps/Deployment}
     * @param pluginId the plugin
     * @return this runner
     */
    public PipelineRunner mapper(String kind, String pluginId) {
        mapperChoices.put(kind, pluginId);
        return this;
    }

    /**
     * Chooses the plugin for a target when several handle it, as {@code --emitter} does.
     *
     * @param target   the target
     * @param pluginId the plugin
     * @return this runner
     */
    public PipelineRunner emitter(String target, String pluginId) {
        emitterChoices.put(target, pluginId);
        return this;
    }

    /**
     * @param include whether to keep {@code report.md} and {@code report.json} in the result
     *                (left out by default: they repeat every diagnostic)
     * @return this runner
     */
    public PipelineRunner withReport(boolean include) {
        this.withReport = include;
        return this;
    }

    /**
     * Converts the documents added with {@link #input}.
     *
     * @return the files written and the diagnostics
     * @throws io.kube2ecs.core.diag.ConfigurationException when the run cannot start (conflicting
     *         plugins, an unknown target), as the CLI's usage errors
     */
    public RunResult run() {
        Path work = null;
        try {
            work = Files.createTempDirectory("kube2ecs-testkit-");
            Path in = work.resolve("in");
            Files.createDirectories(in);
            for (Map.Entry<String, String> document : documents.entrySet()) {
                Path file = in.resolve(document.getKey());
                Files.createDirectories(file.getParent());
                Files.writeString(file, document.getValue(), StandardCharsets.UTF_8);
            }
            Path profileFile = null;
            if (profile != null) {
                profileFile = work.resolve("profile.yaml");
                Files.writeString(profileFile, profile, StandardCharsets.UTF_8);
            }
            return run(in, List.copyOf(documents.keySet()), profileFile, work.resolve("out"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (work != null) {
                deleteTree(work);
            }
        }
    }

    /**
     * Converts files on disk, as {@code kube2ecs convert -R -f LOCATION…} run in {@code workingDirectory} would.
     *
     * @param workingDirectory where the locations and the profile start; diagnostics name files relative to it
     * @param locations        the {@code -f} locations
     * @param profileFile      the profile, or null (this runner's {@link #profile} text is then ignored)
     * @param outputDir        an output folder that this method may create and fill
     * @return the files written (without the bookkeeping manifest) and the diagnostics
     */
    public RunResult run(Path workingDirectory, List<String> locations, Path profileFile, Path outputDir) {
        RuntimeEnvironment environment = new RuntimeEnvironment(() -> new ByteArrayInputStream(new byte[0]), workingDirectory);
        List<Plugin> fresh = List.copyOf(plugins.get());
        ConversionPipeline pipeline = CoreModule.pipeline(() -> fresh, environment);
        ConversionResult result = pipeline.convert(new ConversionRequest("files", locations, true, null, targets,
                profileFile, mapperChoices, emitterChoices, outputDir, false, options));
        SortedMap<String, String> files = readTree(outputDir);
        files.remove(OutputWriter.MANIFEST);
        if (!withReport) {
            files.remove(ConversionReport.MARKDOWN);
            files.remove(ConversionReport.JSON);
        }
        return new RunResult(files, result.diagnostics());
    }

    /**
     * A model with kube2ecs' standard environment inputs declared (cluster, subnets, roles …), as
     * the pipeline hands to mappers, for building emitter test models by hand.
     *
     * @return an empty model
     */
    public static DeploymentModel newModel() {
        DeploymentModel model = new DeploymentModel();
        EnvironmentInputs.declare(model, Profile.EMPTY);
        return model;
    }

    /**
     * Runs one emitter over a model, as the emit stage of a run would, without any mapper.
     *
     * @param pluginId the emitter's plugin id (diagnostics are attributed to it; options are looked up by it)
     * @param emitter  the emitter
     * @param model    the model
     * @param options  the plugin's options, possibly empty
     * @return the files (paths include the emitter's output folder) and the diagnostics; an emitter
     *         that throws gives the same error diagnostic as in a real run
     */
    public static RunResult emit(String pluginId, Emitter emitter, DeploymentModel model, Map<String, Object> options) {
        Profile profile = Profile.EMPTY.withOptions(options.isEmpty() ? Map.of() : Map.of(pluginId, Map.copyOf(options)));
        DiagnosticCollector diagnostics = new DiagnosticCollector();
        SortedMap<String, byte[]> bytes = new EmitStage().run(model, List.of(new PluginRegistry.Bound<>(pluginId, emitter)),
                new Settings(profile), profile, diagnostics, (target, nanos) -> { });
        SortedMap<String, String> files = new TreeMap<>();
        bytes.forEach((path, content) -> files.put(path, new String(content, StandardCharsets.UTF_8)));
        return new RunResult(files, diagnostics.sorted());
    }

    static SortedMap<String, String> readTree(Path root) {
        SortedMap<String, String> out = new TreeMap<>();
        if (!Files.isDirectory(root)) {
            return out;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(file).toString().replace('\\', '/'), Files.readString(file, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted((x, y) -> y.getNameCount() - x.getNameCount()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
