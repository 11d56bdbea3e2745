package io.kube2ecs.api.spi;

import io.kube2ecs.api.Experimental;
import io.kube2ecs.api.diag.Diagnostics;
import java.util.List;
import java.util.Optional;

/**
 * Receives the documents an {@link InputSource} reads. Supplied by the core; not thread-safe.
 *
 * <p>Besides documents and diagnostics, a source may talk to the user through the three default
 * methods; the host decides whether anyone sees it (the CLI shows progress only when standard error
 * is a terminal, and asks questions only when standard input and standard error are terminals). A
 * source must work the same when nobody listens.
 */
@Experimental(since = "1.1")
public interface InputSink {

    /**
     * Adds one input text, which may hold several YAML documents or one JSON value.
     *
     * @param origin  how diagnostics name the text, e.g. the path as the user wrote it,
     *                {@code <stdin>} or {@code cluster:<context>/<namespace>/<Kind>/<name>}; not null
     * @param content the decoded text, not null
     */
    void accept(String origin, String content);

    /** @return where to report unreadable inputs */
    Diagnostics diagnostics();

    /**
     * Reports what a long read is doing, e.g. {@code reading namespace shop (3 of 12)}. Transient:
     * shown only on an interactive terminal, never in CI output. The default does nothing.
     *
     * @param message one line, not null; never a secret value
     */
    default void progress(String message) {
    }

    /**
     * Tells the user something they should know about the run that is not a problem with the input,
     * e.g. which kubeconfig context was used when none was named. Shown on standard error (not a
     * diagnostic: it does not count as a warning). The default does nothing.
     *
     * @param message one line, not null; never a secret value
     */
    default void notice(String message) {
    }

    /**
     * Asks the user to pick one of several choices, when someone can be asked.
     *
     * @param question what to ask, one line, not null
     * @param choices  the choices, in the order to show them, not empty
     * @param preset   the choice taken when the user just presses enter, one of {@code choices}, or null
     * @return the choice, one of {@code choices}; empty when nobody can be asked (no terminal), in
     *         which case the source decides and should say what it decided with {@link #notice}
     */
    default Optional<String> choose(String question, List<String> choices, String preset) {
        return Optional.empty();
    }
}
