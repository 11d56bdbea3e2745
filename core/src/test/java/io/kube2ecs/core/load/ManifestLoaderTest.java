package io.kube2ecs.core.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.kube2ecs.api.diag.Diagnostic;
import io.kube2ecs.api.diag.Severity;
import io.kube2ecs.core.diag.Codes;
import io.kube2ecs.core.diag.DiagnosticCollector;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManifestLoaderTest {

    private final DiagnosticCollector diagnostics = new DiagnosticCollector();

    private List<LoadedObject> load(String origin, String text) {
        return new ManifestLoader(LoadLimits.DEFAULT, "default", false).load(origin, text, diagnostics);
    }

    @Test
    void readsMultipleDocumentsSkippingEmptyAndCommentOnlyOnes() {
        List<LoadedObject> objects = load("a.yaml", """
                # leading comment
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: one}
                ---
                # only a comment
                ---
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: two
                  namespace: shop
                ---
                """);
        assertThat(objects).extracting(o -> o.ref().toString())
                .containsExactly("ConfigMap default/one", "apps/Deployment shop/two");
        assertThat(diagnostics.sorted()).isEmpty();
    }

    @Test
    void keepsLineAndColumnOfEveryObject() {
        List<LoadedObject> objects = load("a.yaml", "apiVersion: v1\nkind: Service\nmetadata: {name: a}\n---\n  apiVersion: v1\n  kind: Service\n  metadata: {name: b}\n");
        assertThat(objects.get(0).root().line()).isEqualTo(1);
        assertThat(objects.get(1).root().line()).isEqualTo(5);
        assertThat(objects.get(1).root().column()).isEqualTo(3);
        assertThat(objects.get(1).root().keyPosition("kind")).containsExactly(6, 3);
    }

    @Test
    void unpacksKindList() {
        List<LoadedObject> objects = load("list.yaml", """
                apiVersion: v1
                kind: List
                items:
                - apiVersion: v1
                  kind: Service
                  metadata: {name: a}
                - apiVersion: apps/v1
                  kind: Deployment
                  metadata: {name: b}
                """);
        assertThat(objects).extracting(o -> o.ref().name()).containsExactly("a", "b");
        assertThat(objects.get(1).root().line()).isEqualTo(7);
    }

    @Test
    void readsJsonWithPositions() {
        List<LoadedObject> objects = load("svc.json", "{\n  \"apiVersion\": \"v1\",\n  \"kind\": \"Service\",\n  \"metadata\": {\"name\": \"web\"}\n}\n");
        assertThat(objects).hasSize(1);
        assertThat(objects.get(0).root().keyPosition("kind")).containsExactly(3, 3);
    }

    @Test
    void reportsYamlSyntaxErrorWithLineAndColumn() {
        load("bad.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  name: [unclosed\n");
        Diagnostic error = diagnostics.sorted().get(0);
        assertThat(error.severity()).isEqualTo(Severity.ERROR);
        assertThat(error.code()).isEqualTo(Codes.YAML_SYNTAX);
        assertThat(error.location().file()).isEqualTo("bad.yaml");
        assertThat(error.location().line()).isGreaterThan(0);
        assertThat(error.location().column()).isGreaterThan(0);
        assertThat(error.render()).startsWith("bad.yaml:" + error.location().line() + ":" + error.location().column() + ": error[K2E002]:");
    }

    @Test
    void anEscapeCutOffByTheEndOfTheInputIsASyntaxErrorWithItsPosition() {
        // found by ManifestLoaderFuzzTest: snakeyaml-engine throws NumberFormatException here
        for (String escape : new String[] {"x", "u", "U"}) {
            DiagnosticCollector found = new DiagnosticCollector();
            new ManifestLoader(LoadLimits.DEFAULT, "default", false).load("bad.yaml", "kind: a\nname: \"x\\" + escape, found);
            assertThat(found.sorted()).singleElement().satisfies(d -> {
                assertThat(d.code()).isEqualTo(Codes.YAML_SYNTAX);
                assertThat(d.render()).startsWith("bad.yaml:2:11: error[K2E002]: invalid YAML");
                assertThat(d.hint()).contains("hex digits");
            });
        }
    }

    @Test
    void helmTemplatesGetAHintToRenderThemFirst() {
        load("deployment.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .Values.name }}\n");
        assertThat(diagnostics.sorted()).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.ERROR);
            assertThat(d.location().line()).isEqualTo(4);
            assertThat(d.hint()).contains("helm template");
        });
    }

    @Test
    void reportsJsonSyntaxError() {
        load("bad.json", "{\"apiVersion\": \"v1\",\n \"kind\": }");
        assertThat(diagnostics.sorted()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo(Codes.JSON_SYNTAX);
            assertThat(d.location().line()).isEqualTo(2);
        });
    }

    @Test
    void refusesBillionLaughs() {
        StringBuilder yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 12; i++) {
            yaml.append("a").append(i).append(": &a").append(i).append(" [");
            for (int k = 0; k < 10; k++) {
                yaml.append(k == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            yaml.append("]\n");
        }
        List<LoadedObject> objects = load("laughs.yaml", yaml.toString());
        assertThat(objects).isEmpty();
        assertThat(diagnostics.sorted()).singleElement().satisfies(d -> assertThat(d.code()).isEqualTo(Codes.YAML_LIMIT));
    }

    @Test
    void refusesDeepNesting() {
        String yaml = "a: " + "[".repeat(5000) + "]".repeat(5000) + "\n";
        load("deep.yaml", yaml);
        assertThat(diagnostics.sorted()).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.ERROR);
            assertThat(d.code()).isIn(Codes.YAML_LIMIT, Codes.YAML_SYNTAX);
        });
    }

    @Test
    void jsonOverTheNestingOrNumberLimitIsALimitErrorWithItsPosition() {
        // found by ManifestLoaderFuzzTest: Jackson's constraint errors carry no location
        load("deep.json", "[".repeat(150) + "\n" + "[".repeat(100));
        load("number.json", "{\"replicas\":\n  " + "9".repeat(1001) + "}");
        assertThat(diagnostics.sorted()).extracting(Diagnostic::render).satisfiesExactly(
                d -> assertThat(d).startsWith("deep.json:2:51: error[K2E004]: JSON over a safety limit: Document nesting depth (201) exceeds the maximum allowed (200)"),
                d -> assertThat(d).startsWith("number.json:2:1003: ").contains("error[K2E004]: JSON over a safety limit: Number value length")
                        .doesNotContain("StreamReadConstraints"));
    }

    @Test
    void aRecursiveAliasIsALimitErrorAtTheAliasEvenWhenMerged() {
        // found by ManifestLoaderFuzzTest: snakeyaml-engine loops forever merging a map into itself
        load("merge.yaml", "kind: a\nitems:\n- &pod\n  name: a\n  <<: *pod\n");
        load("plain.yaml", "kind: a\nitems: &x [a, *x]\n");
        assertThat(diagnostics.sorted()).extracting(Diagnostic::render).containsExactly(
                "merge.yaml:5:7: error[K2E004]: recursive alias: a node contains itself\n"
                        + "    hint: Kubernetes objects cannot be recursive; remove the alias",
                "plain.yaml:2:15: error[K2E004]: recursive alias: a node contains itself\n"
                        + "    hint: Kubernetes objects cannot be recursive; remove the alias");
    }

    @Test
    void mergeKeysAndAnchorsRedefinedInsideTheirNodeStillLoad() {
        List<LoadedObject> objects = load("ok.yaml", """
                base: &b {name: base, tier: front}
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  <<: *b
                  name: merged
                data: &d {x: &d y, z: *d}
                """);
        assertThat(diagnostics.sorted()).isEmpty();
        assertThat(objects).singleElement().satisfies(o -> {
            assertThat(o.ref().name()).isEqualTo("merged");
            assertThat(o.root().entries().get("metadata").entries()).containsKeys("name", "tier");
            assertThat(o.root().entries().get("data").entries().get("z").text()).isEqualTo("y");
        });
    }

    @Test
    void reportsDuplicateKeys() {
        load("dup.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  name: a\n  name: b\n");
        assertThat(diagnostics.sorted()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo(Codes.DUPLICATE_KEY);
            assertThat(d.location().line()).isEqualTo(5);
            assertThat(d.location().column()).isEqualTo(3);
        });
    }

    @Test
    void reportsDocumentsThatAreNotObjects() {
        load("values.yaml", "replicaCount: 3\nimage: nginx\n---\n- a\n- b\n");
        assertThat(diagnostics.sorted()).extracting(Diagnostic::code).containsExactly(Codes.NOT_AN_OBJECT, Codes.NOT_AN_OBJECT);
    }

    @Test
    void aNamespaceThatIsNotADnsLabelIsAnError() {
        // found by ConvertFuzzTest: a '/' in the namespace made the emitters write outside their folder (K2E401)
        List<LoadedObject> objects = load("a.yaml", """
                apiVersion: v1
                kind: Service
                metadata: {name: a, namespace: x/../y}
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: b, namespace: Shop}
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: c, namespace: shop-1}
                """);
        assertThat(objects).extracting(o -> o.ref().toString()).containsExactly("Service shop-1/c");
        assertThat(diagnostics.sorted()).extracting(Diagnostic::render).containsExactly(
                "a.yaml:3:21: error[K2E006]: Service 'a' has namespace 'x/../y', which is not a valid Kubernetes namespace (at metadata.namespace)\n"
                        + "    hint: " + ManifestLoader.NAMESPACE_RULE,
                "a.yaml:7:21: error[K2E006]: Service 'b' has namespace 'Shop', which is not a valid Kubernetes namespace (at metadata.namespace)\n"
                        + "    hint: " + ManifestLoader.NAMESPACE_RULE);
        assertThat(ManifestLoader.validNamespace("a".repeat(63))).isTrue();
        assertThat(ManifestLoader.validNamespace("a".repeat(64))).isFalse();
        assertThat(ManifestLoader.validNamespace("-a")).isFalse();
    }

    @Test
    void namespaceFlagRejectsObjectsOfOtherNamespaces() {
        List<LoadedObject> objects = new ManifestLoader(LoadLimits.DEFAULT, "shop", true).load("a.yaml", """
                apiVersion: v1
                kind: Service
                metadata: {name: a}
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: b, namespace: other}
                """, diagnostics);
        assertThat(objects).extracting(o -> o.ref().toString()).containsExactly("Service shop/a");
        assertThat(diagnostics.sorted()).singleElement().satisfies(d -> assertThat(d.code()).isEqualTo(Codes.NAMESPACE_MISMATCH));
    }

    @Test
    void clusterScopedKindsHaveNoNamespace() {
        List<LoadedObject> objects = load("ns.yaml", "apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n");
        assertThat(objects.get(0).ref().namespace()).isEmpty();
    }

    @Test
    void marksIdentityFieldsConvertedAndNothingElse() {
        LoadedObject object = load("a.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  name: a\n  labels: {x: y}\nspec: {}\n").get(0);
        assertThat(object.root().entries().get("kind").converted()).isTrue();
        YamlNode metadata = object.root().entries().get("metadata");
        assertThat(metadata.entries().get("name").converted()).isTrue();
        assertThat(metadata.entries().get("labels").entries().get("x").converted()).isFalse();
        assertThat(object.labels()).containsEntry("x", "y");
    }
}
