package io.kube2ecs.cli;

import io.kube2ecs.core.plugin.PluginInfo;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kube2ecs plugins}: what is installed, what each plugin handles and where it came from.
 */
@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = "Lists the installed plugins: id, the kinds, targets or input sources each handles, its jar, and where "
                + "it came from (bundled, --plugin-path, --plugin-dir).")
public final class PluginsCommand implements Callable<Integer> {

    private final Kube2Ecs cli;

    @Option(names = "--plugin-path", split = ",", paramLabel = "PATH",
            description = "Extra plugin jars, or folders of jars (comma-separated or repeated), loaded beside kube2ecs' own classes.")
    private List<String> pluginPath = new ArrayList<>();

    @Option(names = "--plugin-dir", paramLabel = "DIR",
            description = "A folder of plugins (repeatable): each jar in it, or each sub-folder of jars, is one plugin "
                    + "loaded in its own class loader that shares only the kube2ecs API.")
    private List<String> pluginDirs = new ArrayList<>();

    @Option(names = {"-v", "--verbose"}, description = "Also print each plugin's description.")
    private boolean verbose;

    @Option(names = "--stacktrace", description = "Print the stack trace of an internal error.")
    private boolean stacktrace;

    @Option(names = "--support-matrix", description = "Print, as Markdown, the kinds, targets and fields the plugins declare "
            + "(docs/support-matrix.md is this over the bundled plugins).")
    private boolean supportMatrix;

    PluginsCommand(Kube2Ecs cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        if (supportMatrix) {
            cli.out().print(PluginPath.pipeline(cli, pluginPath, pluginDirs).supportMatrix());
            cli.out().flush();
            return ExitCodes.OK;
        }
        List<PluginInfo> plugins = PluginPath.pipeline(cli, pluginPath, pluginDirs).plugins();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"ID", "HANDLES", "JAR", "FROM"});
        for (PluginInfo plugin : plugins) {
            List<String> handles = new ArrayList<>();
            plugin.kinds().forEach(k -> handles.add("kind " + k));
            plugin.targets().forEach(t -> handles.add("target " + t));
            plugin.sources().forEach(s -> handles.add("source " + s));
            rows.add(new String[] {plugin.id(), String.join(", ", handles), plugin.location(), plugin.from()});
        }
        int[] widths = new int[4];
        for (String[] row : rows) {
            for (int i = 0; i < 4; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        PrintWriter out = cli.out();
        for (int i = 0; i < rows.size(); i++) {
            String[] row = rows.get(i);
            out.println(String.format("%-" + widths[0] + "s  %-" + widths[1] + "s  %-" + widths[2] + "s  %s",
                    row[0], row[1], row[2], row[3]).stripTrailing());
            if (verbose && i > 0 && !plugins.get(i - 1).description().isEmpty()) {
                out.println("    " + plugins.get(i - 1).description());
            }
        }
        Map<String, List<String>> claims = new TreeMap<>();
        for (PluginInfo plugin : plugins) {
            plugin.kinds().forEach(k -> claims.computeIfAbsent("kind " + k, x -> new ArrayList<>()).add(plugin.id()));
            plugin.targets().forEach(t -> claims.computeIfAbsent("target " + t, x -> new ArrayList<>()).add(plugin.id()));
        }
        claims.forEach((key, ids) -> {
            if (ids.size() > 1) {
                String option = key.startsWith("kind ") ? "--mapper " : "--emitter ";
                cli.err().println("note: " + key + " is handled by " + String.join(" and ", ids) + "; convert needs "
                        + option + key.substring(key.indexOf(' ') + 1) + "=" + ids.get(ids.size() - 1) + " (or plugins: in the profile)");
            }
        });
        return ExitCodes.OK;
    }
}
