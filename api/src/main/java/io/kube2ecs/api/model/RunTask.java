package io.kube2ecs.api.model;

import io.kube2ecs.api.Stable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A one-off run of a task definition without a service (a bare Pod): the input of
 * {@code aws ecs run-task}.
 */
@Stable
public final class RunTask extends AwsResource {

    /** The {@link ResourceId#type()} of task runs. */
    public static final String TYPE = "ecs-run-task";

    private final ResourceId taskDefinition;
    private Value cluster;
    private final List<Value> subnets = new ArrayList<>();
    private final List<Value> securityGroups = new ArrayList<>();
    private boolean assignPublicIp;
    private String platformVersion = "LATEST";

    /**
     * @param id             identity; type {@link #TYPE}
     * @param taskDefinition the task definition to run
     */
    public RunTask(ResourceId id, ResourceId taskDefinition) {
        super(id);
        this.taskDefinition = Objects.requireNonNull(taskDefinition, "taskDefinition");
    }

    /** @return the task definition */
    public ResourceId taskDefinition() { return taskDefinition; }
    /** @return the cluster */
    public Value cluster() { return cluster; }
    /** @param value the cluster */
    public void cluster(Value value) { this.cluster = value; }
    /** @return subnets of the task */
    public List<Value> subnets() { return subnets; }
    /** @return security groups of the task */
    public List<Value> securityGroups() { return securityGroups; }
    /** @return whether the task gets a public IP */
    public boolean assignPublicIp() { return assignPublicIp; }
    /** @param value whether the task gets a public IP */
    public void assignPublicIp(boolean value) { this.assignPublicIp = value; }
    /** @return the Fargate platform version */
    public String platformVersion() { return platformVersion; }
    /** @param value the Fargate platform version */
    public void platformVersion(String value) { this.platformVersion = Objects.requireNonNull(value); }
}
