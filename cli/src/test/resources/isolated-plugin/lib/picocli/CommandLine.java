package picocli;

/**
 * A library class with the same name as one in kube2ecs' own class path (picocli), but different:
 * the plugin in PluginDirTest must get this one, from its own folder, and not kube2ecs' picocli.
 */
public final class CommandLine {

    private CommandLine() {
    }

    /** @return which copy of the class answered */
    public static String whoAmI() {
        return "the plugin's own picocli.CommandLine";
    }
}
