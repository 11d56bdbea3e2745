package io.kube2ecs.core.diag;

import io.kube2ecs.api.diag.Diagnostic;
import io.kube2ecs.api.diag.Diagnostics;
import io.kube2ecs.api.diag.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects every diagnostic of a run, in the order reported; {@link #sorted()} gives display order.
 */
public final class DiagnosticCollector implements Diagnostics {

    private final List<Diagnostic> all = new ArrayList<>();
    /** Kept as they come: stages ask after every object whether to go on, and counting grew with the run. */
    private int errors;

    @Override
    public void report(Diagnostic diagnostic) {
        all.add(diagnostic);
        if (diagnostic.severity() == Severity.ERROR) {
            errors++;
        }
    }

    /**
     * @param pluginId the plugin to attribute diagnostics to
     * @return a view that stamps the plugin id on what it reports
     */
    public Diagnostics forPlugin(String pluginId) {
        return diagnostic -> report(diagnostic.pluginId() == null ? diagnostic.withPlugin(pluginId) : diagnostic);
    }

    /**
     * Adds what another collector gathered, in its order: work done in parallel reports into a
     * collector of its own, replayed here in a fixed order so the run stays deterministic.
     *
     * @param other the other collector
     */
    public void addAll(DiagnosticCollector other) {
        all.addAll(other.all);
        errors += other.errors;
    }

    /** @return every diagnostic, sorted by location then code, duplicates removed */
    public List<Diagnostic> sorted() {
        return all.stream().distinct().sorted(Diagnostic.ORDER).toList();
    }

    /** @return whether any error was reported */
    public boolean hasErrors() {
        return errors > 0;
    }

    /**
     * @param severity a severity
     * @return how many diagnostics of that severity were reported (duplicates counted once)
     */
    public long count(Severity severity) {
        return all.stream().distinct().filter(d -> d.severity() == severity).count();
    }
}
