package io.kube2ecs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds plugin jars in tests the way an outside team would: javac against the kube2ecs API alone
 * (plus any library jars given), then a jar of the classes and resources. The plugin classes are
 * never on the test class path, so only the jar can provide them.
 */
final class PluginJars {

    private PluginJars() {
    }

    /** @return the API's classes or jar, from the test class path */
    static String apiClassPath() {
        return Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> entry.contains("kube2ecs-api") || entry.replace('\\', '/').contains("/api/target/classes"))
                .reduce((a, b) -> a + File.pathSeparator + b).orElseThrow();
    }

    /**
     * @param sources   a folder of .java files
     * @param resources a folder copied into the jar as is, or null
     * @param jar       the jar to write
     * @param libraries extra class path entries (library jars the plugin compiles against)
     * @return the jar
     */
    static Path build(Path sources, Path resources, Path jar, Path... libraries) throws IOException {
        Path classes = Files.createTempDirectory("plugin-classes-");
        List<String> files;
        try (Stream<Path> walk = Files.walk(sources)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).map(Path::toString).sorted().toList();
        }
        StringBuilder classPath = new StringBuilder(apiClassPath());
        for (Path library : libraries) {
            classPath.append(File.pathSeparator).append(library);
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> args = new ArrayList<>(List.of("--release", "17", "-cp", classPath.toString(), "-d", classes.toString()));
        args.addAll(files);
        assertThat(javac.run(null, null, null, args.toArray(String[]::new))).as("javac " + sources).isZero();
        Files.createDirectories(jar.toAbsolutePath().getParent());
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            add(out, classes);
            if (resources != null) {
                add(out, resources);
            }
        }
        return jar;
    }

    private static void add(JarOutputStream out, Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(root.relativize(file).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(file));
                out.closeEntry();
            }
        }
    }

    /** Writes a jar with the given entries (name, then content), for broken-jar tests. */
    static Path jarOf(Path jar, String... entries) throws IOException {
        Files.createDirectories(jar.toAbsolutePath().getParent());
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (int i = 0; i < entries.length; i += 2) {
                out.putNextEntry(new JarEntry(entries[i]));
                out.write(entries[i + 1].getBytes(java.nio.charset.StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return jar;
    }
}
