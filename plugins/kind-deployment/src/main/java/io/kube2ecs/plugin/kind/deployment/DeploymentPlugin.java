package io.kube2ecs.plugin.kind.deployment;

import io.kube2ecs.api.spi.KindMapper;
import io.kube2ecs.api.spi.Plugin;
import java.util.List;

/**
 * Maps {@code apps/Deployment} to an ECS task definition and service.
 */
public final class DeploymentPlugin implements Plugin {

    /** The plugin id. */
    public static final String ID = "kind-deployment";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "apps/Deployment -> ECS task definition + service (Fargate)";
    }

    @Override
    public List<KindMapper> kindMappers() {
        return List.of(new DeploymentMapper());
    }
}
