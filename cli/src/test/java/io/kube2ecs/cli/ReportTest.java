package io.kube2ecs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code report.md} and {@code report.json} over the retail store: every object with its fate,
 * the diagram, every field the coverage check reported, and a JSON document that matches the
 * published schema and agrees with the console.
 */
class ReportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private CliRunner.Result convertRetail() {
        CliRunner.Result result = CliRunner.run(dir, "convert", "-v", "-f", CorpusPaths.corpus().resolve("eks-workshop-retail").toString(),
                "-R", "-o", dir.resolve("out").toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        return result;
    }

    @Test
    void theMarkdownReportShowsEveryObjectTheDiagramAndTheUnconvertedFields() throws IOException {
        CliRunner.Result result = convertRetail();
        String report = Files.readString(dir.resolve("out/report.md"));
        JsonNode json = JSON.readTree(dir.resolve("out/report.json").toFile());

        assertThat(json.get("objects")).hasSize(42);
        for (JsonNode object : json.get("objects")) {
            String kind = object.get("apiVersion").asText().contains("/")
                    ? object.get("apiVersion").asText().replaceAll("/.*", "") + "/" + object.get("kind").asText()
                    : object.get("kind").asText();
            String name = object.get("namespace").asText().isEmpty() ? object.get("name").asText()
                    : object.get("namespace").asText() + "/" + object.get("name").asText();
            String fate = switch (object.get("fate").asText()) {
                case "converted" -> "| converted |";
                case "approximated" -> "| converted with approximations: see ";
                default -> "| not converted: ";
            };
            assertThat(report).as(kind + " " + name).containsPattern("\\| " + Pattern.quote(kind + " " + name) + " \\| `[^`]+:"
                    + object.get("line").asInt() + "` " + Pattern.quote(fate));
        }
        assertThat(json.at("/summary/notConverted").asInt()).isEqualTo(6); // the 6 Namespaces

        String diagram = report.substring(report.indexOf("```mermaid\n"), report.indexOf("```\n", report.indexOf("```mermaid\n") + 3));
        assertThat(diagram).startsWith("```mermaid\nflowchart LR\n")
                .contains("subgraph ns_catalog[\"namespace catalog\"]", "{{\"ALB retail-app-group<br/>internet-facing\"}}",
                        "{{\"NLB ui-ui-nlb<br/>internet-facing\"}}", "((\"catalog.catalog.svc.cluster.local\"))", "SSM parameters");
        assertThat(diagram.lines().filter(l -> l.contains("-->|")).count()).isEqualTo(3);

        // every field the console reported as not converted is a row of the report, at the same place
        List<String> consoleFields = new ArrayList<>();
        Matcher matcher = Pattern.compile("(?m)^(\\S+:\\d+:\\d+): (?:warning|info)\\[K2E20[12]\\]").matcher(result.err());
        while (matcher.find()) {
            consoleFields.add(matcher.group(1));
        }
        assertThat(consoleFields).isNotEmpty();
        assertThat(json.get("fieldsNotConverted")).hasSize(consoleFields.size());
        for (String at : consoleFields) {
            assertThat(report).contains("| `" + at + "` |");
        }
        assertThat(report).contains("## Fields not converted", "## Environment values", "## Fargate sizes",
                "| `carts-carts` | 0.25 | 1024 | Fargate size 0.25 vCPU / 1024 MiB");
    }

    @Test
    void theJsonReportMatchesItsPublishedSchema() throws IOException {
        convertRetail();
        JsonSchema schema;
        try (var in = Files.newInputStream(CorpusPaths.repositoryRoot().resolve("docs/report.schema.json"))) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
        JsonNode report = JSON.readTree(dir.resolve("out/report.json").toFile());
        assertThat(schema.validate(report)).isEmpty();

        // and the schema is strict enough to notice a report that drifted from it
        ((com.fasterxml.jackson.databind.node.ObjectNode) report).put("unexpected", true);
        ((com.fasterxml.jackson.databind.node.ObjectNode) report.get("objects").get(0)).put("fate", "maybe");
        assertThat(schema.validate(report)).hasSize(2);
    }

    @Test
    void aFailedRunWritesNoReport() throws IOException {
        Files.writeString(dir.resolve("bad.yaml"), "apiVersion: v1\nkind: Service\n  bad: indent\n");
        CliRunner.Result result = CliRunner.run(dir, "convert", "-f", "bad.yaml", "-o", "out");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(dir.resolve("out")).doesNotExist();
    }
}
