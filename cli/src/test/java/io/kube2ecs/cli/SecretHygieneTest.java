package io.kube2ecs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No secret value, decoded or base64, appears in any output file of any target, nor in the
 * diagnostics, unless the user asks for --include-secret-values; then only in the one 0600 file.
 * The values are read from the inputs with a separate YAML parser, so this does not trust the
 * code under test to say what is secret.
 */
class SecretHygieneTest {

    @TempDir
    Path dir;

    private static final Path FIXTURE = Path.of("src/test/resources/secrets-fixture");

    /** Secret values of the input, with their base64 forms, skipping ones that also occur outside Secrets. */
    private static Set<String> secretValues(Path input) throws IOException {
        Set<String> values = new LinkedHashSet<>();
        StringBuilder notSecret = new StringBuilder();
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        List<Path> files;
        try (Stream<Path> walk = Files.walk(input)) {
            files = walk.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
        }
        for (Path file : files) {
            try (YAMLParser parser = new YAMLFactory().createParser(file.toFile())) {
                for (JsonNode document : yaml.readValues(parser, JsonNode.class).readAll()) {
                    if (!(document instanceof ObjectNode) || !"Secret".equals(document.path("kind").asText())) {
                        notSecret.append(document).append('\n');
                        continue;
                    }
                    document.path("data").fields().forEachRemaining(e -> {
                        values.add(e.getValue().asText());
                        values.add(new String(Base64.getMimeDecoder().decode(e.getValue().asText()), StandardCharsets.UTF_8));
                    });
                    document.path("stringData").fields().forEachRemaining(e -> {
                        values.add(e.getValue().asText());
                        values.add(Base64.getEncoder().encodeToString(e.getValue().asText().getBytes(StandardCharsets.UTF_8)));
                    });
                }
            }
        }
        values.removeIf(v -> v.length() < 6 || notSecret.indexOf(v) >= 0);
        return values;
    }

    private static List<String> hits(Path out, Set<String> values) throws IOException {
        List<String> hits = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(out)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                String content = Files.readString(file, StandardCharsets.UTF_8);
                for (String value : values) {
                    if (content.contains(value)) {
                        hits.add(out.relativize(file).toString());
                    }
                }
            }
        }
        return hits;
    }

    @Test
    void ownFixtureLeaksNothingByDefault() throws IOException {
        Set<String> values = secretValues(FIXTURE);
        assertThat(values).contains("s3cret-passw0rd-982347", "tok_live_51HxQm2eZvKYlo2C8x");
        Path out = dir.resolve("out");
        CliRunner.Result run = CliRunner.run(dir, "convert", "-f", FIXTURE.toAbsolutePath().toString(), "-o", out.toString(), "-v");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(hits(out, values)).isEmpty();
        assertThat(values).noneMatch(v -> run.err().contains(v) || run.out().contains(v));
        CliRunner.Result json = CliRunner.run(dir, "convert", "-f", FIXTURE.toAbsolutePath().toString(), "-o", out.toString(),
                "--diagnostics", "json");
        assertThat(values).noneMatch(v -> json.out().contains(v));
    }

    @Test
    void includeSecretValuesWritesThemToOnePrivateFileOnly() throws IOException {
        Set<String> values = secretValues(FIXTURE);
        Path out = dir.resolve("out");
        CliRunner.Result run = CliRunner.run(dir, "convert", "-f", FIXTURE.toAbsolutePath().toString(), "-o", out.toString(),
                "--include-secret-values");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(hits(out, values)).isNotEmpty().allMatch(file -> file.equals("secret-values.env"));
        assertThat(Files.readString(out.resolve("secret-values.env"))).contains("s3cret-passw0rd-982347", "Pa55-registry-7781");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("secret-values.env")))).isEqualTo("rw-------");
        assertThat(run.err()).contains("secret-values.env").doesNotContain("s3cret-passw0rd-982347");

        CliRunner.Result again = CliRunner.run(dir, "convert", "-f", FIXTURE.toAbsolutePath().toString(), "-o", out.toString());
        assertThat(again.exitCode()).isZero();
        assertThat(out.resolve("secret-values.env")).as("a later run without the flag removes the file").doesNotExist();
    }

    @Test
    void corpusCasesWithSecretsLeakNothing() throws IOException {
        int checked = 0;
        try (Stream<Path> cases = Files.list(CorpusPaths.corpus())) {
            for (Path source : cases.filter(Files::isDirectory).sorted().toList()) {
                Set<String> values = secretValues(source);
                if (values.isEmpty()) {
                    continue;
                }
                checked += values.size();
                Path out = dir.resolve(source.getFileName().toString());
                CliRunner.Result run = CliRunner.run(dir, "convert", "-f", source.toString(), "-R", "-o", out.toString(), "-v");
                assertThat(run.exitCode()).as(run.err()).isZero();
                assertThat(hits(out, values)).as(source.toString()).isEmpty();
                assertThat(values).noneMatch(v -> run.err().contains(v));
            }
        }
        assertThat(checked).as("secret values found in the corpus").isPositive();
    }
}
