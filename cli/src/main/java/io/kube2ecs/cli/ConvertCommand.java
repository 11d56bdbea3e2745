package io.kube2ecs.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kube2ecs.api.diag.Diagnostic;
import io.kube2ecs.api.diag.Severity;
import io.kube2ecs.api.model.EnvironmentInput;
import io.kube2ecs.core.ConversionRequest;
import io.kube2ecs.core.ConversionResult;
import io.kube2ecs.core.diag.Codes;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kube2ecs convert}: reads manifests, converts them and writes the chosen targets.
 */
@Command(name = "convert", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Converts Kubernetes manifests into ECS on Fargate.",
            "Diagnostics print as file:line:col: severity[CODE]: message. Nothing is written when there are errors."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  kube2ecs convert -f examples/quickstart -o out",
            "  kube2ecs convert -f k8s/ -R -o out --target ecs-json",
            "  kubectl kustomize overlays/prod | kube2ecs convert -f - -n shop -o out",
            "  kube2ecs convert -f app.yaml --profile prod.yaml --mapper apps/Deployment=acme-deployment --plugin-path plugins/",
            "  kube2ecs convert -f rollouts/ --plugin-dir plugins/ --target ecs-json,compose -o out",
        })
public final class ConvertCommand implements Callable<Integer> {

    /** How diagnostics are printed. */
    enum DiagnosticsFormat { text, json, sarif }

    /** What makes the run fail for a CI gate, on top of errors. */
    enum FailOn { error, warning, unconverted }

    private final Kube2Ecs cli;

    @Option(names = {"-f", "--filename"}, paramLabel = "PATH",
            description = "Manifest file, folder (its .yaml, .yml and .json files) or - for standard input. Repeatable. "
                    + "Without -f, kube2ecs reads a cluster (see --cluster).")
    private List<String> files = new ArrayList<>();

    @Option(names = {"-R", "--recursive"}, description = "Read folders given with -f recursively.")
    private boolean recursive;

    @Option(names = {"-n", "--namespace"}, paramLabel = "NS", split = ",",
            description = "With -f: namespace of objects that name none (default: default); objects in other namespaces are errors. "
                    + "With --cluster: the namespaces to read (repeatable or comma-separated; default: the context's namespace).")
    private List<String> namespaces = new ArrayList<>();

    @Option(names = "--cluster", description = "Read the objects of a live cluster through kubeconfig (read-only). "
            + "Without --context, on a terminal you choose the context; otherwise the current context is used. docs/cluster.md")
    private boolean cluster;

    @Option(names = "--context", paramLabel = "NAME", description = "The kubeconfig context to read (implies --cluster).")
    private String context;

    @Option(names = "--kubeconfig", paramLabel = "FILE",
            description = "The kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then the in-cluster service account).")
    private Path kubeconfig;

    @Option(names = {"-A", "--all-namespaces"},
            description = "With --cluster: read every namespace except kube-system, kube-public and kube-node-lease.")
    private boolean allNamespaces;

    @Option(names = {"-l", "--selector"}, paramLabel = "SELECTOR",
            description = "With --cluster: read only objects with these labels, as kubectl -l takes them (e.g. app=web,tier!=db).")
    private String selector;

