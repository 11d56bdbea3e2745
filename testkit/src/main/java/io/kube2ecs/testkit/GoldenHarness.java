package io.kube2ecs.testkit;

import io.kube2ecs.api.spi.Plugin;
import io.kube2ecs.core.report.ConversionReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Golden tests in the OpenRewrite style: a case folder holds {@code input/} (manifests, read with
 * {@code -R}), an optional {@code profile.yaml}, the expected output tree {@code expected/} and the
 * expected diagnostics {@code diagnostics.txt}. The harness converts the case twice and requires
 * byte-identical runs, then compares with the expectations and fails with a diff. A missing
 * {@code expected/} means the run must write nothing. Run with {@code -Dkube2ecs.golden.update=true}
 * to rewrite the expectations instead, then review them in git.
 */
public final class GoldenHarness {

    /** The system property that turns checking into rewriting. */
    public static final String UPDATE_PROPERTY = "kube2ecs.golden.update";

    private final Supplier<List<Plugin>> plugins;
    private final List<String> targets;

    /**
     * @param plugins the plugins to convert with (a fresh list per run)
     * @param targets the targets to write; empty for all of the plugins' targets
     */
    public GoldenHarness(Supplier<List<Plugin>> plugins, List<String> targets) {
        this.plugins = plugins;
        this.targets = List.copyOf(targets);
    }

    /**
     * @param root a folder of case folders
     * @return the case folders (those with an {@code input/}), sorted
     */
    public static List<Path> cases(Path root) {
        try (Stream<Path> children = Files.list(root)) {
            return children.filter(p -> Files.isDirectory(p.resolve("input"))).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Converts one case and checks or updates its expectations.
     *
     * @param caseDir the case folder
     * @throws AssertionError with a diff when output or diagnostics differ, or two runs differ
     */
    public void check(Path caseDir) throws IOException {
        Path profile = Files.exists(caseDir.resolve("profile.yaml")) ? Path.of("profile.yaml") : null;
        check(caseDir, caseDir, List.of("input"), profile);
    }

    /**
     * Converts inputs that live outside the case folder (such as the bundled examples) and checks
     * or updates the case's expectations.
     *
     * @param caseDir          the case folder with {@code expected/} and {@code diagnostics.txt}
     * @param workingDirectory where the relative locations and profile start; diagnostics name
     *                         files relative to it
     * @param locations        the {@code -f} locations, read with {@code -R}
     * @param profile          the profile, or null
     */
    public void check(Path caseDir, Path workingDirectory, List<String> locations, Path profile) throws IOException {
        Path work = Files.createTempDirectory("kube2ecs-golden-");
        try {
            // the report repeats every diagnostic; a case pins it only when it asks to, by having expected/report.md
            boolean withReport = Files.exists(caseDir.resolve("expected").resolve(ConversionReport.MARKDOWN));
            RunResult first = run(workingDirectory, locations, profile, work.resolve("run1"), withReport);
            RunResult second = run(workingDirectory, locations, profile, work.resolve("run2"), withReport);
            if (!first.equals(second)) {
                throw new AssertionError(caseDir + ": two runs over the same input differ (output is not deterministic)\n"
                        + TextDiff.diff(first.describe(), second.describe()));
            }
            assertMatches(caseDir, first);
        } finally {
            deleteTree(work);
        }
    }

    /**
     * Compares any run's result (e.g. an emitter's, from {@link PipelineRunner#emit}) with a case
     * folder's {@code expected/} files and {@code diagnostics.txt}, or rewrites them when
     * {@code -Dkube2ecs.golden.update=true} is set.
     *
     * @param caseDir the case folder; {@code expected/} missing means no file is expected
     * @param result  what the run wrote and reported
     * @throws AssertionError with a diff per differing file and for the diagnostics
     */
    public static void assertMatches(Path caseDir, RunResult result) throws IOException {
        Path expectedDir = caseDir.resolve("expected");
        Path diagnosticsFile = caseDir.resolve("diagnostics.txt");
        if (Boolean.getBoolean(UPDATE_PROPERTY)) {
            deleteTree(expectedDir);
            for (Map.Entry<String, String> file : result.files().entrySet()) {
                Path target = expectedDir.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
            }
            Files.createDirectories(caseDir);
            Files.writeString(diagnosticsFile, result.renderedDiagnostics(), StandardCharsets.UTF_8);
            return;
        }
        Map<String, String> expected = readTree(expectedDir);
        String expectedDiagnostics = Files.exists(diagnosticsFile)
                ? Files.readString(diagnosticsFile, StandardCharsets.UTF_8) : "";
        List<String> problems = new ArrayList<>();
        for (String path : union(expected, result.files())) {
            String want = expected.get(path);
            String got = result.files().get(path);
            if (want == null) {
                problems.add("unexpected output file " + path);
            } else if (got == null) {
                problems.add("missing output file " + path);
            } else if (!want.equals(got)) {
                problems.add("output " + path + " differs:\n" + TextDiff.diff(want, got));
            }
        }
        if (!expectedDiagnostics.equals(result.renderedDiagnostics())) {
            problems.add("diagnostics differ:\n" + TextDiff.diff(expectedDiagnostics, result.renderedDiagnostics()));
        }
        if (!problems.isEmpty()) {
            throw new AssertionError(caseDir + " does not match its expectations (rerun with -D" + UPDATE_PROPERTY
                    + "=true to accept the new output):\n" + String.join("\n", problems));
        }
    }

    private RunResult run(Path workingDirectory, List<String> locations, Path profile, Path out, boolean withReport) {
        return PipelineRunner.of(plugins).targets(targets.toArray(String[]::new)).withReport(withReport)
                .run(workingDirectory, locations, profile, out);
    }

    private static List<String> union(Map<String, String> a, Map<String, String> b) {
        TreeMap<String, String> all = new TreeMap<>(a);
        all.putAll(b);
        return new ArrayList<>(all.keySet());
    }

    private static Map<String, String> readTree(Path root) {
        return PipelineRunner.readTree(root);
    }

    private static void deleteTree(Path root) {
        PipelineRunner.deleteTree(root);
    }
}
