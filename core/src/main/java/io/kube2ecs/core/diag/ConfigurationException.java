package io.kube2ecs.core.diag;

/**
 * The run cannot start: conflicting plugins, an unknown target, an invalid profile. Reported as a
 * usage error (exit code 2) with the message and hint, never a stack trace.
 */
public final class ConfigurationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String hint;
    private final String code;

    /**
     * @param message what is wrong
     * @param hint    what to do, or null
     */
    public ConfigurationException(String message, String hint) {
        this(null, message, hint);
    }

    /**
     * @param code    a diagnostic code from docs/diagnostics.md, or null
     * @param message what is wrong
     * @param hint    what to do, or null
     */
    public ConfigurationException(String code, String message, String hint) {
        super(message, null, false, false);
        this.code = code;
        this.hint = hint;
    }

    /** @return the diagnostic code, or null for the uncoded usage errors */
    public String code() {
        return code;
    }

    /** @return what to do, or null */
    public String hint() {
        return hint;
    }
}
