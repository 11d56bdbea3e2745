package io.kube2ecs.plugin.kind.replicaset;

import io.kube2ecs.api.spi.KindMapper;
import io.kube2ecs.api.spi.Plugin;
import java.util.List;

/**
 * Maps {@code apps/ReplicaSet} to an ECS task definition and service.
 */
public final class ReplicaSetPlugin implements Plugin {

    @Override
    public String id() {
        return "kind-replicaset";
    }

    @Override
    public String description() {
        return "apps/ReplicaSet -> ECS task definition + service (Fargate)";
    }

    @Override
    public List<KindMapper> kindMappers() {
        return List.of(new ReplicaSetMapper());
    }
}
