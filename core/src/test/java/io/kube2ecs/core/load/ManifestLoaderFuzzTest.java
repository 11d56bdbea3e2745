package io.kube2ecs.core.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.kube2ecs.api.diag.Diagnostic;
import io.kube2ecs.api.diag.Severity;
import io.kube2ecs.core.diag.Codes;
import io.kube2ecs.core.diag.DiagnosticCollector;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzz test of the loader alone: any text, read as YAML (or JSON when it starts with a brace or
 * bracket) and read again as a {@code .json} file, yields objects or diagnostics, never an
 * exception or a hang.
 *
 * <p>In {@code mvn verify} it runs once on each file under
 * {@code src/test/resources/io/kube2ecs/core/load/ManifestLoaderFuzzTestInputs/} (seeds and past
 * findings). {@code JAZZER_FUZZ=1} fuzzes it; see docs/testing.md.
 */
class ManifestLoaderFuzzTest {

    /** Every code the loader reports. */
    private static final Set<String> LOADER_CODES = Set.of(Codes.YAML_SYNTAX, Codes.JSON_SYNTAX, Codes.YAML_LIMIT,
            Codes.DUPLICATE_KEY, Codes.NOT_AN_OBJECT, Codes.NAMESPACE_MISMATCH, Codes.BUILD_FILE);

    @DictionaryFile(resourcePath = "yaml.dict") // tokens for the mutator, used when fuzzing
    @FuzzTest(maxDuration = "5m")
    // per input: a hang fails the test (a separate thread, so a busy loop is caught too); when
    // fuzzing, Jazzer turns it into libFuzzer's -timeout and JUnit's own timeout is off (pom.xml)
    @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void anyTextGivesObjectsOrDiagnostics(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        // YAML, or JSON when the text starts with { or [; objects in another namespace are fine
        check("fuzz.yaml", text, false);
        // a .json file is always read as JSON; with -n, another namespace is an error
        check("fuzz.json", text, true);
    }

    private static void check(String origin, String text, boolean namespaceForced) {
        DiagnosticCollector diagnostics = new DiagnosticCollector();
        List<LoadedObject> objects = new ManifestLoader(LoadLimits.DEFAULT, "default", namespaceForced)
                .load(origin, text, diagnostics);
        for (Diagnostic d : diagnostics.sorted()) {
            assertThat(d.code()).as(d.render()).isIn(LOADER_CODES);
            assertThat(d.message()).as(d.render()).isNotBlank();
            assertThat(d.location()).as(d.render()).isNotNull();
            assertThat(d.location().file()).as(d.render()).isEqualTo(origin);
            if (d.code().equals(Codes.YAML_SYNTAX) || d.code().equals(Codes.JSON_SYNTAX)) {
                assertThat(d.location().line()).as("a syntax error has a line: " + d.render()).isPositive();
            }
        }
        for (LoadedObject object : objects) {
            assertThat(object.root().shape()).isEqualTo(YamlNode.Shape.MAP);
            assertThat(object.ref().name()).isNotEmpty();
            assertThat(object.file()).isEqualTo(origin);
            if (namespaceForced) {
                assertThat(object.ref().namespace()).isIn("default", "");
            }
        }
        if (diagnostics.count(Severity.ERROR) == 0 && !text.isBlank() && objects.isEmpty()) {
            // nothing loaded and no error: only comments, empty documents or a skipped kustomization
            assertThat(diagnostics.sorted()).allMatch(d -> d.code().equals(Codes.BUILD_FILE));
        }
    }
}
