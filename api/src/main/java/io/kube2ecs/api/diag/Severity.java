package io.kube2ecs.api.diag;

import io.kube2ecs.api.Stable;

/** How serious a {@link Diagnostic} is. Ordered from least to most serious. */
@Stable
public enum Severity {
    /** Something the user may want to know, e.g. a field deliberately not converted. */
    INFO,
    /** The conversion went on, but its result may behave differently from the cluster. */
    WARNING,
    /** The input cannot be converted as written; no output is written. */
    ERROR;

    /** @return the lower-case label used in rendered diagnostics, e.g. {@code error} */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
