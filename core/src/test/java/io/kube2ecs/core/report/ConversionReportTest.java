package io.kube2ecs.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.kube2ecs.api.model.DeploymentModel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;

/** The report's two files as bytes: streamed, they must read as the strings did. */
class ConversionReportTest {

    @Test
    void charactersBeyondTheBasicPlaneAreWrittenAsUtf8NotAsEscapes() throws Exception {
        SortedMap<String, java.io.ByteArrayOutputStream> files = new java.util.TreeMap<>();
        ConversionReport.write(new ConversionReport.Inputs(List.of("apps-\ud83d\ude80.yaml"),
                List.of("ecs-json"), List.of(), Set.of(), new DeploymentModel(), List.of(), List.of("ecs/x.json")),
                name -> files.computeIfAbsent(name, n -> new java.io.ByteArrayOutputStream()));
        String json = files.get(ConversionReport.JSON).toString(StandardCharsets.UTF_8);
        assertThat(json).contains("\"apps-\ud83d\ude80.yaml\"").doesNotContain("\\uD83D").doesNotContain("\\ud83d")
                .startsWith("{\n  \"schemaVersion\" : ").endsWith("}\n").doesNotContain("\r");
        assertThat(files.get(ConversionReport.MARKDOWN).toString(StandardCharsets.UTF_8)).contains("apps-\ud83d\ude80.yaml");
    }
}
