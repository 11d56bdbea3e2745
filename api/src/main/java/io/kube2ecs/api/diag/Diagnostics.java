package io.kube2ecs.api.diag;

import io.kube2ecs.api.Stable;
import io.kube2ecs.api.source.SourceNode;

/**
 * Where plugins report findings. The run collects every diagnostic rather than stopping at the
 * first; an {@link Severity#ERROR} fails the run and no output is written.
 *
 * <p>Implementations are supplied by the core; they attribute each diagnostic to the calling plugin.
 * Not thread-safe: call from the thread that invoked the plugin.
 */
@Stable
public interface Diagnostics {

    /** Discards everything; for reads whose problems are reported elsewhere. */
    Diagnostics NONE = diagnostic -> { };

    /**
     * Records a finding.
     *
     * @param diagnostic the finding, not null
     */
    void report(Diagnostic diagnostic);

    /**
     * Records an error at a node of the input. The node counts as handled in the field-coverage
     * report (the diagnostic says what became of it), as it does for {@link #warning}.
     *
     * @param at      the node the error is about, not null (a missing node points at its parent)
     * @param code    stable code
     * @param message what is wrong
     * @param hint    what to do, or null
     */
    default void error(SourceNode at, String code, String message, String hint) {
        report(new Diagnostic(Severity.ERROR, code, message, hint, at.location(), null));
        at.markConverted();
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
        at.markConverted();
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
