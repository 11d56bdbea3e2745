package io.kube2ecs.podtemplate;

import io.kube2ecs.api.model.DeploymentModel;
import io.kube2ecs.api.model.EcsService;
import io.kube2ecs.api.model.ModelIds;
import io.kube2ecs.api.model.RunTask;
import io.kube2ecs.api.model.StandardInputs;
import io.kube2ecs.api.model.TaskDefinition;
import io.kube2ecs.api.model.Value;

import io.kube2ecs.api.source.ObjectRef;
import io.kube2ecs.api.source.ResourceKind;
import io.kube2ecs.api.source.SourceNode;
import io.kube2ecs.api.source.SourceObject;
import io.kube2ecs.api.spi.ConversionSettings;
import io.kube2ecs.api.spi.MappingContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The ECS service (or one-off task) that runs a workload's task definition, with the network
 * placement of the environment and the security groups that SecurityGroupPolicies give its pods.
 */
public final class WorkloadService {

    /** The kind of the AWS VPC CNI's per-pod security group policy. */
    public static final ResourceKind SECURITY_GROUP_POLICY = new ResourceKind("vpcresources.k8s.aws", "SecurityGroupPolicy");
    private static final ResourceKind SERVICE_ACCOUNT = new ResourceKind("", "ServiceAccount");

    private WorkloadService() {
    }

    /**
     * Creates the service for a workload and adds it to the model.
     *
     * @param owner    the workload
     * @param task     its task definition
     * @param template from the owner's root to its pod template
     * @param context  the mapping context
     * @return the service, for the caller to set replicas and rollout
     */
    public static EcsService service(SourceObject owner, TaskDefinition task, UnaryOperator<SourceNode> template,
                                     MappingContext context) {
        DeploymentModel model = context.model();
        ConversionSettings settings = context.settings();
        EcsService service = new EcsService(ModelIds.service(owner.namespace(), owner.name()),
                settings.awsName(owner.namespace(), owner.name(), 255), task.id());
        service.addOrigin(owner.ref());
        service.cluster(model.input(StandardInputs.CLUSTER));
        service.subnets().add(model.input(StandardInputs.SUBNET_IDS));
        service.securityGroups().addAll(securityGroups(owner, template, context));
        service.assignPublicIp(settings.assignPublicIp());
        service.platformVersion(settings.platformVersion());
        service.tags().putAll(task.tags());
        attachTraffic(owner, task, service, context);
        model.add(service);
        return service;
    }

    /**
     * Connects the ECS service to what routed traffic to its pods: the Cloud Map service (or Service
     * Connect endpoints) of every Service selecting it, the target groups of LoadBalancer Services,
     * and the target groups of Ingress backends that are such Services.
     */
    private static void attachTraffic(SourceObject owner, TaskDefinition task, EcsService service, MappingContext context) {
        SourceObject plain = context.objects().find(owner.ref()).orElse(owner);
        List<SourceObject> services = ServiceRouting.servicesSelecting(plain, context.objects());
        boolean serviceConnect = "service-connect".equals(context.settings().serviceDiscovery());
        List<EcsService.Endpoint> endpoints = new ArrayList<>();
        Set<String> attached = new LinkedHashSet<>();
        for (SourceObject k8s : services) {
            SourceNode spec = k8s.root().get("spec");
            String type = spec.get("type").asText().orElse("ClusterIP");
            if (type.equals("ExternalName")) {
                continue;
            }
            boolean publisher = ServiceRouting.selectedWorkloads(k8s, context.objects()).stream().findFirst()
                    .map(first -> first.ref().equals(owner.ref())).orElse(false);
            if (serviceConnect && publisher) {
                for (SourceNode port : spec.get("ports").items()) {
                    ServiceRouting.target(port, plain).ifPresent(target -> {
                        String portName = namePort(task, target, k8s.name() + "-" + port.get("port").asText().orElse(""));
                        String discovery = spec.get("ports").items().size() == 1 ? k8s.name()
                                : k8s.name() + "-" + port.get("name").asText().orElse(port.get("port").asText().orElse(""));
                        endpoints.add(new EcsService.Endpoint(portName, discovery, k8s.name(), port.get("port").asInt().orElse(target.port())));
                    });
                }
            } else if (!serviceConnect && service.serviceRegistries().isEmpty()) {
                service.serviceRegistries().add(new EcsService.ServiceRegistry(ModelIds.cloudMapService(k8s.namespace(), k8s.name()),
                        null, null));
            }
            if (type.equals("LoadBalancer")) {
                for (SourceNode port : spec.get("ports").items()) {
                    int number = port.get("port").asInt().orElse(0);
                    ServiceRouting.target(port, plain).ifPresent(target -> attach(service, attached,
                            ModelIds.serviceTargetGroup(k8s.namespace(), k8s.name(), number), target));
                }
            }
        }
        List<String> serviceNames = services.stream().map(SourceObject::name).toList();
        for (RoutingIndex.IngressRoute route : RoutingIndex.of(context.objects()).ingressRoutesTo(context.objects(),
                owner.namespace(), serviceNames)) {
            ServiceRouting.Backend backend = route.backend();
            for (SourceObject k8s : services) {
                if (!k8s.name().equals(backend.service())) {
                    continue;
                }
                ServiceRouting.servicePort(k8s, backend.port()).flatMap(port -> ServiceRouting.target(port, plain))
                        .ifPresent(target -> attach(service, attached, ModelIds.ingressTargetGroup(
                                ServiceRouting.group(route.ingress()), k8s.namespace(), k8s.name(),
                                ServiceRouting.portNumber(k8s, backend.port())), target));
            }
        }
        if (serviceConnect) {
            service.serviceConnect(new EcsService.ServiceConnect(ModelIds.cloudMapNamespace(owner.namespace()), endpoints));
        }
        if (!service.loadBalancers().isEmpty()) {
            int grace = task.containers().stream().filter(c -> c.healthCheck() != null && c.healthCheck().startPeriod() != null)
                    .mapToInt(c -> c.healthCheck().startPeriod()).max().orElse(0);
            if (grace > 0) {
                service.healthCheckGracePeriodSeconds(grace);
            }
        }
    }

