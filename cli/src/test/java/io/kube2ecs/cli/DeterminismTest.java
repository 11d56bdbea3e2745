package io.kube2ecs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Same input, byte-identical output: whatever order the files are given in, and whatever the
 * machine's locale and time zone (Turkish, where "I".toLowerCase() is a dotless ı, catches
 * case mapping that forgot {@code Locale.ROOT}).
 */
class DeterminismTest {

    @TempDir
    Path dir;

    private static List<String> manifests(String corpusCase) throws IOException {
        try (Stream<Path> walk = Files.walk(CorpusPaths.corpus().resolve(corpusCase))) {
            // kustomization files included: the namespaces they assign must not depend on the order either
            return walk.filter(p -> p.toString().endsWith(".yaml")).map(Path::toString).sorted().toList();
        }
    }

    private Map<String, String> convert(String name, List<String> files) {
        List<String> args = new ArrayList<>(List.of("convert", "-o", dir.resolve(name).toString()));
        files.forEach(f -> {
            args.add("-f");
            args.add(f);
        });
        CliRunner.Result result = CliRunner.run(dir, args.toArray(String[]::new));
        assertThat(result.exitCode()).as(result.err()).isZero();
        return CorpusTest.read(dir.resolve(name));
    }

    @Test
    void theOrderOfTheInputFilesDoesNotChangeTheOutput() throws IOException {
        List<String> files = manifests("eks-workshop-retail");
        assertThat(files).hasSizeGreaterThan(40);
        Map<String, String> sorted = convert("sorted", files);
        List<String> reversed = new ArrayList<>(files);
        Collections.reverse(reversed);
        List<String> rotated = new ArrayList<>(files);
        Collections.rotate(rotated, files.size() / 3);
        assertThat(sorted).isNotEmpty();
        assertThat(convert("reversed", reversed)).isEqualTo(sorted);
        assertThat(convert("rotated", rotated)).isEqualTo(sorted);
    }

    @Test
    void localeAndTimeZoneDoNotChangeTheOutput() throws IOException {
        List<String> files = manifests("istio-bookinfo");
        Map<String, String> reference = convert("reference", files);
        Locale locale = Locale.getDefault();
        TimeZone zone = TimeZone.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Chatham"));
            assertThat(convert("turkish", files)).isEqualTo(reference);
        } finally {
            Locale.setDefault(locale);
            TimeZone.setDefault(zone);
        }
    }
}
