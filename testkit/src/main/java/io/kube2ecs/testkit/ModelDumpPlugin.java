package io.kube2ecs.testkit;

import io.kube2ecs.api.model.DeploymentModel;
import io.kube2ecs.api.spi.EmitContext;
import io.kube2ecs.api.spi.Emitter;
import io.kube2ecs.api.spi.Plugin;
import java.util.List;

/**
 * A test plugin whose emitter ({@code model}) writes the neutral model as {@code model/model.json},
 * so kind mappers are tested against the model rather than through an output format.
 */
public final class ModelDumpPlugin implements Plugin {

    /** The target this plugin's emitter writes. */
    public static final String TARGET = "model";

    /** The file it writes, relative to the output folder. */
    public static final String FILE = "model/model.json";

    @Override
    public String id() {
        return "test-model-dump";
    }

    @Override
    public List<Emitter> emitters() {
        return List.of(new Emitter() {
            @Override
            public String target() {
                return TARGET;
            }

            @Override
            public void emit(DeploymentModel model, EmitContext context) {
                context.output().write("model.json", ModelDump.toJson(model));
            }
        });
    }
}
