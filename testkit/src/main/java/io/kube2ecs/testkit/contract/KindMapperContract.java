package io.kube2ecs.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kube2ecs.api.diag.Diagnostic;
import io.kube2ecs.api.spi.FieldSupport;
import io.kube2ecs.api.spi.KindMapper;
import io.kube2ecs.api.spi.Plugin;
import io.kube2ecs.testkit.ModelDumpPlugin;
import io.kube2ecs.testkit.PipelineRunner;
import io.kube2ecs.testkit.RunResult;
import io.kube2ecs.testkit.TextDiff;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Contract of a plugin that contributes kind mappers. The test class names the plugin and gives
 * fixtures (manifests with objects of the plugin's kinds); the checks run the real pipeline over
 * them with the plugin, its {@link #collaborators()} and the {@link ModelDumpPlugin}.
 *
 * <pre>{@code
 * class RolloutContractTest implements KindMapperContract {
 *     public Plugin plugin() { return new RolloutPlugin(); }
 *     public Map<String, String> fixtures() { return Map.of("rollout.yaml", "apiVersion: argoproj.io/v1alpha1\n..."); }
 * }
 * }</pre>
 */
public interface KindMapperContract extends PluginContract {

    /** The field the unknown-field check adds to every object of the mapper's kinds. */
    String PROBE = "kube2ecsContractProbe";

    /** Diagnostic code of a plugin that threw (docs/diagnostics.md). */
    String PLUGIN_FAILURE = "K2E401";

    /**
     * @return manifests by file name; together they hold at least one object of each kind the plugin
     *         maps. Write them as block-style YAML ({@code kind: Rollout} on a line of its own,
     *         {@code spec:} opening a block): the unknown-field check inserts its probe into that text.
     */
    Map<String, String> fixtures();

    /** @return other plugins the fixtures need (e.g. a mapper for the ConfigMaps they refer to); none by default */
    default List<Plugin> collaborators() {
        return List.of();
    }

    private RunResult convert(Map<String, String> fixtures, Plugin plugin) {
        List<Plugin> plugins = new ArrayList<>(collaborators());
        plugins.add(plugin);
        plugins.add(new ModelDumpPlugin());
        PipelineRunner runner = PipelineRunner.of(plugins.toArray(Plugin[]::new)).targets(ModelDumpPlugin.TARGET);
        fixtures.forEach(runner::input);
        return runner.run();
    }

    /** Every kind the plugin maps appears in the fixtures, and the plugin maps it (no K2E101). */
    @Test
    default void fixturesHoldEveryKindAndTheyAreMapped() {
        Plugin plugin = plugin();
        assertFalse(plugin.kindMappers().isEmpty(), "the plugin contributes no kind mapper");
        RunResult result = convert(fixtures(), plugin);
        for (KindMapper mapper : plugin.kindMappers()) {
            String kind = mapper.kind().kind();
            assertTrue(fixtures().values().stream().anyMatch(text -> kindLine(kind).matcher(text).find()),
                    () -> "no fixture has an object of kind " + kind);
        }
        List<Diagnostic> unmapped = result.withCode("K2E101");
        assertTrue(unmapped.isEmpty(), () -> "objects without a mapper:\n" + result.renderedDiagnostics());
        assertTrue(result.files().containsKey(ModelDumpPlugin.FILE),
                () -> "the run wrote no model; diagnostics:\n" + result.renderedDiagnostics());
    }

    /** Two runs, with a fresh plugin and with the same instance again, give identical models and diagnostics. */
    @Test
    default void outputIsDeterministic() {
        Plugin plugin = plugin();
        RunResult first = convert(fixtures(), plugin);
        RunResult again = convert(fixtures(), plugin);
        RunResult fresh = convert(fixtures(), plugin());
        assertEquals(first.describe(), again.describe(),
                () -> "a second run with the same plugin instance differs (state kept between runs?):\n"
                        + TextDiff.diff(first.describe(), again.describe()));
        assertEquals(first.describe(), fresh.describe(),
                () -> "a run with a new plugin instance differs:\n" + TextDiff.diff(first.describe(), fresh.describe()));
    }

    /** Every diagnostic the plugin reports names the file and line it is about, so users can find it. */
    @Test
    default void everyDiagnosticIsLocated() {
        Plugin plugin = plugin();
        RunResult result = convert(fixtures(), plugin);
        for (Diagnostic d : result.diagnostics()) {
            if (plugin.id().equals(d.pluginId())) {
                assertTrue(d.location() != null && d.location().line() > 0,
                        () -> "diagnostic without file:line: " + d.render()
                                + " (pass a SourceNode's location() when reporting)");
            }
        }
    }

    /**
     * A field the mapper does not know, added to every object of its kinds (at the top and under
     * {@code spec}), is reported by the pipeline's field coverage, located, and does not make the
     * mapper throw.
     */
    @Test
    default void unknownFieldsAreReportedNotThrown() {
        Plugin plugin = plugin();
        Map<String, String> probed = new LinkedHashMap<>();
        Set<String> kinds = new HashSet<>();
        plugin.kindMappers().forEach(m -> kinds.add(m.kind().kind()));
        fixtures().forEach((name, text) -> probed.put(name, withProbe(text, kinds)));
        RunResult result = convert(probed, plugin);
        assertTrue(result.withCode(PLUGIN_FAILURE).isEmpty(),
                () -> "the plugin failed on an unknown field:\n" + result.renderedDiagnostics());
        List<Diagnostic> reported = result.diagnostics().stream().filter(d -> d.message().contains(PROBE)
                || (d.location() != null && d.location().path().contains(PROBE))).toList();
        assertFalse(reported.isEmpty(), () -> "the unknown field " + PROBE + " was not reported; it must stay unread "
                + "(do not mark whole objects converted) so the pipeline reports it:\n" + result.renderedDiagnostics());
        reported.forEach(d -> assertTrue(d.location() != null && d.location().line() > 0,
                () -> "unknown field reported without file:line: " + d.render()));
    }

    /** The mapper neither writes to nor deletes its input files. */
    @Test
    default void inputFilesAreNotChanged() {
        Path work = null;
        try {
            work = Files.createTempDirectory("kube2ecs-contract-");
            Path in = work.resolve("in");
            for (Map.Entry<String, String> fixture : fixtures().entrySet()) {
                Path file = in.resolve(fixture.getKey());
                Files.createDirectories(file.getParent());
                Files.writeString(file, fixture.getValue(), StandardCharsets.UTF_8);
            }
            List<Plugin> plugins = new ArrayList<>(collaborators());
            plugins.add(plugin());
            plugins.add(new ModelDumpPlugin());
            PipelineRunner.of(plugins.toArray(Plugin[]::new)).targets(ModelDumpPlugin.TARGET)
                    .run(in, List.copyOf(fixtures().keySet()), null, work.resolve("out"));
            for (Map.Entry<String, String> fixture : fixtures().entrySet()) {
                assertEquals(fixture.getValue(), Files.readString(in.resolve(fixture.getKey()), StandardCharsets.UTF_8),
                        () -> "input file " + fixture.getKey() + " changed during the run");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (work != null) {
                deleteQuietly(work);
            }
        }
    }

    /**
     * {@link KindMapper#fieldSupport()} declarations are usable in the support matrix: paths are
     * dotted field paths ({@code spec.template.spec.containers[].image}, {@code data.*}) without
     * blanks or empty segments, declared once per mapper, and partial or ignored fields say why.
     */
    @Test
    default void fieldSupportDeclarationsAreWellFormed() {
        for (KindMapper mapper : plugin().kindMappers()) {
            List<FieldSupport> declared = mapper.fieldSupport();
            assertNotNull(declared, () -> mapper.kind() + ": fieldSupport() is null");
            Set<String> seen = new HashSet<>();
            for (FieldSupport field : declared) {
                String path = field.path();
                assertTrue(!path.contains(" ") && !path.startsWith(".") && !path.endsWith(".") && !path.contains(".."),
                        () -> mapper.kind() + ": malformed field path '" + path + "'");
                assertTrue(seen.add(path), () -> mapper.kind() + ": field '" + path + "' is declared twice");
                if (field.level() != FieldSupport.Level.MAPPED) {
                    assertFalse(field.note().isBlank(),
                            () -> mapper.kind() + ": " + field.level() + " field '" + path + "' needs a note saying why");
                }
            }
        }
    }

    private static Pattern kindLine(String kind) {
        return Pattern.compile("(?m)^kind:\\s*[\"']?" + Pattern.quote(kind) + "[\"']?\\s*$");
    }

    private static String withProbe(String text, Set<String> kinds) {
        StringBuilder out = new StringBuilder();
        for (String document : text.split("(?m)^---[ \\t]*$", -1)) {
            if (out.length() > 0) {
                out.append("---");
            }
            boolean ours = kinds.stream().anyMatch(kind -> kindLine(kind).matcher(document).find());
            if (!ours) {
                out.append(document);
                continue;
            }
            String[] lines = document.split("\n", -1);
            StringBuilder doc = new StringBuilder();
            for (int i = 0; i < lines.length; i++) {
                doc.append(lines[i]);
                if (i < lines.length - 1) {
                    doc.append('\n');
                }
                if (lines[i].matches("spec:\\s*") && i + 1 < lines.length) {
                    String next = lines[i + 1];
                    String indent = next.substring(0, next.length() - next.stripLeading().length());
                    if (!indent.isEmpty()) {
                        doc.append(indent).append(PROBE).append(": {unexpected: [1, true]}\n");
                    }
                }
            }
            String body = doc.toString();
            if (!body.endsWith("\n")) {
                body += "\n";
            }
            out.append(body).append(PROBE).append(": true\n");
        }
        return out.toString();
    }

    private static void deleteQuietly(Path root) {
        try (var walk = Files.walk(root)) {
            for (Path path : walk.sorted((x, y) -> y.getNameCount() - x.getNameCount()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // a temporary folder left behind does not change the verdict
        }
    }
}