    private static void attach(EcsService service, Set<String> attached, io.kube2ecs.api.model.ResourceId targetGroup,
                               ServiceRouting.Target target) {
        if (attached.add(targetGroup.toString())) {
            service.loadBalancers().add(new EcsService.LoadBalancerAttachment(targetGroup, target.container(), target.port()));
        }
    }

    /** Service Connect needs the container port to be named; name it after the Service when the pod did not. */
    private static String namePort(TaskDefinition task, ServiceRouting.Target target, String fallback) {
        for (io.kube2ecs.api.model.ContainerDefinition container : task.containers()) {
            if (!container.name().equals(target.container())) {
                continue;
            }
            List<io.kube2ecs.api.model.PortMapping> ports = container.portMappings();
            for (int i = 0; i < ports.size(); i++) {
                io.kube2ecs.api.model.PortMapping port = ports.get(i);
                if (port.containerPort() == target.port()) {
                    if (port.name() != null) {
                        return port.name();
                    }
                    ports.set(i, new io.kube2ecs.api.model.PortMapping(port.containerPort(), port.protocol(), fallback, port.appProtocol()));
                    return fallback;
                }
            }
            ports.add(new io.kube2ecs.api.model.PortMapping(target.port(), "tcp", fallback, null));
            return fallback;
        }
        return fallback;
    }

    /**
     * @param node        a workload's {@code spec.replicas}
     * @param diagnostics where a bad value is reported
     * @return the desired count: 1 when absent or bad (reported)
     */
    public static int replicas(SourceNode node, io.kube2ecs.api.diag.Diagnostics diagnostics) {
        if (node.isAbsent()) {
            return 1;
        }
        java.util.OptionalInt value = node.asInt();
        if (value.isEmpty() || value.getAsInt() < 0) {
            diagnostics.error(node, PodCodes.BAD_VALUE, "replicas must be a non-negative integer", "write e.g. replicas: 3");
            return 1;
        }
        return value.getAsInt();
    }

    /**
     * Reports a workload's {@code spec.minReadySeconds}, which ECS has no counterpart for.
     *
     * @param spec        the workload's spec
     * @param diagnostics where it is reported
     */
    public static void minReadySeconds(SourceNode spec, io.kube2ecs.api.diag.Diagnostics diagnostics) {
        SourceNode minReady = spec.get("minReadySeconds");
        if (minReady.exists()) {
            diagnostics.warning(minReady, PodCodes.STRATEGY, "minReadySeconds has no ECS equivalent and is not converted",
                    "with a load balancer, the target group's healthy threshold and interval delay readiness in a similar way");
        }
    }

