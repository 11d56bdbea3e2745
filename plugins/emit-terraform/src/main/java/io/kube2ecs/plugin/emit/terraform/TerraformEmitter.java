package io.kube2ecs.plugin.emit.terraform;

import io.kube2ecs.api.model.DeploymentModel;
import io.kube2ecs.api.spi.EmitContext;
import io.kube2ecs.api.spi.Emitter;

/**
 * The {@code terraform} target: a self-contained configuration for the {@code hashicorp/aws}
 * provider, written by {@link TerraformWriter} (fresh state per run).
 */
public final class TerraformEmitter implements Emitter {

    @Override
    public String target() {
        return "terraform";
    }

    @Override
    public void emit(DeploymentModel model, EmitContext context) {
        new TerraformWriter().run(model, context);
    }
}
