package io.kube2ecs.core.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.kube2ecs.api.diag.Diagnostic;
import io.kube2ecs.api.diag.Severity;
import io.kube2ecs.core.diag.Codes;
import io.kube2ecs.core.diag.DiagnosticCollector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KustomizationsTest {

    private static final String CONFIG_MAP = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: %s}\n";

    private final DiagnosticCollector diagnostics = new DiagnosticCollector();
    private final Map<String, String> files = new LinkedHashMap<>();

    private List<String> load(boolean namespaceGiven) {
        ManifestLoader loader = new ManifestLoader(LoadLimits.DEFAULT, namespaceGiven ? "given" : "default", namespaceGiven);
        List<LoadedObject> objects = new ArrayList<>();
        files.forEach((origin, text) -> objects.addAll(loader.load(origin, text, diagnostics)));
        return loader.applyKustomizations(objects, diagnostics).stream().map(o -> o.ref().toString()).toList();
    }

    private List<String> messages(String code) {
        return diagnostics.sorted().stream().filter(d -> d.code().equals(code))
                .map(d -> d.location().file() + ":" + d.location().line() + " " + d.message()).toList();
    }

    @Test
    void namespaceOfTheKustomizationIsSetOnTheObjectsOfItsResourcesAndOverridesTheFiles() {
        files.put("app/kustomization.yaml", "kind: Kustomization\napiVersion: kustomize.config.k8s.io/v1beta1\nnamespace: shop\n"
                + "resources:\n- a.yaml\n- ./sub/../b.yaml\n- namespace.yaml\n");
        files.put("app/a.yaml", CONFIG_MAP.formatted("a"));
        files.put("app/b.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: b, namespace: elsewhere}\n");
        files.put("app/namespace.yaml", "apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n");
        files.put("app/not-listed.yaml", CONFIG_MAP.formatted("c"));

        assertThat(load(false)).containsExactly("ConfigMap shop/a", "ConfigMap shop/b", "Namespace shop", "ConfigMap default/c");
        assertThat(messages(Codes.KUSTOMIZATION_APPLIED)).containsExactly(
                "app/kustomization.yaml:3 namespace 'shop' set on 2 objects of the resources this kustomization lists");
        assertThat(diagnostics.sorted()).noneMatch(d -> d.severity() != Severity.INFO);
    }

    @Test
    void theOutermostKustomizationThatNamesANamespaceDecidesAsInKustomize() {
        files.put("overlay/kustomization.yaml", "kind: Kustomization\nnamespace: outer\nresources: [../base, ../other]\n");
        files.put("base/kustomization.yaml", "kind: Kustomization\nnamespace: inner\nresources: [a.yaml]\n");
        files.put("base/a.yaml", CONFIG_MAP.formatted("a"));
        files.put("other/kustomization.yaml", "kind: Kustomization\nresources: [b.yaml]\n");
        files.put("other/b.yaml", CONFIG_MAP.formatted("b"));

        assertThat(load(false)).containsExactly("ConfigMap outer/a", "ConfigMap outer/b");
    }

    @Test
    void everyFieldThatIsNotAppliedIsReportedAtItsLine() {
        files.put("k/kustomization.yaml", """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                namePrefix: prod-
                images:
                - {name: app, newTag: "2"}
                resources:
                - https://github.com/example/app//base?ref=v1
                - missing.yaml
                - a.yaml
                """);
        files.put("k/a.yaml", CONFIG_MAP.formatted("a"));

        assertThat(load(false)).containsExactly("ConfigMap default/a");
        assertThat(messages(Codes.BUILD_FILE)).containsExactly(
                "k/kustomization.yaml:3 kustomization field 'namePrefix' is not applied; the objects are converted as their files define them",
                "k/kustomization.yaml:4 kustomization field 'images' is not applied; the objects are converted as their files define them",
                "k/kustomization.yaml:7 resource 'https://github.com/example/app//base?ref=v1' is remote; kube2ecs reads only local files, "
                        + "so its objects are not converted",
                "k/kustomization.yaml:8 resource 'missing.yaml' is not among the inputs (or is a folder without a kustomization file), "
                        + "so its objects are not converted");
        assertThat(diagnostics.sorted()).filteredOn(d -> d.code().equals(Codes.BUILD_FILE)).allMatch(d -> d.severity() == Severity.WARNING)
                .allMatch(d -> d.hint().contains("kubectl kustomize"));
    }

    @Test
    void aFileListedByTwoKustomizationsWithDifferentNamespacesIsConvertedOnceAndReported() {
        files.put("dev/kustomization.yaml", "kind: Kustomization\nnamespace: dev\nresources: [../base]\n");
        files.put("prod/kustomization.yaml", "kind: Kustomization\nnamespace: prod\nresources: [../base]\n");
        files.put("base/kustomization.yaml", "kind: Kustomization\nresources: [a.yaml]\n");
        files.put("base/a.yaml", CONFIG_MAP.formatted("a"));

        assertThat(load(false)).containsExactly("ConfigMap dev/a");
        assertThat(messages(Codes.BUILD_FILE)).singleElement().asString()
                .startsWith("prod/kustomization.yaml:2 'base/a.yaml' is also a resource of dev/kustomization.yaml");
    }

    @Test
    void namespaceOptionWinsOverTheKustomization() {
        files.put("k/kustomization.yaml", "kind: Kustomization\nnamespace: shop\nresources: [a.yaml]\n");
        files.put("k/a.yaml", CONFIG_MAP.formatted("a"));

        assertThat(load(true)).containsExactly("ConfigMap given/a");
        assertThat(diagnostics.sorted()).extracting(Diagnostic::code).containsExactly(Codes.BUILD_FILE);
    }

    @Test
    void aKustomizationOnStandardInputCannotFindItsResources() {
        files.put("<stdin>", "kind: Kustomization\napiVersion: kustomize.config.k8s.io/v1beta1\nnamespace: shop\nresources: [a.yaml]\n---\n"
                + CONFIG_MAP.formatted("a"));

        assertThat(load(false)).containsExactly("ConfigMap default/a");
        assertThat(messages(Codes.BUILD_FILE)).singleElement().asString().contains("its resources cannot be found");
    }

    @Test
    void referenceCyclesEnd() {
        files.put("a/kustomization.yaml", "kind: Kustomization\nnamespace: x\nresources: [../b, f.yaml]\n");
        files.put("b/kustomization.yaml", "kind: Kustomization\nresources: [../a]\n");
        files.put("a/f.yaml", CONFIG_MAP.formatted("f"));

        assertThat(load(false)).containsExactly("ConfigMap default/f");
        assertThat(messages(Codes.BUILD_FILE)).hasSize(2).allMatch(m -> m.contains("part of a cycle"));
    }

    @Test
    void aKustomizationFileWithoutApiVersionAndKindIsStillAKustomization() {
        files.put("k/kustomization.yaml", "namespace: shop\nresources: [a.yaml]\n");
        files.put("k/a.yaml", CONFIG_MAP.formatted("a"));

        assertThat(load(false)).containsExactly("ConfigMap shop/a");
        assertThat(diagnostics.sorted()).extracting(Diagnostic::code).containsExactly(Codes.KUSTOMIZATION_APPLIED);
    }
}
