package io.kube2ecs.core.transform;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import io.kube2ecs.api.diag.Diagnostic;
import io.kube2ecs.api.diag.Severity;
import io.kube2ecs.api.model.DeploymentModel;
import io.kube2ecs.api.model.LogGroup;
import io.kube2ecs.api.model.ResourceId;
import io.kube2ecs.api.source.ObjectRef;
import io.kube2ecs.api.source.ResourceKind;
import io.kube2ecs.api.source.SourceNode;
import io.kube2ecs.api.source.SourceObject;
import io.kube2ecs.api.spi.EmitContext;
import io.kube2ecs.api.spi.Emitter;
import io.kube2ecs.api.spi.KindMapper;
import io.kube2ecs.api.spi.MappingContext;
import io.kube2ecs.api.spi.Plugin;
import io.kube2ecs.api.spi.Reference;
import io.kube2ecs.core.ConversionPipeline;
import io.kube2ecs.core.ConversionRequest;
import io.kube2ecs.core.ConversionResult;
import io.kube2ecs.core.RuntimeEnvironment;
import io.kube2ecs.core.diag.Codes;
import io.kube2ecs.core.inject.CoreModule;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pipeline end to end with small test plugins: coverage, failures, references, atomic output. */
class PipelineTest {

    @TempDir
    Path dir;

    /** Maps "Widget": reads spec.size, ignores spec.color, leaves the rest; refers to spec.configRef. */
    static final class WidgetPlugin implements Plugin {
        @Override
        public String id() {
            return "kind-widget";
        }

        @Override
        public List<KindMapper> kindMappers() {
            return List.of(new KindMapper() {
                @Override
                public ResourceKind kind() {
                    return ResourceKind.parse("example.com/Widget");
                }

                @Override
                public List<Reference> references(SourceObject object) {
                    SourceNode ref = object.root().get("spec").get("configRef");
                    return ref.asText().map(name -> List.of(new Reference(
                            new ObjectRef(ResourceKind.parse("ConfigMap"), object.namespace(), name), ref, false))).orElse(List.of());
                }

                @Override
                public void map(SourceObject object, MappingContext context) {
                    SourceNode spec = object.root().get("spec");
                    if (spec.get("explode").exists()) {
                        throw new IllegalStateException("widget exploded");
                    }
                    spec.get("size").asInt();
                    spec.get("configRef").asText();
                    spec.get("color").ignore("colour is cosmetic");
                    context.model().add(new LogGroup(new ResourceId(LogGroup.TYPE, object.namespace(), object.name()),
                            "/widgets/" + object.name()));
                }
            });
        }

        @Override
        public List<Emitter> emitters() {
            return List.of(new Emitter() {
                @Override
                public String target() {
                    return "list";
                }

                @Override
                public void emit(DeploymentModel model, EmitContext context) {
                    for (LogGroup group : model.all(LogGroup.class)) {
                        context.output().write(group.id().name() + ".txt", group.name() + "\n");
                    }
                }
            });
        }
    }

    private ConversionResult convert(String yaml, Path out) throws Exception {
        Files.writeString(dir.resolve("in.yaml"), yaml);
        RuntimeEnvironment environment = new RuntimeEnvironment(() -> new ByteArrayInputStream(new byte[0]), dir);
        ConversionPipeline pipeline = Guice.createInjector(new CoreModule(() -> List.of(new WidgetPlugin()), environment))
                .getInstance(ConversionPipeline.class);
        return pipeline.convert(new ConversionRequest("files", List.of("in.yaml"), false, null, List.of(), null,
                Map.of(), Map.of(), out, false));
    }

    private static final String WIDGET = """
            apiVersion: example.com/v1
            kind: Widget
            metadata: {name: w1}
            spec:
              size: 3
              color: red
              configRef: settings
              extra:
                a: 1
                b: [x, y]
            """;

    @Test
    void reportsEveryUnusedFieldOnceAndIgnoredFieldsWithTheirReason() throws Exception {
        ConversionResult result = convert(WIDGET + "---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\ndata: {k: v}\n",
                dir.resolve("out"));
        assertThat(result.failed()).isFalse();
        assertThat(result.diagnostics()).extracting(Diagnostic::render).containsExactly(
                "in.yaml:6:3: info[K2E202]: field 'spec.color' is not converted: colour is cosmetic",
                "in.yaml:8:3: warning[K2E201]: field 'spec.extra' of example.com/Widget default/w1 is not converted\n"
                        .replace("\n", System.lineSeparator())
                        + "    hint: plugin kind-widget has no ECS mapping for it; check whether the workload relies on it and configure the ECS equivalent by hand",
                "in.yaml:12:1: warning[K2E101]: ConfigMap default/settings is not converted: no installed plugin maps ConfigMap"
                        + System.lineSeparator()
                        + "    hint: kinds with a mapper: example.com/Widget; perhaps you should add a plugin for it to the plugin path");
        assertThat(Files.readString(dir.resolve("out/list/w1.txt"))).isEqualTo("/widgets/w1\n");
    }

    @Test
    void danglingReferenceIsReportedAtTheReferringField() throws Exception {
        ConversionResult result = convert(WIDGET, dir.resolve("out"));
        assertThat(result.diagnostics()).filteredOn(d -> d.code().equals(Codes.DANGLING_REFERENCE)).singleElement()
                .satisfies(d -> {
                    assertThat(d.location().line()).isEqualTo(7);
                    assertThat(d.location().path()).isEqualTo("spec.configRef");
                    assertThat(d.message()).contains("ConfigMap default/settings");
                });
    }

    @Test
    void aPluginThatThrowsBecomesADiagnosticAndNothingIsWritten() throws Exception {
        Path out = dir.resolve("out");
        ConversionResult result = convert(WIDGET.replace("size: 3", "size: 3\n  explode: true"), out);
        assertThat(result.failed()).isTrue();
        assertThat(result.diagnostics()).filteredOn(d -> d.severity() == Severity.ERROR).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo(Codes.PLUGIN_FAILURE);
            assertThat(d.pluginId()).isEqualTo("kind-widget");
            assertThat(d.message()).contains("widget exploded");
        });
        assertThat(out).doesNotExist();
    }

    @Test
    void syntaxErrorWritesNoOutputFolder() throws Exception {
        Path out = dir.resolve("out");
        ConversionResult result = convert("apiVersion: v1\nkind: [\n", out);
        assertThat(result.failed()).isTrue();
        assertThat(out).doesNotExist();
        assertThat(dir.toFile().list()).containsExactly("in.yaml");
    }
}