    /**
     * Creates a one-off run of a bare Pod's task definition and adds it to the model.
     *
     * @param owner   the Pod
     * @param task    its task definition
     * @param context the mapping context
     * @return the run
     */
    public static RunTask runTask(SourceObject owner, TaskDefinition task, MappingContext context) {
        return runTask(owner, task, UnaryOperator.identity(), context);
    }

    /**
     * Creates a one-off run of a workload's task definition (a bare Pod's, a Job's) and adds it to the model.
     *
     * @param owner    the workload
     * @param task     its task definition
     * @param template from the owner's root to its pod template, whose labels SecurityGroupPolicies select
     * @param context  the mapping context
     * @return the run
     */
    public static RunTask runTask(SourceObject owner, TaskDefinition task, UnaryOperator<SourceNode> template, MappingContext context) {
        DeploymentModel model = context.model();
        RunTask run = new RunTask(new io.kube2ecs.api.model.ResourceId(RunTask.TYPE, owner.namespace(), owner.name()), task.id());
        run.addOrigin(owner.ref());
        run.cluster(model.input(StandardInputs.CLUSTER));
        run.subnets().add(model.input(StandardInputs.SUBNET_IDS));
        run.securityGroups().addAll(securityGroups(owner, template, context));
        run.assignPublicIp(context.settings().assignPublicIp());
        run.platformVersion(context.settings().platformVersion());
        run.tags().putAll(task.tags());
        model.add(run);
        return run;
    }

    /**
     * The security groups of a workload's tasks: those of every SecurityGroupPolicy in its
     * namespace whose podSelector matches the pod labels or whose serviceAccountSelector matches
     * the pod's ServiceAccount, as the VPC CNI assigns them; else the environment's task groups.
     */
    static List<Value> securityGroups(SourceObject owner, UnaryOperator<SourceNode> template, MappingContext context) {
        SourceNode pod = template.apply(context.objects().find(owner.ref()).orElse(owner).root());
        Set<String> groups = new LinkedHashSet<>();
        for (SourceObject policy : context.objects().select(SECURITY_GROUP_POLICY, owner.namespace(),
                io.kube2ecs.api.source.LabelSelector.of(Map.of()))) {
            if (selects(policy, pod, owner.namespace(), context.objects())) {
                for (SourceNode id : policy.root().get("spec").get("securityGroups").get("groupIds").items()) {
                    id.asText().ifPresent(groups::add);
                }
            }
        }
        List<Value> out = new ArrayList<>();
        if (groups.isEmpty()) {
            out.add(SecurityGroups.tasks(owner.namespace(), context));
        } else {
            groups.forEach(g -> out.add(Value.of(g)));
        }
        return out;
    }

    /**
     * @param policy    a SecurityGroupPolicy (plain view)
     * @param pod       a pod template (metadata and spec, plain view)
     * @param namespace the pod's namespace
     * @param index     the input, to read the pod's ServiceAccount labels
     * @return whether the policy selects the pod
     */
    public static boolean selects(SourceObject policy, SourceNode pod, String namespace, io.kube2ecs.api.spi.ObjectIndex index) {
        Map<String, String> podLabels = pod.get("metadata").get("labels").asStringMap();
        String account = pod.get("spec").get("serviceAccountName").asText()
                .or(() -> pod.get("spec").get("serviceAccount").asText()).orElse("default");
        Map<String, String> accountLabels = index.find(new ObjectRef(SERVICE_ACCOUNT, namespace, account))
                .map(a -> a.root().get("metadata").get("labels").asStringMap()).orElse(Map.of());
        return matches(policy, podLabels, accountLabels);
    }

    /** Whether a SecurityGroupPolicy selects a pod, by its pod or service-account selector. */
    public static boolean matches(SourceObject policy, Map<String, String> podLabels, Map<String, String> accountLabels) {
        SourceNode spec = policy.root().get("spec");
        SourceNode podSelector = spec.get("podSelector");
        SourceNode accountSelector = spec.get("serviceAccountSelector");
        if (spec.get("securityGroups").get("groupIds").items().isEmpty() || !podSelector.exists() && !accountSelector.exists()) {
            return false;
        }
        // as the VPC resource controller does: every selector the policy sets must match
        return (!podSelector.exists() || Selectors.read(podSelector).matches(podLabels))
                && (!accountSelector.exists() || Selectors.read(accountSelector).matches(accountLabels));
    }

}
