package io.kube2ecs.cli;

import io.kube2ecs.core.ConversionPipeline;
import io.kube2ecs.core.concurrent.Workers;
import io.kube2ecs.core.diag.ConfigurationException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import picocli.CommandLine;

/**
 * Builds and runs the command line. Separate from {@link Main} so tests run the real CLI with their
 * own console streams, standard input and working directory.
 */
public final class Kube2Ecs {

    private final PrintWriter out;
    private final PrintWriter err;
    private final Supplier<InputStream> stdin;
    private final Path workingDirectory;
    private final Terminal terminal;
    private java.time.Instant started = java.time.Instant.now();
    private java.util.concurrent.FutureTask<ConversionPipeline> bundledPipeline;
    private boolean served;

    /**
     * @param out              standard output
     * @param err              standard error
     * @param stdin            standard input
     * @param workingDirectory where relative paths start
     */
    public Kube2Ecs(PrintWriter out, PrintWriter err, Supplier<InputStream> stdin, Path workingDirectory) {
        this(out, err, stdin, workingDirectory, Terminal.NONE);
    }

    /**
     * @param out              standard output
     * @param err              standard error
     * @param stdin            standard input
     * @param workingDirectory where relative paths start
     * @param terminal         which streams are an interactive terminal
     */
    public Kube2Ecs(PrintWriter out, PrintWriter err, Supplier<InputStream> stdin, Path workingDirectory, Terminal terminal) {
        this.out = out;
        this.err = err;
        this.stdin = stdin;
        this.workingDirectory = workingDirectory;
        this.terminal = terminal;
    }

    /**
     * Marks this as a run in a {@link ConversionServer}, whose JVM started long before it: {@code --timings}
     * then has no JVM start-up to show.
     *
     * @return this
     */
    Kube2Ecs served() {
        served = true;
        return this;
    }

    boolean isServed() {
        return served;
    }

    /**
     * Starts building the pipeline of the bundled plugins on another thread, while the command line is
     * parsed on this one: discovering the plugins and creating the injector is a third of a small
     * conversion's start-up, and start-up runs on one core while the machine has more. A command that
     * names plugin jars or folders builds its own pipeline and leaves this one unused.
     *
     * @return this
     */
    public Kube2Ecs prepareBundledPipeline() {
        bundledPipeline = new java.util.concurrent.FutureTask<>(() -> PluginPath.build(this, List.of(), List.of()));
        Thread builder = new Thread(bundledPipeline, "kube2ecs-plugins");
        builder.setDaemon(true);
        builder.start();
        return this;
    }

    /** @return the pipeline of the bundled plugins, the one {@link #prepareBundledPipeline} started if it did */
    ConversionPipeline bundledPipeline() {
        if (bundledPipeline == null) {
            return PluginPath.build(this, List.of(), List.of());
        }
        // rethrows the builder's failure as it is: the same one building it on this thread would have given
        return Workers.join(bundledPipeline);
    }

    /**
     * @param args command-line arguments
     * @return the exit code
     */
    public int run(String... args) {
        started = java.time.Instant.now();
        CommandLine cli = new CommandLine(new RootCommand(), new CommandFactory(this));
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler(this::usageError);
        cli.setExecutionExceptionHandler(this::failure);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        try {
            return cli.execute(args);
        } catch (RuntimeException | Error e) {
            // picocli hands only Exceptions to the handler; an Error (linkage, out of memory) lands here
            return internalError(e, java.util.Arrays.asList(args).contains("--stacktrace"));
        }
    }

