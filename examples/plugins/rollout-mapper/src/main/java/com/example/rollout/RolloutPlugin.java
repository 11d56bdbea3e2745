package com.example.rollout;

import io.kube2ecs.api.ApiVersion;
import io.kube2ecs.api.spi.KindMapper;
import io.kube2ecs.api.spi.Plugin;
import java.util.List;

/**
 * Entry point of the example plugin: maps Argo Rollouts ({@code argoproj.io/Rollout}) onto ECS
 * services. Listed in {@code META-INF/services/io.kube2ecs.api.spi.Plugin} so kube2ecs finds it.
 */
public final class RolloutPlugin implements Plugin {

    // the same instance every time kube2ecs asks, as the Plugin contract wants
    private final List<KindMapper> mappers = List.of(new RolloutMapper());

    @Override
    public String id() {
        return "example-rollout";
    }

    @Override
    public String description() {
        return "Argo Rollouts as ECS services; blue/green becomes the CODE_DEPLOY deployment controller";
    }

    @Override
    public ApiVersion requiredApiVersion() {
        // EcsService.deploymentController arrived in API 1.2
        return new ApiVersion(1, 2);
    }

    @Override
    public List<KindMapper> kindMappers() {
        return mappers;
    }
}
