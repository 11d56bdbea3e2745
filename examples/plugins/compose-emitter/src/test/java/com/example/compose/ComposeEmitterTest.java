package com.example.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kube2ecs.api.model.ContainerDefinition;
import io.kube2ecs.api.model.DeploymentModel;
import io.kube2ecs.api.model.ResourceId;
import io.kube2ecs.api.model.SecretRef;
import io.kube2ecs.api.model.TaskDefinition;
import io.kube2ecs.api.model.Value;
import io.kube2ecs.testkit.GoldenHarness;
import io.kube2ecs.testkit.PipelineRunner;
import io.kube2ecs.testkit.RunResult;
import io.kube2ecs.testkit.SampleModels;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Compose file for the test kit's sample model, pinned as a golden file, and single behaviours. */
class ComposeEmitterTest {

    private static RunResult emit(DeploymentModel model, Map<String, Object> options) {
        ComposePlugin plugin = new ComposePlugin();
        return PipelineRunner.emit(plugin.id(), plugin.emitters().get(0), model, options);
    }

    @Test
    void sampleModelMatchesTheGoldenFile() throws Exception {
        GoldenHarness.assertMatches(Path.of("src/test/resources/golden/shop"), emit(SampleModels.shop(), Map.of()));
    }

    @Test
    void publishOptionPublishesPorts() {
        String yaml = emit(SampleModels.shop(), Map.of("publish", "true")).file("compose/docker-compose.yaml");
        assertTrue(yaml.contains("    ports:\n      - \"80:80\"\n"), yaml);
    }

    @Test
    void secretsAreLeftOutWithAWarningThatNamesThemButNoValue() {
        DeploymentModel model = SampleModels.shop();
        TaskDefinition web = model.find(new ResourceId(TaskDefinition.TYPE, "shop", "web"), TaskDefinition.class).orElseThrow();
        ContainerDefinition container = web.containers().get(0);
        container.secrets().add(new SecretRef("DB_PASSWORD", Value.of("arn:aws:ssm:eu-west-1:123456789012:parameter/db"), null));
        RunResult result = emit(model, Map.of());
        assertEquals(1, result.withCode(ComposeEmitter.SECRETS_LEFT_OUT).size());
        assertTrue(result.renderedDiagnostics().contains("shop-web/DB_PASSWORD"), result.renderedDiagnostics());
        assertTrue(!result.file("compose/docker-compose.yaml").contains("parameter/db"));
    }

    @Test
    void emptyModelWritesNothing() {
        assertTrue(emit(PipelineRunner.newModel(), Map.of()).files().isEmpty());
    }
}
