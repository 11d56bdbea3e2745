package io.kube2ecs.api.spi;

import io.kube2ecs.api.Stable;
import io.kube2ecs.api.model.DeploymentModel;

/**
 * Writes the ECS deployment model in one output format (a "target").
 *
 * <p>An emitter only reads the model, so it works with every kind mapper, including ones written
 * after it. It writes through {@link EmitContext#output()} with paths relative to its own folder of
 * the output; the core writes the files atomically once every emitter has succeeded. Output must be
 * deterministic: same model, byte-identical files.
 *
 * <p>Called once per run. Emitters of different targets run at the same time on different threads
 * over the same model, which they must only read (apart from {@code DeploymentModel.input}, which
 * is safe to call concurrently); an emitter keeps its own state per call.
 */
@Stable
public interface Emitter {

    /** @return the target id, e.g. {@code ecs-json}, {@code terraform}, {@code cloudformation} */
    String target();

    /**
     * @return the folder of the output this emitter writes under, e.g. {@code ecs} for
     *         {@code OUT/ecs/…}; defaults to the target id
     */
    default String outputFolder() {
        return target();
    }

    /**
     * Writes the model. The pipeline calls it only when the model holds at least one resource
     * (an input with nothing to convert writes nothing); a direct caller may pass any model.
     *
     * @param model   the converted model, read-only by contract; not null
     * @param context where to write and report; not null
     */
    void emit(DeploymentModel model, EmitContext context);
}
