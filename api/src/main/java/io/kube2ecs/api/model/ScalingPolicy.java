package io.kube2ecs.api.model;

import io.kube2ecs.api.Stable;
import java.util.List;

/**
 * Application Auto Scaling for an ECS service: capacity bounds and target-tracking policies.
 */
@Stable
public final class ScalingPolicy extends AwsResource {

    /** The {@link ResourceId#type()} of scaling policies. */
    public static final String TYPE = "autoscaling-policy";
    /** The predefined metric of an ECS service's average CPU utilization, percent of the task size. */
    public static final String CPU_UTILIZATION = "ECSServiceAverageCPUUtilization";
    /** The predefined metric of an ECS service's average memory utilization, percent of the task size. */
    public static final String MEMORY_UTILIZATION = "ECSServiceAverageMemoryUtilization";

    private final ResourceId service;
    private final int minCapacity;
    private final int maxCapacity;
    private final List<TargetTracking> targets;

    /**
     * @param id          identity; type {@link #TYPE}
     * @param service     the ECS service scaled
     * @param minCapacity minimum tasks
     * @param maxCapacity maximum tasks
     * @param targets     target-tracking policies
     */
    public ScalingPolicy(ResourceId id, ResourceId service, int minCapacity, int maxCapacity,
                         List<TargetTracking> targets) {
        super(id);
        this.service = service;
        this.minCapacity = minCapacity;
        this.maxCapacity = maxCapacity;
        this.targets = List.copyOf(targets);
    }

    /** @return the ECS service */
    public ResourceId service() { return service; }
    /** @return minimum tasks */
    public int minCapacity() { return minCapacity; }
    /** @return maximum tasks */
    public int maxCapacity() { return maxCapacity; }
    /** @return target-tracking policies */
    public List<TargetTracking> targets() { return targets; }

    /**
     * A target-tracking policy on a predefined metric.
     *
     * @param metric      {@link #CPU_UTILIZATION} or {@link #MEMORY_UTILIZATION}
     * @param targetValue the target, percent
     */
    public record TargetTracking(String metric, double targetValue) {
    }
}
