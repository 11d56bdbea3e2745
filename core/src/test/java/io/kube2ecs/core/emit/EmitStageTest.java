package io.kube2ecs.core.emit;

import static org.assertj.core.api.Assertions.assertThat;

import io.kube2ecs.api.diag.Diagnostic;
import io.kube2ecs.api.model.DeploymentModel;
import io.kube2ecs.api.model.EnvironmentInput;
import io.kube2ecs.api.spi.Emitter;
import io.kube2ecs.core.diag.Codes;
import io.kube2ecs.core.diag.DiagnosticCollector;
import io.kube2ecs.core.plugin.PluginRegistry;
import io.kube2ecs.core.profile.Profile;
import io.kube2ecs.core.profile.Settings;
import java.io.IOException;
import java.util.List;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;

/** Emitters write through a sink as they go; the stage tells a full disk from a broken plugin. */
class EmitStageTest {

    private static Emitter writing(String target, String folder, String... paths) {
        return emitter(target, folder, context -> {
            for (String path : paths) {
                context.output().write(path, target);
            }
        });
    }

    private static Emitter emitter(String target, String folder, java.util.function.Consumer<io.kube2ecs.api.spi.EmitContext> body) {
        return new Emitter() {
            @Override
            public String target() {
                return target;
            }

            @Override
            public String outputFolder() {
                return folder;
            }

            @Override
            public void emit(DeploymentModel model, io.kube2ecs.api.spi.EmitContext context) {
                body.accept(context);
            }
        };
    }

    private static List<Diagnostic> errors(DiagnosticCollector diagnostics) {
        return diagnostics.sorted().stream().filter(d -> d.severity() == io.kube2ecs.api.diag.Severity.ERROR).toList();
    }

    @Test
    void aDiskFailureUnderAnEmitterIsAnOutputFailureNotAPluginBug() {
        DiagnosticCollector diagnostics = new DiagnosticCollector();
        FileSink full = (path, content) -> {
            throw new IOException("No space left on device");
        };
        new EmitStage().run(new DeploymentModel(), List.of(new PluginRegistry.Bound<>("emit-x", writing("x", "x", "a.json"))),
                new Settings(Profile.EMPTY), Profile.EMPTY, diagnostics, (target, nanos) -> { }, full);
        assertThat(errors(diagnostics)).singleElement().satisfies(error -> {
            assertThat(error.code()).isEqualTo(Codes.OUTPUT_FAILED);
            assertThat(error.message()).contains("No space left on device");
        });
    }

    @Test
    void theReportedPlaceholdersAreInputsWithoutAValueOnceEach() {
        List<EmitStage.Result> results = new EmitStage().run(new DeploymentModel(), List.of(new PluginRegistry.Bound<>("emit-x",
                        emitter("x", "x", context -> {
                            context.placeholder("cluster_name", "ECS cluster name");
                            context.placeholder("cluster_arn", "ECS cluster ARN");
                            context.placeholder("cluster_name", "reported again");
                        }))),
                new Settings(Profile.EMPTY), Profile.EMPTY, new DiagnosticCollector(), (target, nanos) -> { }, (path, content) -> { });
        assertThat(results).singleElement().satisfies(result -> assertThat(result.placeholders()).containsExactly(
                new EnvironmentInput("cluster_name", "ECS cluster name", EnvironmentInput.Type.STRING, false, List.of()),
                new EnvironmentInput("cluster_arn", "ECS cluster ARN", EnvironmentInput.Type.STRING, false, List.of())));
        assertThat(results.get(0).placeholders().get(0).placeholder()).isEqualTo("${CLUSTER_NAME}");
    }

    @Test
    void twoEmittersWritingOnePathNameTheLaterOneWhicheverWroteFirst() {
        for (int run = 0; run < 20; run++) {
            DiagnosticCollector diagnostics = new DiagnosticCollector();
            SortedMap<String, byte[]> files = new EmitStage().run(new DeploymentModel(), List.of(
                    new PluginRegistry.Bound<>("emit-a", writing("a", "shared", "same.json", "a-only.json")),
                    new PluginRegistry.Bound<>("emit-b", writing("b", "shared", "same.json", "b-only.json"))),
                    new Settings(Profile.EMPTY), Profile.EMPTY, diagnostics, (target, nanos) -> { });
            assertThat(errors(diagnostics)).singleElement().satisfies(error -> {
                assertThat(error.code()).isEqualTo(Codes.PLUGIN_FAILURE);
                assertThat(error.message()).isEqualTo("two emitters write shared/same.json");
                assertThat(error.pluginId()).isEqualTo("emit-b");
            });
            assertThat(files).containsKeys("shared/a-only.json", "shared/b-only.json", "shared/same.json");
        }
    }

    @Test
    void theFilesOfAnEmitterThatThrowsAreDroppedFromTheInMemoryResult() {
        Emitter broken = emitter("broken", "broken", context -> {
            context.output().write("half.json", "{");
            throw new IllegalStateException("bug");
        });
        DiagnosticCollector diagnostics = new DiagnosticCollector();
        SortedMap<String, byte[]> files = new EmitStage().run(new DeploymentModel(), List.of(
                new PluginRegistry.Bound<>("emit-broken", broken), new PluginRegistry.Bound<>("emit-ok", writing("ok", "ok", "a.json"))),
                new Settings(Profile.EMPTY), Profile.EMPTY, diagnostics, (target, nanos) -> { });
        assertThat(files).containsOnlyKeys("ok/a.json");
        assertThat(errors(diagnostics)).singleElement().satisfies(error -> {
            assertThat(error.code()).isEqualTo(Codes.PLUGIN_FAILURE);
            assertThat(error.message()).contains("emitter broken of plugin emit-broken failed");
        });
    }

    @Test
    void anErrorInOneEmitterWaitsForTheOthersBeforeItLeavesTheStage() {
        java.util.concurrent.atomic.AtomicBoolean slowFinished = new java.util.concurrent.atomic.AtomicBoolean();
        Emitter failing = emitter("failing", "failing", context -> {
            throw new OutOfMemoryError("simulated");
        });
        Emitter slow = emitter("slow", "slow", context -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            context.output().write("late.json", "{}");
            slowFinished.set(true);
        });
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new EmitStage().run(new DeploymentModel(), List.of(
                        new PluginRegistry.Bound<>("emit-failing", failing), new PluginRegistry.Bound<>("emit-slow", slow)),
                        new Settings(Profile.EMPTY), Profile.EMPTY, new DiagnosticCollector(), (target, nanos) -> { }))
                .isInstanceOf(OutOfMemoryError.class);
        // the caller removes the staging folder next: nothing may still be writing into it
        assertThat(slowFinished).isTrue();
    }
}
