package io.kube2ecs.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code kube2ecs}: the top-level command.
 */
@Command(name = "kube2ecs", mixinStandardHelpOptions = true, versionProvider = RootCommand.Version.class,
        description = "Converts Kubernetes workloads into AWS ECS on Fargate.",
        subcommands = {ConvertCommand.class, PluginsCommand.class, CommandLine.HelpCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {
            "  kube2ecs convert -f examples/quickstart -o out",
            "  helm template my-release ./chart | kube2ecs convert -f - -o out",
            "  kube2ecs convert -f k8s/ -R -n shop --profile prod.yaml -o out",
            "  kube2ecs plugins",
            "",
            "Exit codes: 0 converted, 1 errors in the input (nothing written), 2 usage error, 3 internal error."
        })
public final class RootCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Reads the version Maven wrote into the jar. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties properties = new Properties();
            try (InputStream in = RootCommand.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    properties.load(in);
                }
            }
            return new String[] {"kube2ecs " + properties.getProperty("version", "unknown")};
        }
    }
}
