package io.kube2ecs.plugin.kind.pdb;

import io.kube2ecs.api.spi.KindMapper;
import io.kube2ecs.api.spi.Plugin;
import java.util.List;

/**
 * Checks a {@code PodDisruptionBudget} against the deployment configuration of the ECS services
 * of the workloads it selects, which bounds how many tasks ECS stops while it replaces them.
 */
public final class PodDisruptionBudgetPlugin implements Plugin {

    @Override
    public String id() {
        return "kind-poddisruptionbudget";
    }

    @Override
    public String description() {
        return "policy/PodDisruptionBudget -> checked against the ECS services' minimumHealthyPercent and maximumPercent";
    }

    @Override
    public List<KindMapper> kindMappers() {
        return List.of(new PodDisruptionBudgetMapper());
    }
}
