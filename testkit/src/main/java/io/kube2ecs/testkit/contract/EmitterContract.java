package io.kube2ecs.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kube2ecs.api.diag.Diagnostic;
import io.kube2ecs.api.model.DeploymentModel;
import io.kube2ecs.api.spi.Emitter;
import io.kube2ecs.api.spi.Plugin;
import io.kube2ecs.testkit.ModelDump;
import io.kube2ecs.testkit.PipelineRunner;
import io.kube2ecs.testkit.RunResult;
import io.kube2ecs.testkit.SampleModels;
import io.kube2ecs.testkit.TextDiff;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Contract of a plugin that contributes an emitter. The checks run the emitter over
 * {@link #model()} (by default {@link SampleModels#shop()}) the way the pipeline's emit stage does.
 *
 * <pre>{@code
 * class ComposeContractTest implements EmitterContract {
 *     public Plugin plugin() { return new ComposePlugin(); }
 * }
 * }</pre>
 */
public interface EmitterContract extends PluginContract {

    /** @return the target under test; by default the plugin's only emitter's */
    default String target() {
        List<Emitter> emitters = plugin().emitters();
        if (emitters.size() != 1) {
            throw new IllegalStateException("the plugin has " + emitters.size() + " emitters; override target()");
        }
        return emitters.get(0).target();
    }

    /** @return a new model to emit, each call a fresh one; {@link SampleModels#shop()} by default */
    default DeploymentModel model() {
        return SampleModels.shop();
    }

    /** @return the plugin options to emit with; none by default */
    default Map<String, Object> options() {
        return Map.of();
    }

    private RunResult emit(Plugin plugin, DeploymentModel model) {
        String target = target();
        Emitter emitter = plugin.emitters().stream().filter(e -> e.target().equals(target)).findFirst()
                .orElseThrow(() -> new AssertionError("the plugin has no emitter for target " + target));
        return PipelineRunner.emit(plugin.id(), emitter, model, options());
    }

    /** The emitter writes something for a model with services, and does not fail. */
    @Test
    default void writesFilesWithoutFailing() {
        RunResult result = emit(plugin(), model());
        assertTrue(result.withCode(KindMapperContract.PLUGIN_FAILURE).isEmpty(), result::renderedDiagnostics);
        assertFalse(result.files().isEmpty(), "the emitter wrote no file");
    }

    /** Same model, byte-identical files and the same diagnostics, also from the same instance twice. */
    @Test
    default void outputIsDeterministic() {
        Plugin plugin = plugin();
        RunResult first = emit(plugin, model());
        RunResult again = emit(plugin, model());
        RunResult fresh = emit(plugin(), model());
        assertEquals(first.describe(), again.describe(), () -> "a second run with the same instance differs:\n"
                + TextDiff.diff(first.describe(), again.describe()));
        assertEquals(first.describe(), fresh.describe(), () -> "a run with a new instance differs:\n"
                + TextDiff.diff(first.describe(), fresh.describe()));
    }

    /** The model is read-only to emitters: it looks the same after the emitter ran. */
    @Test
    default void modelIsNotMutated() {
        DeploymentModel model = model();
        String before = ModelDump.toJson(model);
        emit(plugin(), model);
        String after = ModelDump.toJson(model);
        assertEquals(before, after, () -> "the emitter changed the model:\n" + TextDiff.diff(before, after));
    }

    /** Files go under the emitter's own output folder, so targets never overwrite each other. */
    @Test
    default void writesOnlyUnderItsOutputFolder() {
        Plugin plugin = plugin();
        String folder = plugin.emitters().stream().filter(e -> e.target().equals(target())).findFirst()
                .orElseThrow().outputFolder();
        for (String path : emit(plugin, model()).files().keySet()) {
            assertTrue(path.startsWith(folder + "/"), () -> path + " is outside the output folder " + folder);
        }
    }

    /** An empty model (only inputs declared) does not make the emitter throw. */
    @Test
    default void emptyModelDoesNotFail() {
        RunResult result = emit(plugin(), PipelineRunner.newModel());
        assertTrue(result.withCode(KindMapperContract.PLUGIN_FAILURE).isEmpty(), result::renderedDiagnostics);
    }

    /** Diagnostics carry a code users can look up and a message. */
    @Test
    default void diagnosticsHaveCodesAndMessages() {
        for (Diagnostic d : emit(plugin(), model()).diagnostics()) {
            assertTrue(d.code().matches("[A-Z][A-Z0-9]*[0-9]{3}"), () -> "diagnostic code '" + d.code()
                    + "' is not PREFIX + three digits: " + d.render());
            assertFalse(d.message().isBlank(), () -> "diagnostic " + d.code() + " has no message");
        }
    }
}
