package io.kube2ecs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plugin folders ({@code --plugin-dir}, {@code plugins.dirs} in the profile): each plugin gets a
 * class loader that shares only the kube2ecs API, so a library it bundles wins over kube2ecs' copy
 * and kube2ecs' internals stay invisible; a jar that cannot be loaded is a K2E402 usage error
 * naming it, before anything is written.
 */
class PluginDirTest {

    private static final Path ISOLATED = Path.of("src/test/resources/isolated-plugin");

    @TempDir
    Path dir;

    private void isolatedPluginWithItsLibraryIn(String folder) throws IOException {
        // the library defines picocli.CommandLine, a class kube2ecs itself has in another version
        Path lib = PluginJars.build(ISOLATED.resolve("lib"), null, dir.resolve(folder + "/isolated/picocli-stub.jar"));
        PluginJars.build(ISOLATED.resolve("plugin"), ISOLATED.resolve("plugin-resources"),
                dir.resolve(folder + "/isolated/isolated-probe.jar"), lib);
        // files other than jars do not disturb the folder
        Files.writeString(dir.resolve(folder + "/README.txt"), "ignored");
        Files.writeString(dir.resolve(folder + "/isolated/NOTICE.txt"), "ignored too");
        Files.writeString(dir.resolve("probe.yaml"), """
                apiVersion: example.com/v1
                kind: Probe
                metadata: {name: p1}
                spec: {anything: true}
                """);
    }

    @Test
    void pluginSeesItsOwnLibraryAndTheApiButNotKube2ecsInternals() throws IOException {
        isolatedPluginWithItsLibraryIn("plugins");
        CliRunner.Result result = CliRunner.run(dir, "convert", "-f", "probe.yaml", "-o", "out", "--plugin-dir", "plugins",
                "--target", "ecs-json");
        assertThat(result.exitCode()).as(result.err()).isZero();
        String task = Files.readString(dir.resolve("out/ecs/default/p1/task-definition.json"));
        assertThat(task).contains("\"picocli\": \"the plugin's own picocli.CommandLine\"")
                .contains("\"sees-core\": \"false\"").contains("\"sees-jackson\": \"false\"");
    }

    @Test
    void pluginsListsWhereEachPluginCameFrom() throws IOException {
        isolatedPluginWithItsLibraryIn("plugins");
        CliRunner.Result result = CliRunner.run(dir, "plugins", "--plugin-dir", "plugins");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).containsPattern("(?m)^ID\\s+HANDLES\\s+JAR\\s+FROM$")
                .containsPattern("(?m)^isolated-probe\\s+kind example.com/Probe\\s+plugins/isolated/\\s+--plugin-dir$")
                .containsPattern("(?m)^kind-deployment\\s+kind apps/Deployment\\s+\\S+\\s+bundled$");
    }

    @Test
    void profileCanNamePluginFoldersRelativeToItself() throws IOException {
        isolatedPluginWithItsLibraryIn("config/plugins");
        Files.writeString(dir.resolve("config/profile.yaml"), "plugins:\n  dirs: [plugins]\n");
        CliRunner.Result result = CliRunner.run(dir, "convert", "-f", "probe.yaml", "-o", "out", "--profile",
                "config/profile.yaml", "--target", "ecs-json");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(dir.resolve("out/ecs/default/p1/task-definition.json")).exists();
    }

    @Test
    void aFileThatIsNotAJarIsReportedByName() throws IOException {
        Files.createDirectories(dir.resolve("plugins"));
        Files.writeString(dir.resolve("plugins/broken.jar"), "this is not a zip file");
        Files.writeString(dir.resolve("app.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {a: b}\n");
        CliRunner.Result result = CliRunner.run(dir, "convert", "-f", "app.yaml", "-o", "out", "--plugin-dir", "plugins");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).startsWith("kube2ecs: error[K2E402]: plugin jar plugins/broken.jar: not a readable jar")
                .contains("hint: ").doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void aJarWithoutAPluginIsReportedByName() throws IOException {
        PluginJars.jarOf(dir.resolve("plugins/library-1.0.jar"), "com/example/Nothing.txt", "no plugin here");
        CliRunner.Result result = CliRunner.run(dir, "plugins", "--plugin-dir", "plugins");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("error[K2E402]: plugin jar plugins/library-1.0.jar: no plugin in it: "
                + "META-INF/services/io.kube2ecs.api.spi.Plugin is missing").contains("sub-folder");
    }

    @Test
    void aPluginClassThatCannotBeLoadedIsReportedWithItsJar() throws IOException {
        PluginJars.jarOf(dir.resolve("plugins/ghost-1.0.jar"),
                "META-INF/services/io.kube2ecs.api.spi.Plugin", "com.example.GhostPlugin\n");
        CliRunner.Result result = CliRunner.run(dir, "plugins", "--plugin-dir", "plugins");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("error[K2E402]: plugin jar plugins/ghost-1.0.jar: cannot be loaded: ")
                .contains("com.example.GhostPlugin").doesNotContain("\tat ");
    }

    @Test
    void aMissingFolderIsAUsageError() {
        CliRunner.Result result = CliRunner.run(dir, "plugins", "--plugin-dir", "nowhere");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("plugin folder not found: nowhere (--plugin-dir)");
    }
}