    @Option(names = "--save-manifests", paramLabel = "DIR",
            description = "With --cluster: also write what was read as YAML files into DIR (Secret values left out unless "
                    + "--include-secret-values), to convert again offline with -f DIR -R.")
    private Path saveManifests;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", defaultValue = "out",
            description = "Output folder (default: ${DEFAULT-VALUE}). Written atomically; files this tool did not write are kept.")
    private Path output;

    @Option(names = {"-t", "--target"}, split = ",", paramLabel = "TARGET",
            description = "Targets to write, e.g. ecs-json,terraform,cloudformation (default: every installed target).")
    private List<String> targets = new ArrayList<>();

    @Option(names = "--profile", paramLabel = "FILE",
            description = "Conversion profile (YAML): region, account, cluster, subnets, roles, naming, plugin choices.")
    private Path profile;

    @Option(names = "--mapper", paramLabel = "KIND=PLUGIN",
            description = "Choose the plugin for a kind when several handle it, e.g. apps/Deployment=acme-deployment.")
    private Map<String, String> mappers = new LinkedHashMap<>();

    @Option(names = "--emitter", paramLabel = "TARGET=PLUGIN",
            description = "Choose the plugin for a target when several handle it.")
    private Map<String, String> emitters = new LinkedHashMap<>();

    @Option(names = "--plugin-path", split = ",", paramLabel = "PATH",
            description = "Extra plugin jars, or folders of jars (comma-separated or repeated), loaded beside kube2ecs' own classes.")
    private List<String> pluginPath = new ArrayList<>();

    @Option(names = "--plugin-dir", paramLabel = "DIR",
            description = "A folder of plugins (repeatable): each jar in it, or each sub-folder of jars, is one plugin "
                    + "loaded in its own class loader that shares only the kube2ecs API.")
    private List<String> pluginDirs = new ArrayList<>();

    @Option(names = "--option", paramLabel = "PLUGIN.KEY=VALUE",
            description = "A plugin option, overriding the profile's options: e.g. emit-cloudformation.format=json. Repeatable.")
    private Map<String, String> options = new LinkedHashMap<>();

    @Option(names = "--cloudformation-format", paramLabel = "FORMAT",
            description = "yaml (default) or json: the format of the CloudFormation template.")
    private String cloudformationFormat;

    @Option(names = "--include-secret-values",
            description = "Also write the Secrets' values into OUT/secret-values.env (mode 0600). Off by default: outputs carry references only.")
    private boolean includeSecretValues;

    @Option(names = "--diagnostics", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default, on standard error), json or sarif (SARIF 2.1.0; both on standard output, for CI).")
    private DiagnosticsFormat format;

    @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "error",
            description = "error (default), warning, or unconverted (an object without a mapper or a field not carried over): "
                    + "exit with " + ExitCodes.GATE + " when the output was written but the run found such a problem.")
    private FailOn failOn;

    @Option(names = {"-v", "--verbose"}, description = "Also print informational diagnostics.")
    private boolean verbose;

    @Option(names = "--stacktrace", description = "Print the stack trace of an internal error.")
    private boolean stacktrace;

    @Option(names = "--timings", description = "Print how long each stage took (JVM start, plugins, load, resolve, "
            + "transform, emit per target, report, write) to standard error.")
    private boolean timings;

    ConvertCommand(Kube2Ecs cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        java.time.Instant called = java.time.Instant.now();
        Map<String, Map<String, Object>> pluginOptions = new LinkedHashMap<>();
        for (Map.Entry<String, String> option : options.entrySet()) {
            int dot = option.getKey().indexOf('.');
            if (dot <= 0 || dot == option.getKey().length() - 1) {
                throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                        "--option needs PLUGIN.KEY=VALUE, got '" + option.getKey() + "'");
            }
            pluginOptions.computeIfAbsent(option.getKey().substring(0, dot), k -> new LinkedHashMap<>())
                    .put(option.getKey().substring(dot + 1), option.getValue());
        }
        if (cloudformationFormat != null) {
            if (!cloudformationFormat.equals("json") && !cloudformationFormat.equals("yaml")) {
                throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                        "--cloudformation-format takes yaml or json, not '" + cloudformationFormat + "'");
            }
            pluginOptions.computeIfAbsent("emit-cloudformation", k -> new LinkedHashMap<>()).put("format", cloudformationFormat);
        }
        ConversionRequest request = files.isEmpty() ? clusterRequest(pluginOptions) : filesRequest(pluginOptions);
        ConversionResult result;
        try {
            result = PluginPath.pipeline(cli, pluginPath, pluginDirs).convert(request);
        } finally {
            request.console().progress("");
        }
        if (timings) {
            printTimings(result, called);
        }
        switch (format) {
            case json -> printJson(result);
            case sarif -> printSarif(result);
            default -> printText(result);
        }
        if (result.failed()) {
            return ExitCodes.CONVERSION_ERRORS;
        }
        if (!gateFails(result)) {
            return ExitCodes.OK;
        }
        if (format == DiagnosticsFormat.text) {
            cli.err().println("failing (exit " + ExitCodes.GATE + "): --fail-on " + failOn + " matched the "
                    + (failOn == FailOn.warning ? "warnings" : "K2E101 and K2E201 warnings") + " above; the output was written");
        }
        return ExitCodes.GATE;
    }

    private ConversionRequest filesRequest(Map<String, Map<String, Object>> pluginOptions) {
        List<String> clusterOptions = new ArrayList<>();
        if (cluster) {
            clusterOptions.add("--cluster");
        }
        if (context != null) {
            clusterOptions.add("--context");
        }
        if (kubeconfig != null) {
            clusterOptions.add("--kubeconfig");
        }
        if (allNamespaces) {
            clusterOptions.add("-A");
        }
        if (selector != null) {
            clusterOptions.add("-l");
        }
        if (saveManifests != null) {
            clusterOptions.add("--save-manifests");
        }
        if (!clusterOptions.isEmpty()) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "-f reads files and "
                    + String.join(", ", clusterOptions) + " reads a cluster: use one or the other");
        }
        if (namespaces.size() > 1) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                    "-f takes one -n namespace (the namespace of objects that name none), not " + namespaces.size());
        }
        return new ConversionRequest("files", files, recursive, namespaces.isEmpty() ? null : namespaces.get(0), targets,
                profile, mappers, emitters, output, includeSecretValues, pluginOptions);
    }

    private ConversionRequest clusterRequest(Map<String, Map<String, Object>> pluginOptions) {
        if (recursive) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "-R reads folders given with -f; "
                    + "without -f kube2ecs reads a cluster");
        }
        if (allNamespaces && !namespaces.isEmpty()) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                    "-A reads every namespace; do not name namespaces with -n as well");
        }
        Map<String, String> options = new LinkedHashMap<>();
        if (context != null) {
            options.put("context", context);
        }
        if (kubeconfig != null) {
            options.put("kubeconfig", cli.workingDirectory().resolve(kubeconfig).toString());
        }
        if (!namespaces.isEmpty()) {
            options.put("namespaces", String.join(",", namespaces));
        }
        if (allNamespaces) {
            options.put("allNamespaces", "true");
        }
        if (selector != null) {
            options.put("selector", selector);
        }
        if (saveManifests != null) {
            options.put("saveManifests", cli.workingDirectory().resolve(saveManifests).toString());
            options.put("includeSecretValues", String.valueOf(includeSecretValues));
        }
        return new ConversionRequest("cluster", List.of(), false, null, targets, profile, mappers, emitters, output,
                includeSecretValues, pluginOptions, options, new ConsoleInteraction(cli));
    }

    private void printTimings(ConversionResult result, java.time.Instant called) {
        StringBuilder line = new StringBuilder("timings:");
        // the JVM's own start time (the process's, from /proc, is only known to the second); read after
        // the run, so loading the management classes is not counted in any stage
        if (cli.isServed()) {
            line.append(" served"); // by a conversion server, whose JVM started before this run
        } else {
            java.time.Instant jvmStart = java.time.Instant.ofEpochMilli(java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime());
            line.append(seconds(" jvm", jvmStart, cli.started()));
        }
        line.append(seconds(" command-line", cli.started(), called));
        for (io.kube2ecs.core.StageTimes.Stage stage : result.timings()) {
            line.append(stage.nested() ? " (" : " ").append(stage.stage()).append(String.format(java.util.Locale.ROOT, " %.3f s",
                    stage.nanos() / 1e9)).append(stage.nested() ? ")" : "");
        }
        cli.err().println(line);
    }

    private static String seconds(String label, java.time.Instant from, java.time.Instant to) {
        return String.format(java.util.Locale.ROOT, "%s %.3f s", label, java.time.Duration.between(from, to).toNanos() / 1e9);
    }

    private boolean gateFails(ConversionResult result) {
        return switch (failOn) {
            case error -> false;
            case warning -> result.count(Severity.WARNING) > 0;
            case unconverted -> result.diagnostics().stream().anyMatch(d -> d.severity() == Severity.WARNING
                    && (d.code().equals(Codes.KIND_UNSUPPORTED) || d.code().equals(Codes.FIELD_NOT_CONVERTED)));
        };
    }

    private void printSarif(ConversionResult result) {
        String version;
        try {
            version = new RootCommand.Version().getVersion()[0].replaceFirst("^kube2ecs ", "");
        } catch (java.io.IOException e) {
            version = "unknown";
        }
        try {
            cli.out().println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(SarifReport.of(result.diagnostics(), version)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void printText(ConversionResult result) {
        PrintWriter err = cli.err();
        for (Diagnostic diagnostic : result.diagnostics()) {
            if (verbose || diagnostic.severity() != Severity.INFO) {
                err.println(diagnostic.render());
            }
        }
        err.println(String.format("%d objects: %d converted, %d without a mapper; %d errors, %d warnings, %d notes%s",
                result.objects(), result.converted(), result.unsupported(), result.count(Severity.ERROR),
                result.count(Severity.WARNING), result.count(Severity.INFO), verbose || result.count(Severity.INFO) == 0 ? "" : " (-v shows notes)"));
        if (result.failed()) {
            err.println("nothing written: fix the errors above and run again");
            return;
        }
        err.println(result.filesWritten().isEmpty() ? "nothing to write: " + output + " left as it was"
                : "wrote " + result.filesWritten().size() + " files to " + output);
        if (result.filesWritten().contains("secret-values.env")) {
            err.println("secret values: " + output.resolve("secret-values.env") + " (mode 0600; delete it after use)");
        }
        List<EnvironmentInput> environment = result.placeholders().stream().filter(i -> !i.sensitive()).toList();
        long secrets = result.placeholders().stream().filter(EnvironmentInput::sensitive).count();
        if (!environment.isEmpty()) {
            err.println("environment values not in the profile (ECS JSON placeholders, Terraform variables, CloudFormation parameters):");
            for (EnvironmentInput input : environment) {
                err.println("  " + input.placeholder() + "  " + input.description());
            }
        }
        if (secrets > 0) {
            err.println(secrets + " secret values are supplied at deploy time, never written: see docs/secrets.md");
        }
    }

    private void printJson(ConversionResult result) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode root = json.objectNode();
        ArrayNode diagnostics = root.putArray("diagnostics");
        for (Diagnostic d : result.diagnostics()) {
            ObjectNode node = diagnostics.addObject();
            node.put("severity", d.severity().label());
            node.put("code", d.code());
            node.put("message", d.message());
            if (d.hint() != null) {
                node.put("hint", d.hint());
            }
            if (d.location() != null) {
                node.put("file", d.location().file());
                node.put("line", d.location().line());
                node.put("column", d.location().column());
                node.put("path", d.location().path());
            }
            if (d.pluginId() != null) {
                node.put("plugin", d.pluginId());
            }
        }
        ObjectNode summary = root.putObject("summary");
        summary.put("objects", result.objects());
        summary.put("converted", result.converted());
        summary.put("withoutMapper", result.unsupported());
        summary.put("errors", result.count(Severity.ERROR));
        summary.put("warnings", result.count(Severity.WARNING));
        summary.put("notes", result.count(Severity.INFO));
        ArrayNode placeholders = root.putArray("placeholders");
        for (EnvironmentInput input : result.placeholders()) {
            placeholders.addObject().put("name", input.name()).put("placeholder", input.placeholder())
                    .put("description", input.description());
        }
        ArrayNode written = root.putArray("files");
        result.filesWritten().forEach(written::add);
        try {
            cli.out().println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
