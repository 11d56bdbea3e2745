package io.kube2ecs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A third-party plugin is compiled from source against the API alone (as a team outside this
 * repository would build it), packaged into a jar with its ServiceLoader descriptor, and dropped on
 * the plugin path. Its classes are not on the test class path, so only the jar can provide them.
 *
 * <p>A plugin jar dropped on the plugin path is discovered through ServiceLoader, conflicts with the
 * built-in Deployment mapper until the user chooses, and replaces it when chosen.
 */
class CustomPluginTest {

    @TempDir
    Path dir;

    private Path jar;

    @BeforeEach
    void buildPluginJar() throws IOException {
        Path source = Path.of("src/test/resources/acme-plugin/src");
        Path classes = dir.resolve("acme-classes");
        Files.createDirectories(classes);
        List<String> sources;
        try (Stream<Path> walk = Files.walk(source)) {
            sources = walk.filter(p -> p.toString().endsWith(".java")).map(Path::toString).toList();
        }
        String apiOnly = Stream.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(entry -> entry.contains("kube2ecs-api") || entry.replace('\\', '/').contains("/api/target/classes"))
                .reduce((a, b) -> a + java.io.File.pathSeparator + b).orElseThrow();
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> args = new java.util.ArrayList<>(List.of("--release", "17", "-cp", apiOnly, "-d", classes.toString()));
        args.addAll(sources);
        assertThat(javac.run(null, null, null, args.toArray(String[]::new))).as("plugin compiles against the API alone").isZero();

        jar = dir.resolve("plugins/acme-deployment-1.0.jar");
        Files.createDirectories(jar.getParent());
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
             Stream<Path> compiled = Files.walk(classes)) {
            for (Path file : compiled.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(file));
                out.closeEntry();
            }
            out.putNextEntry(new JarEntry("META-INF/services/io.kube2ecs.api.spi.Plugin"));
            out.write("com.acme.kube2ecs.AcmeDeploymentPlugin\n".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        Files.writeString(dir.resolve("app.yaml"), """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web}
                spec:
                  template:
                    spec:
                      containers: [{name: web, image: nginx:1.27}]
                """);
    }

    @Test
    void pluginJarIsDiscoveredAndListedWithItsJar() {
        CliRunner.Result result = CliRunner.run(dir, "plugins", "--plugin-path", "plugins");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).containsPattern("acme-deployment\\s+kind apps/Deployment\\s+acme-deployment-1.0.jar");
    }

    @Test
    void twoMappersForOneKindStopTheRunUntilTheUserChooses() {
        CliRunner.Result result = CliRunner.run(dir, "convert", "-f", "app.yaml", "-o", "out", "--plugin-path", "plugins");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("kind 'apps/Deployment' is claimed by")
                .contains("'acme-deployment'").contains("'kind-deployment'").contains("acme-deployment-1.0.jar")
                .contains("--mapper apps/Deployment=");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void chosenCustomMapperReplacesTheBuiltIn() throws IOException {
        CliRunner.Result result = CliRunner.run(dir, "convert", "-f", "app.yaml", "-o", "out", "--plugin-path", "plugins",
                "--mapper", "apps/Deployment=acme-deployment");
        assertThat(result.exitCode()).as(result.err()).isZero();
        String task = Files.readString(dir.resolve("out/ecs/default/web/task-definition.json"));
        assertThat(task).contains("\"family\": \"acme-web\"").contains("\"mapped-by\": \"acme\"");
    }

    @Test
    void builtInMapperCanBeChosenToo() throws IOException {
        Files.writeString(dir.resolve("profile.yaml"), "plugins:\n  mappers:\n    apps/Deployment: kind-deployment\n");
        CliRunner.Result result = CliRunner.run(dir, "convert", "-f", "app.yaml", "-o", "out", "--plugin-path", "plugins",
                "--profile", "profile.yaml");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(Files.readString(dir.resolve("out/ecs/default/web/task-definition.json"))).contains("\"family\": \"default-web\"");
    }
}
