package io.kube2ecs.api.diag;

import io.kube2ecs.api.Stable;
import io.kube2ecs.api.source.SourceLocation;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * One finding of a conversion run.
 *
 * <p>Codes are stable across releases so CI gates and documentation can refer to them; each plugin
 * uses its own prefix (the core uses {@code K2E}). Messages never contain secret values.
 * Immutable and thread-safe.
 *
 * @param severity how serious, not null
 * @param code     stable code such as {@code K2E101} or {@code DEPLOY003}, not null
 * @param message  what happened, one sentence, not null
 * @param hint     what the user can do about it ("perhaps you should …"), or null
 * @param location where in the input, or null when the finding is not about one place
 * @param pluginId the plugin that reported it, or null for the core
 */
@Stable
public record Diagnostic(Severity severity, String code, String message, String hint,
                         SourceLocation location, String pluginId) {

    /** Orders diagnostics by file, line, column, then code and message: the order they are shown in. */
    public static final Comparator<Diagnostic> ORDER = Comparator
            .comparing((Diagnostic d) -> d.location() == null ? "" : d.location().file())
            .thenComparingInt(d -> d.location() == null ? 0 : d.location().line())
            .thenComparingInt(d -> d.location() == null ? 0 : d.location().column())
            .thenComparing(d -> d.location() == null ? "" : d.location().path())
            .thenComparing(Diagnostic::code)
            .thenComparing(Diagnostic::message);

    public Diagnostic {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    /** @return the hint, if any */
    public Optional<String> hintText() {
        return Optional.ofNullable(hint);
    }

    /**
     * A copy of this diagnostic attributed to a plugin.
     *
     * @param id the plugin id, not null
     * @return the copy
     */
    public Diagnostic withPlugin(String id) {
        return new Diagnostic(severity, code, message, hint, location, id);
    }

    /**
     * Renders {@code file:line:col: severity[CODE]: message} and, when there is a hint, an indented
     * {@code hint:} line.
     *
     * @return the rendered text without a trailing newline
     */
    public String render() {
        StringBuilder out = new StringBuilder();
        if (location != null) {
            out.append(location.render()).append(": ");
        }
        out.append(severity.label()).append('[').append(code).append("]: ").append(message);
        if (location != null && !location.path().isEmpty() && !message.contains(location.path())) {
            out.append(" (at ").append(location.path()).append(')');
        }
        if (hint != null) {
            out.append(System.lineSeparator()).append("    hint: ").append(hint);
        }
        return out.toString();
    }
}
