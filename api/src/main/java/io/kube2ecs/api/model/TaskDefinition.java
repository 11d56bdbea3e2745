package io.kube2ecs.api.model;

import io.kube2ecs.api.Stable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An ECS task definition for Fargate ({@code awsvpc} network mode). Task-level CPU and memory must
 * form a valid Fargate size.
 */
@Stable
public final class TaskDefinition extends AwsResource {

    /** The {@link ResourceId#type()} of task definitions. */
    public static final String TYPE = "ecs-task-definition";

    private final String family;
    private int cpu = 256;
    private int memory = 512;
    private Value executionRole;
    private Value taskRole;
    private final List<ContainerDefinition> containers = new ArrayList<>();
    private final List<Volume> volumes = new ArrayList<>();
    private String cpuArchitecture;
    private String operatingSystemFamily;
    private Integer ephemeralStorageGiB;
    private String pidMode;

    /**
     * @param id     identity; type {@link #TYPE}
     * @param family the task definition family (letters, digits, {@code -}, {@code _}; up to 255)
     */
    public TaskDefinition(ResourceId id, String family) {
        super(id);
        this.family = Objects.requireNonNull(family, "family");
    }

    /** @return the family name */
    public String family() { return family; }
    /** @return task CPU units (256, 512, 1024, …) */
    public int cpu() { return cpu; }
    /** @param cpu task CPU units */
    public void cpu(int cpu) { this.cpu = cpu; }
    /** @return task memory in MiB */
    public int memory() { return memory; }
    /** @param memory task memory in MiB */
    public void memory(int memory) { this.memory = memory; }
    /** @return the role ECS uses to pull images, read secrets and write logs, or null */
    public Value executionRole() { return executionRole; }
    /** @param role the execution role ARN, or null */
    public void executionRole(Value role) { this.executionRole = role; }
    /** @return the role the containers assume (from the ServiceAccount), or null */
    public Value taskRole() { return taskRole; }
    /** @param role the task role ARN, or null */
    public void taskRole(Value role) { this.taskRole = role; }
    /** @return containers, in Kubernetes order (init containers first) */
    public List<ContainerDefinition> containers() { return containers; }
    /** @return task volumes */
    public List<Volume> volumes() { return volumes; }
    /** @return {@code X86_64}, {@code ARM64}, or null for the default */
    public String cpuArchitecture() { return cpuArchitecture; }
    /** @param value {@code X86_64}, {@code ARM64}, or null */
    public void cpuArchitecture(String value) { this.cpuArchitecture = value; }
    /** @return e.g. {@code LINUX}, or null for the default */
    public String operatingSystemFamily() { return operatingSystemFamily; }
    /** @param value e.g. {@code LINUX}, or null */
    public void operatingSystemFamily(String value) { this.operatingSystemFamily = value; }
    /** @return ephemeral storage in GiB (21–200), or null for the default 20 */
    public Integer ephemeralStorageGiB() { return ephemeralStorageGiB; }
    /** @param value GiB, or null */
    public void ephemeralStorageGiB(Integer value) { this.ephemeralStorageGiB = value; }
    /** @return {@code task} to share the process namespace, or null */
    public String pidMode() { return pidMode; }
    /** @param value {@code task}, or null */
    public void pidMode(String value) { this.pidMode = value; }
}
