package io.kube2ecs.cli;

import io.kube2ecs.api.spi.Plugin;
import io.kube2ecs.testkit.GoldenHarness;
import io.kube2ecs.plugin.emit.ecsjson.EcsSchemaValidator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/**
 * The bundled quick-start example through every installed plugin, found by ServiceLoader as the
 * CLI finds them: with the example profile (real values) and without one (placeholders).
 * Expectations live in {@code src/test/resources/e2e/}; rewrite them with
 * {@code -Dkube2ecs.golden.update=true}.
 */
class EndToEndGoldenTest {

    private static final Path E2E = Path.of("src/test/resources/e2e");

    private static List<Plugin> installed() {
        List<Plugin> plugins = new ArrayList<>();
        ServiceLoader.load(Plugin.class).forEach(plugins::add);
        return plugins;
    }

    private final GoldenHarness harness = new GoldenHarness(EndToEndGoldenTest::installed, List.of());

    @Test
    void quickstartWithProfile() throws Exception {
        harness.check(E2E.resolve("quickstart-profile").toAbsolutePath(), CorpusPaths.repositoryRoot(),
                List.of("examples/quickstart"), Path.of("examples/profiles/example.yaml"));
    }

    @Test
    void quickstartWithoutProfile() throws Exception {
        harness.check(E2E.resolve("quickstart-placeholders").toAbsolutePath(), CorpusPaths.repositoryRoot(),
                List.of("examples/quickstart"), null);
    }

    @Test
    void caseFolders() throws Exception {
        List<Path> cases = GoldenHarness.cases(E2E);
        org.assertj.core.api.Assertions.assertThat(cases).isNotEmpty();
        for (Path dir : cases) {
            harness.check(dir.toAbsolutePath());
        }
    }

    /** The expectations themselves must be valid ECS API input, or the goldens would pin a defect. */
    @Test
    void everyExpectedEcsFileIsValidAgainstTheEcsApiModel() throws Exception {
        int checked = 0;
        try (java.util.stream.Stream<Path> walk = java.nio.file.Files.walk(E2E)) {
            for (Path file : walk.filter(java.nio.file.Files::isRegularFile).sorted().toList()) {
                String name = file.getFileName().toString();
                String content = java.nio.file.Files.readString(file);
                List<String> problems = switch (name) {
                    case "task-definition.json" -> EcsSchemaValidator.validateTaskDefinition(content);
                    case "service.json" -> EcsSchemaValidator.validateService(content);
                    case "run-task.json" -> EcsSchemaValidator.validateRunTask(content);
                    case "create-schedule.json" -> EcsSchemaValidator.validateCreateSchedule(content);
                    default -> null;
                };
                if (problems != null) {
                    checked++;
                    org.assertj.core.api.Assertions.assertThat(problems).as(file.toString()).isEmpty();
                }
            }
        }
        org.assertj.core.api.Assertions.assertThat(checked).isGreaterThanOrEqualTo(10);
    }
}
