package io.kube2ecs.plugin.kind.job;

import io.kube2ecs.api.ApiVersion;
import io.kube2ecs.api.spi.KindMapper;
import io.kube2ecs.api.spi.Plugin;
import java.util.List;

/**
 * Maps {@code batch/Job} to a task definition and a one-off run of it ({@code aws ecs run-task}),
 * and {@code batch/CronJob} the same, with an EventBridge Scheduler schedule that starts the run.
 */
public final class JobPlugin implements Plugin {

    @Override
    public String id() {
        return "kind-job";
    }

    /** @return 1.6: the CronJob mapper makes {@code ScheduledTask}s */
    @Override
    public ApiVersion requiredApiVersion() {
        return new ApiVersion(1, 6);
    }

    @Override
    public String description() {
        return "batch/Job, batch/CronJob -> ECS task definition + one-off run-task (CronJob: + EventBridge Scheduler schedule)";
    }

    @Override
    public List<KindMapper> kindMappers() {
        return List.of(new JobMapper(), new CronJobMapper());
    }
}
