package io.kube2ecs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two example plugins of examples/plugins, each built into a jar from its sources against the
 * API alone and dropped into a folder for {@code convert --plugin-dir}. (.ci/examples also builds
 * them with Maven, runs their own tests through the test kit, and converts with those jars.)
 */
class ExamplePluginsTest {

    private static final Path EXAMPLES = CorpusPaths.repositoryRoot().resolve("examples/plugins");

    @TempDir
    Path dir;

    @BeforeEach
    void buildExampleJars() throws IOException {
        for (String example : new String[] {"rollout-mapper", "compose-emitter"}) {
            Path project = EXAMPLES.resolve(example);
            PluginJars.build(project.resolve("src/main/java"), project.resolve("src/main/resources"),
                    dir.resolve("plugins/" + example + "/" + example + "-1.0.0.jar"));
        }
    }

    @Test
    void rolloutMapperJarConvertsABlueGreenRolloutForEveryTarget() throws IOException {
        Files.copy(EXAMPLES.resolve("rollout-mapper/src/test/resources/golden/blue-green/input/rollout.yaml"),
                dir.resolve("rollout.yaml"));
        CliRunner.Result result = CliRunner.run(dir, "convert", "-f", "rollout.yaml", "-o", "out",
                "--plugin-dir", "plugins/rollout-mapper");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).contains("rollout.yaml:32:5: warning[ROLLOUT002]: blue/green: the service is written with "
                + "the CODE_DEPLOY deployment controller");
        String service = Files.readString(dir.resolve("out/ecs/shop/checkout/service.json"));
        assertThat(service).contains("\"deploymentController\": {\n    \"type\": \"CODE_DEPLOY\"\n  }")
                .doesNotContain("deploymentCircuitBreaker").contains("\"desiredCount\": 3");
        String task = Files.readString(dir.resolve("out/ecs/shop/checkout/task-definition.json"));
        assertThat(task).contains("\"image\": \"example/checkout:2.4.1\"").contains("\"containerPort\": 8080")
                .contains("\"cpu\": \"512\"").contains("\"memory\": \"1024\"");
        String terraform;
        try (var files = Files.list(dir.resolve("out/terraform"))) {
            terraform = files.filter(p -> p.toString().endsWith(".tf")).sorted().map(p -> {
                try {
                    return Files.readString(p);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).reduce("", String::concat);
        }
        assertThat(terraform).containsPattern("deployment_controller \\{\\s+type = \"CODE_DEPLOY\"\\s+\\}")
                .doesNotContain("deployment_circuit_breaker");
        assertThat(Files.readString(dir.resolve("out/cloudformation/template.yaml")))
                .containsPattern("DeploymentController:\\s+Type: \"CODE_DEPLOY\"").doesNotContain("DeploymentCircuitBreaker");
    }

    @Test
    void composeEmitterJarWritesAComposeFileFromTheBuiltInMappers() throws IOException {
        Files.writeString(dir.resolve("app.yaml"), """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web, namespace: shop}
                spec:
                  replicas: 2
                  template:
                    spec:
                      containers:
                        - name: web
                          image: nginx:1.27
                          ports: [{containerPort: 80}]
                          env: [{name: GREETING, value: hello}]
                """);
        CliRunner.Result result = CliRunner.run(dir, "convert", "-f", "app.yaml", "-o", "out", "--target", "compose",
                "--plugin-dir", "plugins/compose-emitter", "--option", "example-compose.publish=true");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(Files.readString(dir.resolve("out/compose/docker-compose.yaml"))).isEqualTo("""
                # Written by kube2ecs (example-compose). Run: docker compose up
                services:
                  shop-web:
                    image: "nginx:1.27"
                    environment:
                      "GREETING": "hello"
                    ports:
                      - "80:80"
                    deploy:
                      replicas: 2
                      resources:
                        limits:
                          cpus: "0.25"
                          memory: "512M"
                """);
        assertThat(dir.resolve("out/ecs")).doesNotExist();
    }

    @Test
    void bothExamplesAreListedAsComingFromThePluginFolder() {
        CliRunner.Result result = CliRunner.run(dir, "plugins", "--plugin-dir", "plugins");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out())
                .containsPattern("(?m)^example-compose\\s+target compose\\s+plugins/compose-emitter/\\s+--plugin-dir$")
                .containsPattern("(?m)^example-rollout\\s+kind argoproj.io/Rollout\\s+plugins/rollout-mapper/\\s+--plugin-dir$");
    }
}
