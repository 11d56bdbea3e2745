package io.kube2ecs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.kube2ecs.api.diag.Diagnostic;
import io.kube2ecs.api.diag.Diagnostics;
import io.kube2ecs.api.model.DeploymentModel;
import io.kube2ecs.api.spi.InputRequest;
import io.kube2ecs.api.spi.InputSink;
import io.kube2ecs.api.spi.Plugin;
import io.kube2ecs.core.diag.DiagnosticCollector;
import io.kube2ecs.core.load.FilesInputSource;
import io.kube2ecs.core.load.LoadLimits;
import io.kube2ecs.core.load.LoadedObject;
import io.kube2ecs.core.load.ManifestLoader;
import io.kube2ecs.core.load.YamlNode;
import io.kube2ecs.core.plugin.PluginRegistry;
import io.kube2ecs.core.profile.EnvironmentInputs;
import io.kube2ecs.core.profile.Profile;
import io.kube2ecs.core.profile.Settings;
import io.kube2ecs.core.resolve.ObjectStore;
import io.kube2ecs.core.transform.Transformer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Nothing is dropped silently: over every object of the corpus that a mapper converts, each
 * scalar field is either converted, deliberately ignored with a reason, or covered by a diagnostic
 * at its path or a parent's. Checked on the parsed trees after the real plugins ran, independently
 * of the coverage report that produces the diagnostics.
 */
class FieldCoverageTest {

    private record Run(List<LoadedObject> mapped, List<Diagnostic> diagnostics) {
    }

    private static Run convert(Path source) {
        DiagnosticCollector diagnostics = new DiagnosticCollector();
        ManifestLoader loader = new ManifestLoader(LoadLimits.DEFAULT, "default", false);
        List<LoadedObject> objects = new ArrayList<>();
        new FilesInputSource(() -> new ByteArrayInputStream(new byte[0]), source).read(
                new InputRequest(List.of("."), true, Map.of()), new InputSink() {
                    @Override
                    public void accept(String origin, String content) {
                        objects.addAll(loader.load(origin, content, diagnostics));
                    }

                    @Override
                    public Diagnostics diagnostics() {
                        return diagnostics;
                    }
                });
        List<Plugin> plugins = new ArrayList<>();
        ServiceLoader.load(Plugin.class).forEach(plugins::add);
        PluginRegistry registry = new PluginRegistry(plugins, Map.of(), Map.of());
        ObjectStore store = new ObjectStore(objects, diagnostics);
        DeploymentModel model = new DeploymentModel();
        EnvironmentInputs.declare(model, Profile.EMPTY);
        new Transformer().run(store, registry, model, new Settings(Profile.EMPTY), Profile.EMPTY, diagnostics);
        List<LoadedObject> mapped = store.objects().stream().filter(o -> registry.mapper(o.ref().kind()).isPresent()).toList();
        return new Run(mapped, diagnostics.sorted());
    }

    @TestFactory
    Stream<DynamicTest> everyFieldOfEveryConvertedObjectIsAccountedFor() throws IOException {
        List<Path> cases;
        try (Stream<Path> list = Files.list(CorpusPaths.corpus())) {
            cases = list.filter(Files::isDirectory).sorted().toList();
        }
        return cases.stream().map(source -> DynamicTest.dynamicTest(source.getFileName().toString(), () -> {
            Run run = convert(source);
            assertThat(run.diagnostics()).filteredOn(d -> d.severity() == io.kube2ecs.api.diag.Severity.ERROR)
                    .extracting(Diagnostic::render).isEmpty();
            List<String> silent = new ArrayList<>();
            int[] leaves = {0};
            for (LoadedObject object : run.mapped()) {
                List<String> reported = run.diagnostics().stream()
                        .filter(d -> d.location() != null && d.location().file().equals(object.file())
                                && d.location().line() >= object.root().line())
                        .map(d -> d.location().path()).toList();
                walk(object.root(), "", false, reported, object, silent, leaves);
            }
            assertThat(silent).as("fields neither converted, ignored nor reported").isEmpty();
            if (!run.mapped().isEmpty()) {
                assertThat(leaves[0]).isPositive();
            }
        }));
    }

    private static void walk(YamlNode node, String path, boolean accounted, List<String> reported, LoadedObject object,
                             List<String> silent, int[] leaves) {
        boolean here = accounted || node.ignoredReason() != null || reported.contains(path);
        if (node.shape() == YamlNode.Shape.SCALAR) {
            leaves[0]++;
            if (!here && !node.converted()) {
                silent.add(object.ref() + " " + path);
            }
            return;
        }
        node.entries().forEach((key, child) -> walk(child, path.isEmpty() ? key : path + "." + key, here, reported, object,
                silent, leaves));
        for (int i = 0; i < node.items().size(); i++) {
            walk(node.items().get(i), path + "[" + i + "]", here, reported, object, silent, leaves);
        }
    }

    @Test
    void onlineBoutiqueReportsOnlyFieldsWithoutAnEcsEquivalent() {
        Run run = convert(CorpusPaths.corpus().resolve("online-boutique"));
        TreeSet<String> notConverted = new TreeSet<>();
        run.diagnostics().stream().filter(d -> d.code().equals("K2E201")).forEach(d -> notConverted.add(d.location().path()));
        // istio's sidecar.istio.io/rewriteAppHTTPProbers annotation: there is no mesh sidecar on ECS
        assertThat(notConverted).as(run.diagnostics().stream().map(Diagnostic::render).toList().toString())
                .containsExactly("spec.template.metadata.annotations.sidecar.istio.io/rewriteAppHTTPProbers");
        assertThat(run.diagnostics()).filteredOn(d -> d.code().equals("K2E201"))
                .allSatisfy(d -> assertThat(d.hint()).contains("Istio does not run on ECS", "Service Connect"));
        assertThat(run.mapped()).filteredOn(o -> o.ref().kind().toString().equals("apps/Deployment")).hasSize(12);
    }

    @Test
    void annotationsAreReportedOneByOneAndThoseThatOnlyRecordWhatAToolDidAreNotes() {
        Run run = convert(CorpusPaths.corpus().resolve("deathstarbench-hotel"));
        List<Diagnostic> kompose = run.diagnostics().stream().filter(d -> d.location() != null
                && d.location().path().matches("(spec\\.template\\.)?metadata\\.annotations\\.kompose\\.(cmd|version)")).toList();
        assertThat(kompose).isNotEmpty().allSatisfy(d -> {
            assertThat(d.code()).isEqualTo("K2E202");
            assertThat(d.message()).contains("kompose's record");
        });
        // the two Istio annotations of each pod template are one finding, named, with what to use instead
        List<Diagnostic> istio = run.diagnostics().stream().filter(d -> d.code().equals("K2E201") && d.location() != null
                && d.location().path().equals("spec.template.metadata.annotations")).toList();
        assertThat(istio).hasSize(19).allSatisfy(d -> {
            assertThat(d.message()).contains("annotations sidecar.istio.io/statsInclusionPrefixes and sidecar.istio.io/statsInclusionRegexps of ");
            assertThat(d.hint()).contains("Istio does not run on ECS");
        });
        assertThat(run.diagnostics()).filteredOn(d -> d.code().equals("K2E201")).extracting(d -> d.location().path())
                .allMatch(path -> path.equals("spec.template.metadata.annotations"));
    }
}
