package io.kube2ecs.plugin.kind.statefulset;

import io.kube2ecs.api.spi.KindMapper;
import io.kube2ecs.api.spi.Plugin;
import java.util.List;

/**
 * Maps {@code apps/StatefulSet} to an ECS task definition and service that rolls one task at a
 * time, with what ECS cannot keep (stable pod names, per-replica persistent volumes) reported.
 */
public final class StatefulSetPlugin implements Plugin {

    @Override
    public String id() {
        return "kind-statefulset";
    }

    @Override
    public String description() {
        return "apps/StatefulSet -> ECS task definition + service (Fargate), one task replaced at a time";
    }

    @Override
    public List<KindMapper> kindMappers() {
        return List.of(new StatefulSetMapper());
    }
}
