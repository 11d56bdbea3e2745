package io.kube2ecs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzz test of the whole command: any file content given to
 * {@code kube2ecs convert -f in.yaml -o out --fail-on unconverted}, with every bundled plugin on the
 * class path, gives output or diagnostics: a documented exit code (0, 1 or 4), no internal error,
 * no plugin failure ({@code K2E401}), no stack trace, and with exit code 1 no output folder.
 *
 * <p>In {@code mvn verify} it runs once on each file under
 * {@code src/test/resources/io/kube2ecs/cli/ConvertFuzzTestInputs/} (seeds and past findings).
 * {@code JAZZER_FUZZ=1} fuzzes it; see docs/testing.md.
 */
class ConvertFuzzTest {

    /** A line of a Java stack trace, or the start of a chained one. */
    private static final Pattern STACK_TRACE = Pattern.compile("(?m)^(\\tat [\\w$.]+\\(|Caused by: [\\w$.]+)");
    /** A plugin exception the core turned into a diagnostic: still a bug. */
    private static final Pattern PLUGIN_FAILURE = Pattern.compile("(?m)^(\\S+: )?error\\[K2E401\\]");

    private static Path base;
    private static int run;

    @BeforeAll
    static void createBase() throws IOException {
        Path shm = Path.of("/dev/shm");
        // a memory file system when there is one: every input writes and deletes a folder
        base = Files.isDirectory(shm) && Files.isWritable(shm)
                ? Files.createTempDirectory(shm, "kube2ecs-fuzz") : Files.createTempDirectory("kube2ecs-fuzz");
    }

    @AfterAll
    static void deleteBase() {
        delete(base);
    }

    @DictionaryFile(resourcePath = "kubernetes.dict") // tokens for the mutator, used when fuzzing
    @FuzzTest(maxDuration = "6m")
    // per input: a hang fails the test (a separate thread, so a busy loop is caught too); when
    // fuzzing, Jazzer turns it into libFuzzer's -timeout and JUnit's own timeout is off (pom.xml)
    @Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void anyInputGivesOutputOrDiagnostics(byte[] input) throws IOException {
        Path dir = Files.createDirectory(base.resolve("run" + run++));
        try {
            Files.write(dir.resolve("in.yaml"), input);
            CliRunner.Result result = CliRunner.run(dir, "convert", "-f", "in.yaml", "-o", "out",
                    "--fail-on", "unconverted", "--stacktrace");
            String err = result.err();
            assertThat(result.exitCode()).as(err).isIn(ExitCodes.OK, ExitCodes.CONVERSION_ERRORS, ExitCodes.GATE);
            assertThat(STACK_TRACE.matcher(err).find()).as(err).isFalse();
            assertThat(PLUGIN_FAILURE.matcher(err).find()).as(err).isFalse();
            try (Stream<Path> files = Files.list(dir)) {
                // nothing beside the output folder: no temporary folder left behind
                assertThat(files.map(p -> p.getFileName().toString()).toList()).as(err).isSubsetOf(List.of("in.yaml", "out"));
            }
            if (result.exitCode() == ExitCodes.CONVERSION_ERRORS) {
                assertThat(err).contains("nothing written");
                assertThat(dir.resolve("out")).as(err).doesNotExist();
            } else {
                assertThat(err).as(err).containsPattern("(?m)^\\d+ objects: .*; 0 errors, ");
            }
        } finally {
            delete(dir);
        }
    }

    private static void delete(Path path) {
        if (path == null || !Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
