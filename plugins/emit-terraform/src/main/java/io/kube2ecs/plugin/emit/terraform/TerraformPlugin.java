package io.kube2ecs.plugin.emit.terraform;

import io.kube2ecs.api.ApiVersion;
import io.kube2ecs.api.spi.Emitter;
import io.kube2ecs.api.spi.Plugin;
import java.util.List;

/**
 * Writes the model as a self-contained Terraform configuration for the {@code hashicorp/aws}
 * provider.
 */
public final class TerraformPlugin implements Plugin {

    @Override
    public String id() {
        return "emit-terraform";
    }

    /** @return 1.6: the emitter writes {@code ScheduledTask}s */
    @Override
    public ApiVersion requiredApiVersion() {
        return new ApiVersion(1, 6);
    }

    @Override
    public String description() {
        return "Terraform configuration (hashicorp/aws ~> 5.0), plain resources, ready for terraform apply";
    }

    @Override
    public List<Emitter> emitters() {
        return List.of(new TerraformEmitter());
    }
}
