package io.kube2ecs.cli;

import io.kube2ecs.api.spi.Plugin;
import io.kube2ecs.testkit.GoldenHarness;
import io.kube2ecs.testkit.ModelDumpPlugin;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/**
 * Golden cases that pin the whole ECS deployment model (load balancers, listeners, rules, target
 * groups, Cloud Map) as well as the ECS JSON, through every installed plugin. Own inputs live in
 * {@code src/test/resources/e2e-model/<case>/input}; corpus cases read {@code ../shared/corpus}.
 */
class ModelGoldenTest {

    private static final Path CASES = Path.of("src/test/resources/e2e-model");

    private final GoldenHarness harness = new GoldenHarness(() -> {
        List<Plugin> plugins = new ArrayList<>();
        ServiceLoader.load(Plugin.class).forEach(plugins::add);
        plugins.add(new ModelDumpPlugin());
        return plugins;
    }, List.of());

    @Test
    void ownCases() throws Exception {
        List<Path> cases = GoldenHarness.cases(CASES);
        org.assertj.core.api.Assertions.assertThat(cases).hasSizeGreaterThanOrEqualTo(2);
        for (Path dir : cases) {
            harness.check(dir.toAbsolutePath());
        }
    }

    @Test
    void albGame2048() throws Exception {
        corpus("alb-game-2048");
    }

    @Test
    void albGrpcHttps() throws Exception {
        corpus("alb-grpc-https");
    }

    @Test
    void istioBookinfo() throws Exception {
        corpus("istio-bookinfo");
    }

    private void corpus(String name) throws Exception {
        harness.check(CASES.resolve("corpus-" + name).toAbsolutePath(), CorpusPaths.corpus(), List.of(name), null);
    }
}
