package io.kube2ecs.api.diag;

import io.kube2ecs.api.source.SourceNode;

/**
 * Where plugins report findings. The run collects every diagnostic rather than stopping at the
 * first; an {@link Severity#ERROR} fails the run and no output is written.
 *
 * <p>Implementations are supplied by the core; they attribute each diagnostic to the calling plugin.
 * Not thread-safe: call from the thread that invoked the plugin.
 */
public interface Diagnostics {

    /**
     * Records a finding.
     *
     * @param diagnostic the finding, not null
     */
    void report(Diagnostic diagnostic);

    /**
     * Records an error at a node of the input.
     *
     * @param at      the node the error is about, not null (a missing node points at its parent)
     * @param code    stable code
     * @param message what is wrong
     * @param hint    what to do, or null
     */
    default void error(SourceNode at, String code, String message, String hint) {
        report(new Diagnostic(Severity.ERROR, code, message, hint, at.location(), null));
    }

    /**
     * Records a warning at a node of the input.
     *
     * @param at      the node, not null
     * @param code    stable code
     * @param message what was approximated or left out
     * @param hint    what to do, or null
     */
    default void warning(SourceNode at, String code, String message, String hint) {
        report(new Diagnostic(Severity.WARNING, code, message, hint, at.location(), null));
    }

    /**
     * Records an informational note at a node of the input.
     *
     * @param at      the node, not null
     * @param code    stable code
     * @param message the note
     * @param hint    what to do, or null
     */
    default void info(SourceNode at, String code, String message, String hint) {
        report(new Diagnostic(Severity.INFO, code, message, hint, at.location(), null));
    }
}
