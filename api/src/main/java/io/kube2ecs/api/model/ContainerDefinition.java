package io.kube2ecs.api.model;

import io.kube2ecs.api.Stable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One container of a task definition: the ECS {@code ContainerDefinition} surface that applies to
 * Fargate. Nullable properties mean "not set, use the ECS default". Lists and maps are never null
 * and are mutable while the model is built.
 */
@Stable
public final class ContainerDefinition {

    private final String name;
    private String image;
    private boolean essential = true;
    private Integer cpu;
    private Integer memory;
    private Integer memoryReservation;
    private final List<PortMapping> portMappings = new ArrayList<>();
    private final List<KeyValue> environment = new ArrayList<>();
    private final List<SecretRef> secrets = new ArrayList<>();
    private List<String> entryPoint;
    private List<String> command;
    private String workingDirectory;
    private String user;
    private HealthCheck healthCheck;
    private final List<MountPoint> mountPoints = new ArrayList<>();
    private final List<ContainerDependency> dependsOn = new ArrayList<>();
    private LogConfiguration logConfiguration;
    private Boolean readonlyRootFilesystem;
    private boolean initProcessEnabled;
    private final List<String> capabilitiesAdd = new ArrayList<>();
    private final List<String> capabilitiesDrop = new ArrayList<>();
    private final List<Ulimit> ulimits = new ArrayList<>();
    private Integer stopTimeout;
    private Integer startTimeout;
    private final Map<String, String> dockerLabels = new TreeMap<>();
    private Value repositoryCredentials;
    private Boolean interactive;
    private Boolean pseudoTerminal;
    private ReadinessCheck readiness;

    /**
     * @param name  the container name, unique in its task
     * @param image the image reference
     */
    public ContainerDefinition(String name, String image) {
        this.name = Objects.requireNonNull(name, "name");
        this.image = Objects.requireNonNull(image, "image");
    }

    /** @return the container name */
    public String name() { return name; }
    /** @return the image reference */
    public String image() { return image; }
    /** @param image the image reference */
    public void image(String image) { this.image = Objects.requireNonNull(image); }
    /** @return whether the task stops when this container stops */
    public boolean essential() { return essential; }
    /** @param essential whether the task stops when this container stops */
    public void essential(boolean essential) { this.essential = essential; }
    /** @return reserved CPU units (1024 = 1 vCPU), or null */
    public Integer cpu() { return cpu; }
    /** @param cpu reserved CPU units, or null */
    public void cpu(Integer cpu) { this.cpu = cpu; }
    /** @return hard memory limit in MiB, or null */
    public Integer memory() { return memory; }
    /** @param memory hard memory limit in MiB, or null */
    public void memory(Integer memory) { this.memory = memory; }
    /** @return soft memory reservation in MiB, or null */
    public Integer memoryReservation() { return memoryReservation; }
    /** @param memoryReservation soft memory reservation in MiB, or null */
    public void memoryReservation(Integer memoryReservation) { this.memoryReservation = memoryReservation; }
    /** @return the port mappings */
    public List<PortMapping> portMappings() { return portMappings; }
    /** @return plain environment variables, in order */
    public List<KeyValue> environment() { return environment; }
    /** @return variables filled from SSM or Secrets Manager */
    public List<SecretRef> secrets() { return secrets; }
    /** @return the entry point (Kubernetes {@code command}), or null for the image's */
    public List<String> entryPoint() { return entryPoint; }
    /** @param entryPoint the entry point, or null */
    public void entryPoint(List<String> entryPoint) { this.entryPoint = entryPoint == null ? null : List.copyOf(entryPoint); }
    /** @return the command (Kubernetes {@code args}), or null for the image's */
    public List<String> command() { return command; }
    /** @param command the command, or null */
    public void command(List<String> command) { this.command = command == null ? null : List.copyOf(command); }
    /** @return the working directory, or null */
    public String workingDirectory() { return workingDirectory; }
    /** @param workingDirectory the working directory, or null */
    public void workingDirectory(String workingDirectory) { this.workingDirectory = workingDirectory; }
    /** @return the user ({@code uid} or {@code uid:gid}), or null */
    public String user() { return user; }
    /** @param user the user, or null */
    public void user(String user) { this.user = user; }
    /** @return the health check, or null */
    public HealthCheck healthCheck() { return healthCheck; }
    /** @param healthCheck the health check, or null */
    public void healthCheck(HealthCheck healthCheck) { this.healthCheck = healthCheck; }
    /** @return mounted volumes */
    public List<MountPoint> mountPoints() { return mountPoints; }
    /** @return start-order dependencies */
    public List<ContainerDependency> dependsOn() { return dependsOn; }
    /** @return the log configuration, or null */
    public LogConfiguration logConfiguration() { return logConfiguration; }
    /** @param logConfiguration the log configuration, or null */
    public void logConfiguration(LogConfiguration logConfiguration) { this.logConfiguration = logConfiguration; }
    /** @return whether the root filesystem is read-only, or null */
    public Boolean readonlyRootFilesystem() { return readonlyRootFilesystem; }
    /** @param value whether the root filesystem is read-only, or null */
    public void readonlyRootFilesystem(Boolean value) { this.readonlyRootFilesystem = value; }
    /** @return whether an init process reaps zombies (Linux parameter) */
    public boolean initProcessEnabled() { return initProcessEnabled; }
    /** @param value whether an init process reaps zombies */
    public void initProcessEnabled(boolean value) { this.initProcessEnabled = value; }
    /** @return Linux capabilities to add (Fargate allows only {@code SYS_PTRACE}) */
    public List<String> capabilitiesAdd() { return capabilitiesAdd; }
    /** @return Linux capabilities to drop */
    public List<String> capabilitiesDrop() { return capabilitiesDrop; }
    /** @return resource limits */
    public List<Ulimit> ulimits() { return ulimits; }
    /** @return seconds between SIGTERM and SIGKILL (max 120 on Fargate), or null */
    public Integer stopTimeout() { return stopTimeout; }
    /** @param stopTimeout seconds, or null */
    public void stopTimeout(Integer stopTimeout) { this.stopTimeout = stopTimeout; }
    /** @return seconds to wait for dependencies, or null */
    public Integer startTimeout() { return startTimeout; }
    /** @param startTimeout seconds, or null */
    public void startTimeout(Integer startTimeout) { this.startTimeout = startTimeout; }
    /** @return Docker labels, sorted by key */
    public Map<String, String> dockerLabels() { return dockerLabels; }
    /** @return the Secrets Manager secret with private registry credentials, or null */
    public Value repositoryCredentials() { return repositoryCredentials; }
    /** @param value the secret, or null */
    public void repositoryCredentials(Value value) { this.repositoryCredentials = value; }
    /** @return whether stdin stays open, or null */
    public Boolean interactive() { return interactive; }
    /** @param value whether stdin stays open, or null */
    public void interactive(Boolean value) { this.interactive = value; }
    /** @return whether a TTY is allocated, or null */
    public Boolean pseudoTerminal() { return pseudoTerminal; }
    /** @param value whether a TTY is allocated, or null */
    public void pseudoTerminal(Boolean value) { this.pseudoTerminal = value; }
    /** @return the readiness probe, for a target group's health check; or null */
    public ReadinessCheck readiness() { return readiness; }
    /** @param value the readiness probe, or null */
    public void readiness(ReadinessCheck value) { this.readiness = value; }
}
