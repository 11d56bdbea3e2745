package io.kube2ecs.plugin.kind.pvc;

import io.kube2ecs.plugin.kind.deployment.DeploymentPlugin;
import io.kube2ecs.plugin.kind.pod.PodPlugin;
import io.kube2ecs.testkit.GoldenHarness;
import io.kube2ecs.testkit.ModelDumpPlugin;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Each folder under {@code golden/} holds claims and the Deployments and Pods that mount them, with the expected model and diagnostics. */
class PersistentVolumeClaimMapperGoldenTest {

    @TestFactory
    Stream<DynamicTest> goldenCases() {
        GoldenHarness harness = new GoldenHarness(() -> List.of(new DeploymentPlugin(), new PodPlugin(),
                new PersistentVolumeClaimPlugin(), new ModelDumpPlugin()), List.of("model"));
        return GoldenHarness.cases(Path.of("src/test/resources/golden")).stream()
                .map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> harness.check(dir)));
    }
}
