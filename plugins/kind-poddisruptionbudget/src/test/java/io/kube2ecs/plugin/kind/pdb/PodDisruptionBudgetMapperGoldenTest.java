package io.kube2ecs.plugin.kind.pdb;

import io.kube2ecs.plugin.kind.deployment.DeploymentPlugin;
import io.kube2ecs.testkit.GoldenHarness;
import io.kube2ecs.testkit.ModelDumpPlugin;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Each folder under {@code golden/} holds Deployments and budgets with the expected model and diagnostics. */
class PodDisruptionBudgetMapperGoldenTest {

    @TestFactory
    Stream<DynamicTest> goldenCases() {
        GoldenHarness harness = new GoldenHarness(() -> List.of(new DeploymentPlugin(), new PodDisruptionBudgetPlugin(),
                new ModelDumpPlugin()), List.of("model"));
        return GoldenHarness.cases(Path.of("src/test/resources/golden")).stream()
                .map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> harness.check(dir)));
    }
}
