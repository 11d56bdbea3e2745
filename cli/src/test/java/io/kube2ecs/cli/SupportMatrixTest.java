package io.kube2ecs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.kube2ecs.api.spi.FieldSupport;
import io.kube2ecs.api.spi.KindMapper;
import io.kube2ecs.api.spi.Plugin;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The support matrix cannot drift from the code: {@code docs/support-matrix.md} is what the
 * installed plugins declare ({@link KindMapper#fieldSupport()}), and the declarations agree with
 * what the mappers really do over every corpus case and model golden input — each field they read
 * is declared, no field they report as not converted ({@code K2E201}) is declared mapped, and each
 * field they leave out on purpose ({@code K2E202}) is declared ignored. Regenerate the page with
 * {@code -Dkube2ecs.golden.update=true}.
 */
class SupportMatrixTest {

    /** Read by the core for every object (identity), or set by the API server. */
    private static final Set<String> CORE_FIELDS = Set.of("apiVersion", "kind", "metadata.name", "metadata.namespace");
    private static final Pattern CORE_IGNORED = Pattern.compile("^(status|metadata\\.(uid|resourceVersion|generation|creationTimestamp"
            + "|managedFields|selfLink|deletionTimestamp|deletionGracePeriodSeconds))([.\\[].*)?$");
    /** An annotation of the object or of a template; the core tells those that only record what a tool did. */
    private static final Pattern ANNOTATION = Pattern.compile("^(?:.*\\.)?metadata\\.annotations\\.(.+)$");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLFactory YAML = new YAMLFactory();

    @TempDir
    Path dir;

    private static Map<String, List<FieldSupport>> declarations() {
        Map<String, List<FieldSupport>> out = new TreeMap<>();
        for (Plugin plugin : ServiceLoader.load(Plugin.class)) {
            for (KindMapper mapper : plugin.kindMappers()) {
                out.put(mapper.kind().toString(), mapper.fieldSupport());
            }
        }
        return out;
    }

    @Test
    void theCommittedMatrixIsWhatTheCliGeneratesFromTheInstalledPlugins() throws IOException {
        CliRunner.Result result = CliRunner.run(dir, "plugins", "--support-matrix");
        assertThat(result.exitCode()).as(result.err()).isZero();
        String generated = result.out();
        Path page = CorpusPaths.repositoryRoot().resolve("docs/support-matrix.md");
        if (Boolean.getBoolean("kube2ecs.golden.update")) {
            Files.writeString(page, generated, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(page, StandardCharsets.UTF_8))
                .as("docs/support-matrix.md is stale: rerun with -Dkube2ecs.golden.update=true").isEqualTo(generated);
        assertThat(generated).contains("| `spec.template.spec.containers[].image` | mapped | image |");
    }

    @Test
    void theDeclarationsAgreeWithWhatTheMappersDo() throws IOException {
        Map<String, List<FieldSupport>> declared = declarations();
        Map<String, Set<String>> read = new TreeMap<>();
        Map<String, Set<String>> notConverted = new TreeMap<>();
        Map<String, Set<String>> leftOut = new TreeMap<>();
        int runs = 0;
        for (Path input : inputs()) {
            Path out = dir.resolve("run" + runs++);
            CliRunner.Result result = CliRunner.run(dir, "convert", "-f", input.toString(), "-R", "-o", out.toString(),
                    "--target", "ecs-json");
            if (result.exitCode() != 0 || !Files.exists(out.resolve("report.json"))) {
                continue; // the cases that test errors, and an input with nothing to deploy, write no report
            }
            JsonNode report = JSON.readTree(out.resolve("report.json").toFile());
            for (JsonNode object : report.get("objects")) {
                if (object.get("fate").asText().equals("notConverted")) {
                    continue;
                }
                String kind = kind(object);
                Set<String> reported = new TreeSet<>();
                for (JsonNode diagnostic : object.get("diagnostics")) {
                    String code = diagnostic.get("code").asText();
                    String path = diagnostic.get("path").asText("");
                    if (code.equals("K2E201") || code.equals("K2E202")) {
                        reported.add(path);
                        if (!coreIgnored(path)) {
                            (code.equals("K2E201") ? notConverted : leftOut).computeIfAbsent(kind, k -> new TreeSet<>()).add(normalize(path));
                        }
                    }
                }
                JsonNode document = document(object);
                List<String> leaves = new ArrayList<>();
                leaves(document, "", leaves);
                for (String leaf : leaves) {
                    boolean covered = reported.stream().anyMatch(p -> leaf.equals(p) || leaf.startsWith(p + ".") || leaf.startsWith(p + "["));
                    if (!covered && !CORE_FIELDS.contains(leaf) && !coreIgnored(leaf)) {
                        read.computeIfAbsent(kind, k -> new TreeSet<>()).add(normalize(leaf));
                    }
                }
            }
        }
        assertThat(runs).isGreaterThan(20);
        assertThat(read.keySet()).as("kinds converted over the test inputs").contains("apps/Deployment", "Service", "ConfigMap",
                "Secret", "networking.k8s.io/Ingress", "Pod", "ServiceAccount");

        List<String> problems = new ArrayList<>();
        read.forEach((kind, paths) -> paths.stream().filter(p -> covering(declared.get(kind), p) == null)
                .forEach(p -> problems.add(kind + ": the mapper reads '" + p + "', which it does not declare")));
        notConverted.forEach((kind, paths) -> paths.forEach(p -> {
            FieldSupport support = covering(declared.get(kind), p);
            if (support != null && support.level() == FieldSupport.Level.MAPPED) {
                problems.add(kind + ": '" + p + "' is reported as not converted (K2E201) but declared mapped by '" + support.path() + "'");
            }
        }));
        leftOut.forEach((kind, paths) -> paths.forEach(p -> {
            FieldSupport support = covering(declared.get(kind), p);
            if (support == null || support.level() == FieldSupport.Level.MAPPED) {
                problems.add(kind + ": '" + p + "' is left out on purpose (K2E202) but not declared ignored or partial");
            }
        }));
        assertThat(problems).isEmpty();
    }

    private static List<Path> inputs() throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> cases = Files.list(CorpusPaths.corpus())) {
            cases.filter(Files::isDirectory).sorted().forEach(out::add);
        }
        try (Stream<Path> cases = Files.list(CorpusPaths.repositoryRoot().resolve("cli/src/test/resources/e2e-model"))) {
            cases.map(c -> c.resolve("input")).filter(Files::isDirectory).sorted().forEach(out::add);
        }
        out.add(CorpusPaths.repositoryRoot().resolve("examples/quickstart"));
        return out;
    }

    private static String kind(JsonNode object) {
        String apiVersion = object.get("apiVersion").asText();
        return (apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) + "/" : "") + object.get("kind").asText();
    }

    /** The document of the report's object, found in its file by kind and name. */
    private static JsonNode document(JsonNode object) throws IOException {
        Path file = Path.of(object.get("file").asText());
        if (!file.isAbsolute()) {
            file = Path.of(object.get("file").asText()).toAbsolutePath();
        }
        List<JsonNode> documents = new ArrayList<>();
        if (file.toString().endsWith(".json")) {
            documents.add(JSON.readTree(file.toFile()));
        } else {
            try (YAMLParser parser = YAML.createParser(file.toFile())) {
                JSON.readValues(parser, JsonNode.class).forEachRemaining(documents::add);
            }
        }
        List<JsonNode> flattened = new ArrayList<>();
        for (JsonNode document : documents) {
            if (document != null && document.path("kind").asText().endsWith("List") && document.has("items")) {
                document.get("items").forEach(flattened::add);
            } else if (document != null) {
                flattened.add(document);
            }
        }
        for (JsonNode document : flattened) {
            if (document.path("kind").asText().equals(object.get("kind").asText())
                    && document.path("metadata").path("name").asText().equals(object.get("name").asText())) {
                return document;
            }
        }
        throw new AssertionError("no " + object.get("kind").asText() + " " + object.get("name").asText() + " in " + file);
    }

    /** Every scalar's path, as diagnostics write it; empty maps, lists and nulls carry nothing. */
    private static void leaves(JsonNode node, String path, List<String> out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(f -> leaves(f.getValue(), path.isEmpty() ? f.getKey() : path + "." + f.getKey(), out));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                leaves(node.get(i), path + "[" + i + "]", out);
            }
        } else if (!node.isNull()) {
            out.add(path);
        }
    }

    private static String normalize(String path) {
        return path.replaceAll("\\[\\d+]", "[]");
    }

    private static FieldSupport covering(List<FieldSupport> declared, String path) {
        if (declared == null) {
            return null;
        }
        FieldSupport best = null;
        for (FieldSupport support : declared) {
            String regex = Pattern.quote(support.path()).replace("*", "\\E[^\\[]*\\Q") + "([.\\[].*)?";
            if (path.matches(regex) && (best == null || support.path().length() > best.path().length())) {
                best = support;
            }
        }
        return best;
    }

    private static boolean coreIgnored(String path) {
        if (CORE_IGNORED.matcher(path).matches()) {
            return true;
        }
        java.util.regex.Matcher annotation = ANNOTATION.matcher(path);
        if (!annotation.matches()) {
            return false;
        }
        io.kube2ecs.core.transform.KnownAnnotations.Verdict verdict = io.kube2ecs.core.transform.KnownAnnotations.of(annotation.group(1));
        return verdict != null && verdict.record();
    }
}
