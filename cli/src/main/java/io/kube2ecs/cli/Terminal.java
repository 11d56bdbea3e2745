package io.kube2ecs.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Which of the process's streams are an interactive terminal. Progress goes to standard error only
 * when it is a terminal (never in CI logs); questions are asked only when standard input is one too.
 *
 * @param stdin  standard input is a terminal
 * @param stderr standard error is a terminal
 */
public record Terminal(boolean stdin, boolean stderr) {

    /** No terminal: nothing transient is shown and nothing is asked. */
    public static final Terminal NONE = new Terminal(false, false);

    /**
     * Looks at the real process: on Linux through {@code /proc/self/fd}, elsewhere through
     * {@link System#console()} (a console means standard input and output are terminals). {@code CI}
     * or {@code TERM=dumb} in the environment mean no terminal.
     *
     * @return what this process has
     */
    public static Terminal detect() {
        String term = System.getenv("TERM");
        if (System.getenv("CI") != null || "dumb".equals(term)) {
            return NONE;
        }
        Path fd = Path.of("/proc/self/fd");
        if (Files.isDirectory(fd)) {
            return new Terminal(isTty(fd.resolve("0")), isTty(fd.resolve("2")));
        }
        boolean console = System.console() != null;
        return new Terminal(console, console);
    }

    private static boolean isTty(Path descriptor) {
        try {
            String target = Files.readSymbolicLink(descriptor).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (java.io.IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }
}
