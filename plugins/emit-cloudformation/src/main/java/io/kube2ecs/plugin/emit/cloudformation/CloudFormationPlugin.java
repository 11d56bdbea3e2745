package io.kube2ecs.plugin.emit.cloudformation;

import io.kube2ecs.api.ApiVersion;
import io.kube2ecs.api.spi.Emitter;
import io.kube2ecs.api.spi.Plugin;
import java.util.List;

/**
 * Writes the model as one CloudFormation template.
 */
public final class CloudFormationPlugin implements Plugin {

    @Override
    public String id() {
        return "emit-cloudformation";
    }

    /** @return 1.6: the emitter writes {@code ScheduledTask}s */
    @Override
    public ApiVersion requiredApiVersion() {
        return new ApiVersion(1, 6);
    }

    @Override
    public String description() {
        return "CloudFormation template (one stack) with parameters for the environment inputs";
    }

    @Override
    public List<Emitter> emitters() {
        return List.of(new CloudFormationEmitter());
    }
}
