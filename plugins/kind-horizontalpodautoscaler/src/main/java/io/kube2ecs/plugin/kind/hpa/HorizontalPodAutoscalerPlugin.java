package io.kube2ecs.plugin.kind.hpa;

import io.kube2ecs.api.spi.KindMapper;
import io.kube2ecs.api.spi.Plugin;
import java.util.List;

/**
 * Maps a {@code HorizontalPodAutoscaler} to Application Auto Scaling of the ECS service its
 * Deployment or ReplicaSet became: capacity bounds and target tracking on CPU or memory.
 */
public final class HorizontalPodAutoscalerPlugin implements Plugin {

    @Override
    public String id() {
        return "kind-horizontalpodautoscaler";
    }

    @Override
    public String description() {
        return "HorizontalPodAutoscaler -> Application Auto Scaling target tracking on the ECS service";
    }

    @Override
    public List<KindMapper> kindMappers() {
        return List.of(new HorizontalPodAutoscalerMapper());
    }
}
