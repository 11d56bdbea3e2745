package io.kube2ecs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Inputs real repositories contain that are not valid manifests: each gets its diagnostic code at
 * a file:line where there is one, exit code 1, no stack trace and no output folder.
 */
class BadInputTest {

    @TempDir
    Path dir;

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: api}
            spec:
              replicas: %s
              template:
                spec:
                  containers:
                  - name: api
                    image: example/api:1
                    ports: [{containerPort: %s}]
                    resources: {requests: {cpu: %s}}
            """;

    static Stream<Arguments> badInputs() {
        StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 10; i++) {
            String previous = i == 1 ? "a" : "b" + (i - 1);
            bomb.append("b").append(i).append(": &b").append(i).append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(9, "*" + previous))).append("]\n");
        }
        StringBuilder huge = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: huge}\ndata:\n");
        for (int i = 0; i < 1100; i++) {
            huge.append("  key").append(i).append(": ").append("x".repeat(1000)).append('\n');
        }
        return Stream.of(
                Arguments.of("ConfigMap over Kubernetes' 1 MiB", huge.toString().getBytes(StandardCharsets.UTF_8),
                        "error[CM004]", "bad.yaml:1:1"),
                Arguments.of("tab indentation", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n\tname: x\n".getBytes(StandardCharsets.UTF_8),
                        "error[K2E002]", "bad.yaml:4:"),
                Arguments.of("unclosed quote", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: \"x}\n".getBytes(StandardCharsets.UTF_8),
                        "error[K2E002]", "bad.yaml:"),
                Arguments.of("Helm template", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Values.name }}\n"
                        .getBytes(StandardCharsets.UTF_8), "error[K2E002]", "helm template"),
                Arguments.of("alias bomb", bomb.toString().getBytes(StandardCharsets.UTF_8), "error[K2E004]", "bad.yaml:1:"),
                Arguments.of("10,000-deep nesting", ("a: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n")
                        .getBytes(StandardCharsets.UTF_8), "error[K2E004]", "bad.yaml"),
                Arguments.of("binary file", binary(), "error[K2E001]", "bad.yaml"),
                Arguments.of("Latin-1 file", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: caf\u00e9}\n"
                        .getBytes(StandardCharsets.ISO_8859_1), "error[K2E001]", "bad.yaml"),
                Arguments.of("namespace with a slash", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  namespace: a/../../b\n"
                        .getBytes(StandardCharsets.UTF_8), "error[K2E006]", "bad.yaml:5:3"),
                Arguments.of("no kind", "apiVersion: v1\nmetadata: {name: w}\n".getBytes(StandardCharsets.UTF_8),
                        "error[K2E006]", "bad.yaml:1:"),
                Arguments.of("replicas as a word", DEPLOYMENT.formatted("\"three\"", 8080, "100m").getBytes(StandardCharsets.UTF_8),
                        "error[POD007]", "bad.yaml:5:"),
                Arguments.of("port as a name", DEPLOYMENT.formatted(1, "\"http\"", "100m").getBytes(StandardCharsets.UTF_8),
                        "error[POD006]", "bad.yaml:11:"),
                Arguments.of("invalid quantity", DEPLOYMENT.formatted(1, 8080, "lots").getBytes(StandardCharsets.UTF_8),
                        "error[POD003]", "bad.yaml:12:"),
                Arguments.of("no containers", ("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: a}\nspec:\n  template:\n"
                        + "    spec:\n      containers: []\n").getBytes(StandardCharsets.UTF_8), "error[POD001]", "bad.yaml:"),
                Arguments.of("no image", ("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: a}\nspec:\n  template:\n"
                        + "    spec:\n      containers:\n      - name: a\n").getBytes(StandardCharsets.UTF_8), "error[POD002]", "bad.yaml:"),
                Arguments.of("50 MB file", fiftyMegabytes(), "error[CM004]", "bad.yaml:1:1"),
                Arguments.of("names that collide after sanitising", (DEPLOYMENT.formatted(1, 8080, "100m")
                        .replace("metadata: {name: api}", "metadata: {name: c, namespace: a-b}") + "---\n"
                        + DEPLOYMENT.formatted(1, 8080, "100m").replace("metadata: {name: api}", "metadata: {name: b-c, namespace: a}"))
                        .getBytes(StandardCharsets.UTF_8), "error[K2E302]", "(model)"));
    }

    /** 50 MB of valid YAML: one ConfigMap whose data is far over the API server's 1 MiB object limit. */
    private static byte[] fiftyMegabytes() {
        StringBuilder text = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: fifty}\ndata:\n");
        String value = "x".repeat(1000);
        for (int i = 0; text.length() < 50_000_000; i++) {
            text.append("  k").append(i).append(": ").append(value).append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] binary() {
        byte[] bytes = new byte[256];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) i;
        }
        return bytes;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void badInputIsDiagnosedWithExitOneAndNothingWritten(String name, byte[] content, String code, String where) throws Exception {
        Files.write(dir.resolve("bad.yaml"), content);
        CliRunner.Result result = CliRunner.run(dir, "convert", "-f", "bad.yaml", "-o", "out");
        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.CONVERSION_ERRORS);
        assertThat(result.err()).contains(code).contains(where).contains("nothing written")
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void anErrorWhileEmittingLeavesNoFolderBehindNotEvenTheParentsItMade() throws Exception {
        // the emitters write into a staging folder as they go, so it exists when an emitter reports an error
        Files.writeString(dir.resolve("good.yaml"), DEPLOYMENT.formatted(1, 8080, "100m"));
        CliRunner.Result result = CliRunner.run(dir, "convert", "-f", "good.yaml", "-o", "new/deep/out",
                "--option", "emit-cloudformation.split=bogus");
        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.CONVERSION_ERRORS);
        assertThat(result.err()).contains("CFN003").contains("nothing written");
        try (var entries = Files.list(dir)) {
            assertThat(entries.map(p -> p.getFileName().toString())).containsExactly("good.yaml");
        }
    }

    @Test
    void anExistingOutputFolderKeepsTheUsersFilesAndAFailedRunChangesNothing() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve("notes.txt"), "mine");
        Files.writeString(dir.resolve("good.yaml"), DEPLOYMENT.formatted(1, 8080, "100m"));
        assertThat(CliRunner.run(dir, "convert", "-f", "good.yaml", "-o", "out").exitCode()).isZero();
        Path task = out.resolve("ecs/default/api/task-definition.json");
        String converted = Files.readString(task);
        assertThat(Files.readString(out.resolve("notes.txt"))).isEqualTo("mine");

        Files.writeString(dir.resolve("good.yaml"), DEPLOYMENT.formatted(1, 8080, "lots"));
        assertThat(CliRunner.run(dir, "convert", "-f", "good.yaml", "-o", "out").exitCode()).isEqualTo(ExitCodes.CONVERSION_ERRORS);
        assertThat(Files.readString(task)).isEqualTo(converted);
        assertThat(Files.readString(out.resolve("notes.txt"))).isEqualTo("mine");
    }

    @Test
    void theSameObjectInTwoFilesIsAWarningNamingBoth() throws Exception {
        Files.writeString(dir.resolve("a.yaml"), DEPLOYMENT.formatted(1, 8080, "100m"));
        Files.writeString(dir.resolve("b.yaml"), DEPLOYMENT.formatted(2, 8080, "100m"));
        CliRunner.Result result = CliRunner.run(dir, "convert", "-f", "a.yaml", "-f", "b.yaml", "-o", "out");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).contains("b.yaml:1:1: warning[K2E007]").contains("a.yaml:1");
    }

    @Test
    void unknownKindsAndCustomResourcesAreReportedAndTheRestIsConverted() throws Exception {
        Files.writeString(dir.resolve("app.yaml"), DEPLOYMENT.formatted(1, 8080, "100m") + """
                ---
                apiVersion: argoproj.io/v1alpha1
                kind: Rollout
                metadata: {name: api}
                spec: {replicas: 2}
                ---
                apiVersion: example.com/v9
                kind: Widget
                metadata: {name: w}
                """);
        CliRunner.Result result = CliRunner.run(dir, "convert", "-f", "app.yaml", "-o", "out");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).contains("app.yaml:14:1: warning[K2E101]: argoproj.io/Rollout default/api is not converted")
                .contains("app.yaml:19:1: warning[K2E101]: example.com/Widget default/w is not converted");
        assertThat(dir.resolve("out/ecs/default/api/task-definition.json")).exists();
    }

    @Test
    void linkLoopsBrokenLinksAndFifosInAFolderAreReportedAndNeverBlock() throws Exception {
        Path input = Files.createDirectories(dir.resolve("input/sub"));
        Files.writeString(input.resolve("app.yaml"), DEPLOYMENT.formatted(1, 8080, "100m"));
        Files.createSymbolicLink(input.resolve("loop"), input.getParent());
        Files.createSymbolicLink(input.resolve("broken.yaml"), input.resolve("missing.yaml"));
        Files.createSymbolicLink(input.resolve("a.yaml"), input.resolve("b.yaml"));
        Files.createSymbolicLink(input.resolve("b.yaml"), input.resolve("a.yaml"));
        Process mkfifo = new ProcessBuilder("mkfifo", input.resolve("pipe.yaml").toString()).start();
        assertThat(mkfifo.waitFor()).isZero();

        CliRunner.Result result = CliRunner.run(dir, "convert", "-f", "input", "-R", "-o", "out");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).contains("input/sub/loop: warning[K2E001]: symbolic link to a folder is not followed")
                .contains("input/sub/broken.yaml: warning[K2E001]: skipped: not a regular file")
                .contains("input/sub/a.yaml: warning[K2E001]").contains("input/sub/b.yaml: warning[K2E001]")
                .contains("input/sub/pipe.yaml: warning[K2E001]");
        assertThat(dir.resolve("out/ecs/default/api/task-definition.json")).exists();
    }

    @Test
    void anUnreadableFileIsAnErrorAndNothingIsWritten() throws Exception {
        Path unreadable;
        if ("root".equals(System.getProperty("user.name"))) {
            // permissions do not stop root; reading offset 0 of a process's own memory fails with EIO for everyone
            unreadable = Path.of("/proc/self/mem");
        } else {
            unreadable = Files.writeString(dir.resolve("secret.yaml"), DEPLOYMENT.formatted(1, 8080, "100m"));
            Files.setPosixFilePermissions(unreadable, java.util.Set.of());
        }
        Files.writeString(dir.resolve("good.yaml"), DEPLOYMENT.formatted(1, 8080, "100m"));
        CliRunner.Result result = CliRunner.run(dir, "convert", "-f", "good.yaml", "-f", unreadable.toString(), "-o", "out");
        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.CONVERSION_ERRORS);
        assertThat(result.err()).contains(unreadable + ": error[K2E001]: cannot read file").contains("nothing written")
                .doesNotContain("\tat ");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void anOutputFolderThatCannotBeCreatedIsAnErrorAndNothingElseIsTouched() throws Exception {
        Files.writeString(dir.resolve("good.yaml"), DEPLOYMENT.formatted(1, 8080, "100m"));
        Files.writeString(dir.resolve("file"), "a regular file where a folder is needed");
        CliRunner.Result result = CliRunner.run(dir, "convert", "-f", "good.yaml", "-o", "file/out");
        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.CONVERSION_ERRORS);
        assertThat(result.err()).contains("error[K2E010]: cannot write the output").doesNotContain("\tat ");
        assertThat(Files.readString(dir.resolve("file"))).isEqualTo("a regular file where a folder is needed");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("good.yaml", "file");
        }
    }
}
