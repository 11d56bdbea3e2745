package io.kube2ecs.plugin.emit.ecsjson;

import io.kube2ecs.api.ApiVersion;
import io.kube2ecs.api.spi.Emitter;
import io.kube2ecs.api.spi.Plugin;
import java.util.List;

/**
 * Writes the model as AWS CLI input JSON: {@code register-task-definition} and
 * {@code create-service}.
 */
public final class EcsJsonPlugin implements Plugin {

    /** The plugin id. */
    public static final String ID = "emit-ecs-json";

    @Override
    public String id() {
        return ID;
    }

    /** @return 1.6: the emitter writes {@code ScheduledTask}s */
    @Override
    public ApiVersion requiredApiVersion() {
        return new ApiVersion(1, 6);
    }

    @Override
    public String description() {
        return "ECS JSON for aws ecs register-task-definition / create-service --cli-input-json";
    }

    @Override
    public List<Emitter> emitters() {
        return List.of(new EcsJsonEmitter());
    }
}
