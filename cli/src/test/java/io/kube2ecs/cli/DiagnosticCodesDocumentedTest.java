package io.kube2ecs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every diagnostic code the sources declare is documented in docs/diagnostics.md, so the page
 * users and CI gates rely on cannot fall behind the code.
 */
class DiagnosticCodesDocumentedTest {

    private static final Pattern DECLARATION = Pattern.compile("static final String [A-Z_]+ = \"([A-Z]+[0-9]{3})\"");

    @Test
    void everyDeclaredCodeIsInTheDiagnosticsPage() throws IOException {
        Path root = CorpusPaths.repositoryRoot();
        TreeSet<String> codes = new TreeSet<>();
        for (String module : List.of("api", "core", "plugins", "cli")) {
            try (Stream<Path> files = Files.walk(root.resolve(module))) {
                for (Path file : files.filter(p -> p.toString().endsWith(".java") && p.toString().contains("/src/main/")).toList()) {
                    Matcher m = DECLARATION.matcher(Files.readString(file));
                    while (m.find()) {
                        codes.add(m.group(1));
                    }
                }
            }
        }
        assertThat(codes).hasSizeGreaterThan(30);
        String page = Files.readString(root.resolve("docs/diagnostics.md"));
        List<String> missing = new ArrayList<>();
        codes.forEach(code -> {
            if (!page.contains("`" + code + "`")) {
                missing.add(code);
            }
        });
        assertThat(missing).as("codes missing from docs/diagnostics.md").isEmpty();
    }
}
