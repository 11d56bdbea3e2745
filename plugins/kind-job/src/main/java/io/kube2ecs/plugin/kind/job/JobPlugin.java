package io.kube2ecs.plugin.kind.job;

import io.kube2ecs.api.spi.KindMapper;
import io.kube2ecs.api.spi.Plugin;
import java.util.List;

/**
 * Maps {@code batch/Job} to a task definition and a one-off run of it ({@code aws ecs run-task}).
 */
public final class JobPlugin implements Plugin {

    @Override
    public String id() {
        return "kind-job";
    }

    @Override
    public String description() {
        return "batch/Job -> ECS task definition + one-off run-task";
    }

    @Override
    public List<KindMapper> kindMappers() {
        return List.of(new JobMapper());
    }
}
