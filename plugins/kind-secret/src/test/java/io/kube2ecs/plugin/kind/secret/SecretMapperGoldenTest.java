package io.kube2ecs.plugin.kind.secret;

import io.kube2ecs.testkit.GoldenHarness;
import io.kube2ecs.testkit.ModelDumpPlugin;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Each folder under {@code golden/} holds input manifests with the expected model and diagnostics. */
class SecretMapperGoldenTest {

    @TestFactory
    Stream<DynamicTest> goldenCases() {
        GoldenHarness harness = new GoldenHarness(() -> List.of(new SecretPlugin(), new ModelDumpPlugin()), List.of("model"));
        return GoldenHarness.cases(Path.of("src/test/resources/golden")).stream()
                .map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> harness.check(dir)));
    }
}
