package io.kube2ecs.api.model;

import io.kube2ecs.api.Stable;
import io.kube2ecs.api.Experimental;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An ECS service running a task definition on Fargate, with its deployment settings, network
 * placement, load balancers and service discovery.
 */
@Stable
public final class EcsService extends AwsResource {

    /** The {@link ResourceId#type()} of services. */
    public static final String TYPE = "ecs-service";

    private final String serviceName;
    private final ResourceId taskDefinition;
    private Value cluster;
    private int desiredCount = 1;
    private int maximumPercent = 200;
    private int minimumHealthyPercent = 100;
    private boolean circuitBreaker = true;
    private final List<Value> subnets = new ArrayList<>();
    private final List<Value> securityGroups = new ArrayList<>();
    private boolean assignPublicIp;
    private final List<LoadBalancerAttachment> loadBalancers = new ArrayList<>();
    private final List<ServiceRegistry> serviceRegistries = new ArrayList<>();
    private ServiceConnect serviceConnect;
    private Integer healthCheckGracePeriodSeconds;
    private boolean enableExecuteCommand;
    private String platformVersion = "LATEST";
    private DeploymentController deploymentController = DeploymentController.ECS;

    /**
     * @param id             identity; type {@link #TYPE}
     * @param serviceName    the ECS service name (letters, digits, {@code -}, {@code _}; up to 255)
     * @param taskDefinition the task definition it runs
     */
    public EcsService(ResourceId id, String serviceName, ResourceId taskDefinition) {
        super(id);
        this.serviceName = Objects.requireNonNull(serviceName, "serviceName");
        this.taskDefinition = Objects.requireNonNull(taskDefinition, "taskDefinition");
    }

    /** @return the ECS service name */
    public String serviceName() { return serviceName; }
    /** @return the task definition it runs */
    public ResourceId taskDefinition() { return taskDefinition; }
    /** @return the cluster the service runs in, usually the {@link StandardInputs#CLUSTER} input */
    public Value cluster() { return cluster; }
    /** @param value the cluster */
    public void cluster(Value value) { this.cluster = value; }
    /** @return how many tasks to run */
    public int desiredCount() { return desiredCount; }
    /** @param count how many tasks to run */
    public void desiredCount(int count) { this.desiredCount = count; }
    /** @return upper limit of running tasks during a deployment, percent of desired */
    public int maximumPercent() { return maximumPercent; }
    /** @param value percent */
    public void maximumPercent(int value) { this.maximumPercent = value; }
    /** @return lower limit of healthy tasks during a deployment, percent of desired */
    public int minimumHealthyPercent() { return minimumHealthyPercent; }
    /** @param value percent */
    public void minimumHealthyPercent(int value) { this.minimumHealthyPercent = value; }
    /** @return whether failed deployments stop and roll back */
    public boolean circuitBreaker() { return circuitBreaker; }
    /** @param value whether failed deployments stop and roll back */
    public void circuitBreaker(boolean value) { this.circuitBreaker = value; }
    /** @return subnets the tasks run in; an element may be a list-typed input */
    public List<Value> subnets() { return subnets; }
    /** @return security groups of the tasks; an element may be a list-typed input */
    public List<Value> securityGroups() { return securityGroups; }
    /** @return whether tasks get a public IP */
    public boolean assignPublicIp() { return assignPublicIp; }
    /** @param value whether tasks get a public IP */
    public void assignPublicIp(boolean value) { this.assignPublicIp = value; }
    /** @return target groups the tasks register with */
    public List<LoadBalancerAttachment> loadBalancers() { return loadBalancers; }
    /** @return Cloud Map registrations (ECS allows one) */
    public List<ServiceRegistry> serviceRegistries() { return serviceRegistries; }
    /** @return Service Connect configuration, or null */
    public ServiceConnect serviceConnect() { return serviceConnect; }
    /** @param value Service Connect configuration, or null */
    public void serviceConnect(ServiceConnect value) { this.serviceConnect = value; }
    /** @return seconds load-balancer health checks are ignored after start, or null */
    public Integer healthCheckGracePeriodSeconds() { return healthCheckGracePeriodSeconds; }
    /** @param value seconds, or null */
    public void healthCheckGracePeriodSeconds(Integer value) { this.healthCheckGracePeriodSeconds = value; }
    /** @return whether ECS Exec is enabled */
    public boolean enableExecuteCommand() { return enableExecuteCommand; }
    /** @param value whether ECS Exec is enabled */
    public void enableExecuteCommand(boolean value) { this.enableExecuteCommand = value; }
    /** @return the Fargate platform version */
    public String platformVersion() { return platformVersion; }
    /** @param value the Fargate platform version */
    public void platformVersion(String value) { this.platformVersion = Objects.requireNonNull(value); }

    /**
     * @return who replaces the tasks on a deployment; {@link DeploymentController#ECS} (rolling update,
     *         with the {@linkplain #circuitBreaker() circuit breaker}) unless a mapper chose otherwise
     * @since API 1.2
     */
    @Experimental(since = "1.2")
    public DeploymentController deploymentController() { return deploymentController; }

    /**
     * Chooses who replaces the tasks on a deployment. With {@link DeploymentController#CODE_DEPLOY}
     * the emitters write the controller and leave out the circuit breaker, which ECS allows only for
     * its own controller; the CodeDeploy application and deployment group are not part of the model.
     *
     * @param value the controller, not null
     * @since API 1.2
     */
    @Experimental(since = "1.2")
    public void deploymentController(DeploymentController value) { this.deploymentController = Objects.requireNonNull(value); }

    /**
     * Who replaces a service's tasks on a deployment (the ECS {@code deploymentController.type}).
     *
     * @since API 1.2
     */
    @Experimental(since = "1.2")
    public enum DeploymentController {
        /** ECS rolling update, the default. */
        ECS,
        /** Blue/green through AWS CodeDeploy: a second target group and a deployment group shift traffic. */
        CODE_DEPLOY,
        /** A third-party controller manages task sets. */
        EXTERNAL
    }

    /**
     * A target group the service's tasks register with.
     *
     * @param targetGroup   the target group
     * @param containerName the container receiving traffic
     * @param containerPort its port
     */
    public record LoadBalancerAttachment(ResourceId targetGroup, String containerName, int containerPort) {
    }

    /**
     * A Cloud Map registration.
     *
     * @param discoveryService the Cloud Map service
     * @param containerName    the container, or null (A records need none)
     * @param containerPort    the port, or null
     */
    public record ServiceRegistry(ResourceId discoveryService, String containerName, Integer containerPort) {
    }

    /**
     * Service Connect: the service's endpoints in a Cloud Map namespace.
     *
     * @param namespace the Cloud Map namespace
     * @param services  the endpoints it publishes (empty for a client-only service)
     */
    public record ServiceConnect(ResourceId namespace, List<Endpoint> services) {
        public ServiceConnect {
            services = List.copyOf(services);
        }
    }

    /**
     * One Service Connect endpoint.
     *
     * @param portName      the container port's name
     * @param discoveryName the Cloud Map name
     * @param dnsName       the name clients use
     * @param port          the port clients use
     */
    public record Endpoint(String portName, String discoveryName, String dnsName, int port) {
    }
}
