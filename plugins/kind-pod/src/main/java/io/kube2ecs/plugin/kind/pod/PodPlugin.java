package io.kube2ecs.plugin.kind.pod;

import io.kube2ecs.api.spi.KindMapper;
import io.kube2ecs.api.spi.Plugin;
import java.util.List;

/**
 * Maps a bare {@code Pod} to an ECS task definition and a one-off task run.
 */
public final class PodPlugin implements Plugin {

    @Override
    public String id() {
        return "kind-pod";
    }

    @Override
    public String description() {
        return "Pod -> ECS task definition + run-task input (Fargate)";
    }

    @Override
    public List<KindMapper> kindMappers() {
        return List.of(new PodMapper());
    }
}
