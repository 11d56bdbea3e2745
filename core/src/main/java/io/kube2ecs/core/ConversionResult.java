package io.kube2ecs.core;

import io.kube2ecs.api.diag.Diagnostic;
import io.kube2ecs.api.diag.Severity;
import io.kube2ecs.api.model.EnvironmentInput;
import java.util.List;

/**
 * What one {@code convert} run did.
 *
 * @param diagnostics  every diagnostic, sorted by location
 * @param filesWritten output files, relative to the output folder; empty when errors stopped the run
 * @param placeholders environment inputs the user still has to provide, with the placeholders emitters reported
 *                     for other forms of their values ({@code EmitContext.placeholder}), sorted by name
 * @param objects      input objects read
 * @param converted    objects a mapper converted
 * @param unsupported  objects no mapper handles
 * @param timings      how long each stage took
 */
public record ConversionResult(List<Diagnostic> diagnostics, List<String> filesWritten,
                               List<EnvironmentInput> placeholders, int objects, int converted, int unsupported,
                               List<StageTimes.Stage> timings) {

    public ConversionResult {
        diagnostics = List.copyOf(diagnostics);
        filesWritten = List.copyOf(filesWritten);
        placeholders = List.copyOf(placeholders);
        timings = List.copyOf(timings);
    }

    /** @return whether any error was reported (then nothing was written) */
    public boolean failed() {
        return diagnostics.stream().anyMatch(d -> d.severity() == Severity.ERROR);
    }

    /**
     * @param severity a severity
     * @return how many diagnostics have it
     */
    public long count(Severity severity) {
        return diagnostics.stream().filter(d -> d.severity() == severity).count();
    }
}
