package com.example.rollout;

import io.kube2ecs.api.spi.Plugin;
import io.kube2ecs.testkit.GoldenHarness;
import io.kube2ecs.testkit.ModelDumpPlugin;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden cases under src/test/resources/golden: each case's input/ is converted with this plugin
 * and the model dump; the model and the diagnostics must match expected/ and diagnostics.txt.
 * Run with -Dkube2ecs.golden.update=true to rewrite them after an intended change.
 */
class RolloutGoldenTest {

    private final GoldenHarness harness = new GoldenHarness(
            () -> List.<Plugin>of(new RolloutPlugin(), new ModelDumpPlugin()), List.of(ModelDumpPlugin.TARGET));

    @TestFactory
    Stream<DynamicTest> goldenCases() {
        return GoldenHarness.cases(Path.of("src/test/resources/golden")).stream()
                .map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> harness.check(dir)));
    }
}
