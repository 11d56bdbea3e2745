package io.kube2ecs.testkit;

import io.kube2ecs.api.diag.Diagnostic;
import io.kube2ecs.api.diag.Severity;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What one run wrote and reported.
 *
 * @param files       every written file by path relative to the output folder (e.g. {@code model/model.json}), sorted
 * @param diagnostics the diagnostics, in the order the CLI prints them
 */
public record RunResult(SortedMap<String, String> files, List<Diagnostic> diagnostics) {

    /** Copies both, so a result cannot change after the run. */
    public RunResult {
        files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
        diagnostics = List.copyOf(diagnostics);
    }

    /**
     * @param path a path relative to the output folder
     * @return the file's text
     * @throws AssertionError naming the files that were written when there is no such file
     */
    public String file(String path) {
        String content = files.get(path);
        if (content == null) {
            throw new AssertionError("no output file " + path + "; written: " + files.keySet()
                    + (diagnostics.isEmpty() ? "" : "\n" + renderedDiagnostics()));
        }
        return content;
    }

    /** @return the diagnostics as the CLI prints them, one per line (hints indented), with {@code \n} line ends */
    public String renderedDiagnostics() {
        return diagnostics.stream().map(Diagnostic::render)
                .map(text -> text.replace(System.lineSeparator(), "\n") + "\n").collect(Collectors.joining());
    }

    /**
     * @param code a diagnostic code
     * @return the diagnostics with that code
     */
    public List<Diagnostic> withCode(String code) {
        return diagnostics.stream().filter(d -> d.code().equals(code)).toList();
    }

    /** @return whether an error was reported (the CLI would then write nothing and exit 1) */
    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(d -> d.severity() == Severity.ERROR);
    }

    /** @return diagnostics and files in one text, for comparing two runs */
    public String describe() {
        StringBuilder out = new StringBuilder(renderedDiagnostics());
        files.forEach((path, content) -> out.append("=== ").append(path).append('\n').append(content));
        return out.toString();
    }
}
