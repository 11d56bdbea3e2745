package io.kube2ecs.cli;

/**
 * The documented exit codes of {@code kube2ecs}.
 */
public final class ExitCodes {

    /** Converted; warnings may have been reported. */
    public static final int OK = 0;
    /** The input (or profile) has errors; nothing was written. */
    public static final int CONVERSION_ERRORS = 1;
    /** The command line or plugin set-up is wrong; nothing was read or written. */
    public static final int USAGE = 2;
    /** An internal error (a bug in kube2ecs); nothing was written. */
    public static final int INTERNAL = 3;
    /** The output was written, but {@code --fail-on warning|unconverted} found what it looks for. */
    public static final int GATE = 4;

    private ExitCodes() {
    }
}
