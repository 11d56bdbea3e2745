package io.kube2ecs.plugin.kind.serviceaccount;

import io.kube2ecs.api.spi.KindMapper;
import io.kube2ecs.api.spi.Plugin;
import java.util.List;

/**
 * Maps a {@code ServiceAccount} with an IAM role (IRSA) to the task role of the workloads using it.
 */
public final class ServiceAccountPlugin implements Plugin {

    @Override
    public String id() {
        return "kind-serviceaccount";
    }

    @Override
    public String description() {
        return "ServiceAccount (eks.amazonaws.com/role-arn) -> ECS task role";
    }

    @Override
    public List<KindMapper> kindMappers() {
        return List.of(new ServiceAccountMapper());
    }
}