    /**
     * Whether a {@link ConversionServer} may run this command: a conversion of files (or standard
     * input) with the bundled plugins. A cluster read depends on the caller's environment and
     * kubeconfig, and plugin jars (named on the command line or in the profile's
     * {@code plugins.dirs}) would leave their class loaders behind in a long-lived JVM. A command
     * line that does not parse is served: the server prints the same usage error.
     *
     * @param args             the command line
     * @param workingDirectory the caller's working directory, where the profile is found
     * @return true when the server may run it
     */
    static boolean serves(List<String> args, Path workingDirectory) {
        if (args.stream().anyMatch(arg -> arg.startsWith("@"))) {
            return false; // picocli reads an @file from the JVM's own folder, which for the server is /
        }
        PrintWriter discard = new PrintWriter(java.io.Writer.nullWriter());
        Kube2Ecs probe = new Kube2Ecs(discard, discard, InputStream::nullInputStream, workingDirectory);
        CommandLine cli = new CommandLine(new RootCommand(), new CommandFactory(probe));
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        try {
            CommandLine.ParseResult parsed = cli.parseArgs(args.toArray(String[]::new));
            if (parsed.asCommandLineList().stream().anyMatch(c -> c.isUsageHelpRequested() || c.isVersionHelpRequested())) {
                return false; // picocli colours help only on a terminal of the JVM's own, which the server has not
            }
            CommandLine.ParseResult command = parsed.subcommand();
            return command != null && command.commandSpec().name().equals("convert") && command.hasMatchedOption("--filename")
                    && !command.hasMatchedOption("--plugin-path") && !command.hasMatchedOption("--plugin-dir")
                    && !(command.hasMatchedOption("--profile") && namesPluginFolders(workingDirectory.resolve(
                            command.<Path>matchedOptionValue("--profile", null))));
        } catch (CommandLine.ParameterException e) {
            return true;
        }
    }

    /** Whether a profile has {@code plugins.dirs}; one that cannot be read or parsed is the run's to report. */
    private static boolean namesPluginFolders(Path profile) {
        String content;
        try {
            content = java.nio.file.Files.readString(profile, java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException | RuntimeException e) {
            return false;
        }
        return io.kube2ecs.core.load.YamlDocuments.parseSingle(profile.toString(), content, new io.kube2ecs.core.diag.DiagnosticCollector())
                .map(root -> root.entries().get("plugins"))
                .filter(plugins -> plugins.shape() == io.kube2ecs.core.load.YamlNode.Shape.MAP && plugins.entries().containsKey("dirs"))
                .isPresent();
    }

    /** @return when {@link #run} began, for {@code --timings} */
    java.time.Instant started() {
        return started;
    }

    PrintWriter out() {
        return out;
    }

    PrintWriter err() {
        return err;
    }

    Supplier<InputStream> stdin() {
        return stdin;
    }

    Path workingDirectory() {
        return workingDirectory;
    }

    Terminal terminal() {
        return terminal;
    }

    private int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        err.println("kube2ecs: " + e.getMessage());
        if (!CommandLine.UnmatchedArgumentException.printSuggestions(e, err)) {
            err.println("    hint: see '" + command.getCommandSpec().qualifiedName() + " --help'");
        }
        return ExitCodes.USAGE;
    }

    private int failure(Exception e, CommandLine command, CommandLine.ParseResult parseResult) {
        if (e instanceof ConfigurationException configuration) {
            err.println("kube2ecs: error" + (configuration.code() == null ? "" : "[" + configuration.code() + "]") + ": "
                    + configuration.getMessage());
            if (configuration.hint() != null) {
                err.println("    hint: " + configuration.hint());
            }
            return ExitCodes.USAGE;
        }
        boolean stacktrace = parseResult != null
                && parseResult.asCommandLineList().stream().anyMatch(c -> c.getParseResult().hasMatchedOption("--stacktrace"));
        return internalError(e, stacktrace);
    }

    private int internalError(Throwable e, boolean stacktrace) {
        if (e instanceof OutOfMemoryError) {
            err.println("kube2ecs: out of memory: the input needs more than the " + Runtime.getRuntime().maxMemory() / (1024 * 1024)
                    + " MB heap this JVM has; nothing was written");
            err.println("    hint: give it more (java -Xmx4g -jar …, or KUBE2ECS_JAVA_OPTS=-Xmx4g bin/kube2ecs …), or convert "
                    + "the input in parts, one namespace per run");
            err.flush();
            return ExitCodes.INTERNAL;
        }
        err.println("kube2ecs: internal error: " + e.getClass().getName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        err.println("    hint: this is a bug in kube2ecs; nothing was written. Rerun with --stacktrace and report it");
        if (stacktrace) {
            e.printStackTrace(err);
        }
        err.flush();
        return ExitCodes.INTERNAL;
    }

    /** Gives subcommands access to the process streams. */
    private static final class CommandFactory implements CommandLine.IFactory {
        private final Kube2Ecs cli;

        CommandFactory(Kube2Ecs cli) {
            this.cli = cli;
        }

        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (type == ConvertCommand.class) {
                return type.cast(new ConvertCommand(cli));
            }
            if (type == PluginsCommand.class) {
                return type.cast(new PluginsCommand(cli));
            }
            return CommandLine.defaultFactory().create(type);
        }
    }
}
