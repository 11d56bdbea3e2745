package io.kube2ecs.plugin.kind.hpa;

import io.kube2ecs.plugin.kind.deployment.DeploymentPlugin;
import io.kube2ecs.testkit.GoldenHarness;
import io.kube2ecs.testkit.ModelDumpPlugin;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Each folder under {@code golden/} holds Deployments and autoscalers with the expected model and diagnostics. */
class HorizontalPodAutoscalerMapperGoldenTest {

    @TestFactory
    Stream<DynamicTest> goldenCases() {
        GoldenHarness harness = new GoldenHarness(() -> List.of(new DeploymentPlugin(), new HorizontalPodAutoscalerPlugin(),
                new ModelDumpPlugin()), List.of("model"));
        return GoldenHarness.cases(Path.of("src/test/resources/golden")).stream()
                .map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> harness.check(dir)));
    }
}
