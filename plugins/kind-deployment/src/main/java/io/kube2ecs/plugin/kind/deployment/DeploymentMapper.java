package io.kube2ecs.plugin.kind.deployment;

import io.kube2ecs.api.diag.Diagnostics;
import io.kube2ecs.api.model.ContainerDefinition;
import io.kube2ecs.api.model.DeploymentModel;
import io.kube2ecs.api.model.EcsService;
import io.kube2ecs.api.model.FargateSize;
import io.kube2ecs.api.model.KeyValue;
import io.kube2ecs.api.model.LogConfiguration;
import io.kube2ecs.api.model.LogGroup;
import io.kube2ecs.api.model.PortMapping;
import io.kube2ecs.api.model.ResourceId;
import io.kube2ecs.api.model.StandardInputs;
import io.kube2ecs.api.model.TaskDefinition;
import io.kube2ecs.api.model.Value;
import io.kube2ecs.api.source.ResourceKind;
import io.kube2ecs.api.source.SourceNode;
import io.kube2ecs.api.source.SourceObject;
import io.kube2ecs.api.spi.ConversionSettings;
import io.kube2ecs.api.spi.KindMapper;
import io.kube2ecs.api.spi.MappingContext;
import io.kube2ecs.api.spi.Reference;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Converts a Deployment: the pod template becomes a Fargate task definition, the replica count and
 * rollout strategy an ECS service.
 *
 * <p>Mapped here: replicas, the rolling-update strategy, labels (as tags), and per container the
 * name, image, ports, plain environment values (with {@code $(VAR)} expansion) and resources, from
 * which the task's Fargate size is chosen. Every other field is left to the core's field-coverage
 * report, so what this mapper does not carry over is visible to the user.
 */
public final class DeploymentMapper implements KindMapper {

    static final String CODE_NO_CONTAINERS = "DEPLOY001";
    static final String CODE_NO_IMAGE = "DEPLOY002";
    static final String CODE_BAD_QUANTITY = "DEPLOY003";
    static final String CODE_TOO_BIG = "DEPLOY004";
    static final String CODE_DEFAULT_SIZE = "DEPLOY005";
    static final String CODE_BAD_PORT = "DEPLOY006";
    static final String CODE_BAD_VALUE = "DEPLOY007";
    static final String CODE_STRATEGY = "DEPLOY008";
    static final String CODE_TAGS = "DEPLOY009";

    private static final ResourceKind KIND = new ResourceKind("apps", "Deployment");
    private static final int MAX_TAGS = 50;

    @Override
    public ResourceKind kind() {
        return KIND;
    }

    @Override
    public List<Reference> references(SourceObject deployment) {
        return PodReferences.of(deployment.root().get("spec").get("template").get("spec"), deployment.namespace());
    }

    @Override
    public void map(SourceObject deployment, MappingContext context) {
        Diagnostics diagnostics = context.diagnostics();
        DeploymentModel model = context.model();
        ConversionSettings settings = context.settings();
        SourceNode spec = deployment.root().get("spec");
        SourceNode podSpec = spec.get("template").get("spec");
        List<SourceNode> containerNodes = podSpec.get("containers").items();
        if (containerNodes.isEmpty()) {
            diagnostics.error(podSpec.get("containers"), CODE_NO_CONTAINERS,
                    "Deployment '" + deployment.name() + "' has no containers", "a pod needs at least one container");
            return;
        }
        String namespace = deployment.namespace();
        String name = deployment.name();
        ResourceId taskId = new ResourceId(TaskDefinition.TYPE, namespace, name);
        TaskDefinition task = new TaskDefinition(taskId, settings.awsName(namespace, name, 255));
        task.addOrigin(deployment.ref());
        task.executionRole(model.input(StandardInputs.EXECUTION_ROLE_ARN));

        LogConfiguration logging = null;
        if (settings.awsLogs()) {
            LogGroup group = new LogGroup(new ResourceId(LogGroup.TYPE, namespace, name),
                    settings.logGroupPrefix() + "/" + (settings.namePrefix().isEmpty() ? "" : settings.namePrefix() + "/")
                            + namespace + "/" + name);
            group.retentionDays(settings.logRetentionDays());
            group.addOrigin(deployment.ref());
            model.add(group);
            logging = new LogConfiguration("awslogs", Map.of(
                    "awslogs-group", Value.ref(group.id(), Value.Attribute.NAME),
                    "awslogs-region", model.input(StandardInputs.REGION),
                    "awslogs-stream-prefix", Value.of("ecs")));
        }

        ResourceNeeds needs = new ResourceNeeds();
        Map<Integer, String> portOwners = new HashMap<>();
        for (SourceNode containerNode : containerNodes) {
            ContainerDefinition container = container(containerNode, diagnostics, needs, portOwners);
            if (container != null) {
                container.logConfiguration(logging);
                task.containers().add(container);
            }
        }
        if (task.containers().isEmpty()) {
            return;
        }
        size(task, needs, spec, diagnostics);

        Map<String, String> tags = tags(deployment.root().get("metadata"), settings, diagnostics);
        task.tags().putAll(tags);
        model.add(task);

        EcsService service = new EcsService(new ResourceId(EcsService.TYPE, namespace, name),
                settings.awsName(namespace, name, 255), taskId);
        service.addOrigin(deployment.ref());
        service.cluster(model.input(StandardInputs.CLUSTER));
        service.subnets().add(model.input(StandardInputs.SUBNET_IDS));
        service.securityGroups().add(model.input(StandardInputs.SECURITY_GROUP_IDS));
        service.assignPublicIp(settings.assignPublicIp());
        service.platformVersion(settings.platformVersion());
        service.tags().putAll(tags);
        int replicas = replicas(spec.get("replicas"), diagnostics);
        service.desiredCount(replicas);
        RolloutStrategy.apply(spec, replicas, service, diagnostics);
        model.add(service);

        spec.get("selector").ignore("ECS services own their tasks; no label selector is needed");
        spec.get("template").get("metadata").get("labels").ignore(
                "pod labels only let Services select pods; in ECS the service itself registers its tasks");
        podSpec.get("restartPolicy").ignore("a Deployment's pods always restart; ECS replaces stopped tasks the same way");
        spec.get("revisionHistoryLimit").ignore("ECS keeps every task definition revision; deregister old ones as needed");
    }

    private static int replicas(SourceNode node, Diagnostics diagnostics) {
        if (!node.exists() || node.isAbsent()) {
            return 1;
        }
        OptionalInt value = node.asInt();
        if (value.isEmpty() || value.getAsInt() < 0) {
            diagnostics.error(node, CODE_BAD_VALUE, "replicas must be a non-negative integer", "write e.g. replicas: 3");
            return 1;
        }
        return value.getAsInt();
    }

    private static ContainerDefinition container(SourceNode node, Diagnostics diagnostics, ResourceNeeds needs,
                                                 Map<Integer, String> portOwners) {
        String name = node.get("name").asText().orElse(null);
        String image = node.get("image").asText().orElse(null);
        if (name == null) {
            diagnostics.error(node, CODE_BAD_VALUE, "container has no name", "every container needs a name");
            return null;
        }
        if (image == null || image.isBlank()) {
            diagnostics.error(node.get("image").exists() ? node.get("image") : node, CODE_NO_IMAGE,
                    "container '" + name + "' has no image",
                    "Kubernetes lets a controller inject images (e.g. a mutating webhook); ECS needs it in the task definition");
            return null;
        }
        ContainerDefinition container = new ContainerDefinition(name, image);
        for (SourceNode port : node.get("ports").items()) {
            PortMapping mapping = port(port, name, diagnostics, portOwners);
            if (mapping != null) {
                container.portMappings().add(mapping);
            }
        }
        node.get("imagePullPolicy").ignore("Fargate pulls the image at every task start, as with imagePullPolicy: Always");
        environment(node.get("env"), container);
        resources(node.get("resources"), container, needs, diagnostics);
        return container;
    }

    private static PortMapping port(SourceNode port, String container, Diagnostics diagnostics,
                                    Map<Integer, String> portOwners) {
        OptionalInt number = port.get("containerPort").asInt();
        if (number.isEmpty() || number.getAsInt() < 1 || number.getAsInt() > 65535) {
            diagnostics.error(port.get("containerPort"), CODE_BAD_PORT, "containerPort must be a number from 1 to 65535",
                    "fix the port number");
            return null;
        }
        int containerPort = number.getAsInt();
        String protocol = port.get("protocol").asText().orElse("TCP");
        if (protocol.equals("SCTP")) {
            diagnostics.warning(port.get("protocol"), CODE_BAD_PORT, "ECS has no SCTP port mappings; port "
                    + containerPort + " is left out", "carry SCTP traffic over TCP or UDP, or keep this workload on Kubernetes");
            return null;
        }
        String previousOwner = portOwners.putIfAbsent(containerPort, container);
        if (previousOwner != null) {
            diagnostics.error(port.get("containerPort"), CODE_BAD_PORT, "port " + containerPort + " is declared by containers '"
                    + previousOwner + "' and '" + container + "'",
                    "in an awsvpc task all containers share one network namespace, so each port can be declared once");
            return null;
        }
        SourceNode hostPort = port.get("hostPort");
        if (hostPort.exists()) {
            OptionalInt host = hostPort.asInt();
            if (host.isPresent() && host.getAsInt() != containerPort) {
                diagnostics.warning(hostPort, CODE_BAD_PORT, "hostPort " + host.getAsInt() + " differs from containerPort "
                        + containerPort + "; Fargate tasks listen on the container port only",
                        "clients that used the host port must use " + containerPort + ", or put a load balancer in front");
            }
        }
        port.get("hostIP").ignore("Fargate tasks have their own network interface; there is no host IP to bind");
        String portName = port.get("name").asText().orElse(null);
        return new PortMapping(containerPort, protocol.toLowerCase(java.util.Locale.ROOT), portName, null);
    }

    private static void environment(SourceNode env, ContainerDefinition container) {
        Map<String, String> known = new LinkedHashMap<>();
        for (SourceNode variable : env.items()) {
            if (variable.get("valueFrom").exists()) {
                continue; // references to ConfigMaps, Secrets and fields are mapped by later plugins or reported
            }
            String name = variable.get("name").asText().orElse(null);
            if (name == null) {
                continue;
            }
            SourceNode valueNode = variable.get("value");
            String raw = valueNode.asText().orElse("");
            if (valueNode.isAbsent()) {
                valueNode.markConverted();
            }
            String value = VariableExpansion.expand(raw, known);
            known.put(name, value);
        }
        known.forEach((name, value) -> container.environment().add(new KeyValue(name, value)));
    }

    private static void resources(SourceNode resources, ContainerDefinition container, ResourceNeeds needs,
                                  Diagnostics diagnostics) {
        Integer cpuRequest = cpu(resources.get("requests").get("cpu"), diagnostics);
        Integer cpuLimit = cpu(resources.get("limits").get("cpu"), diagnostics);
        Integer memoryRequest = memory(resources.get("requests").get("memory"), diagnostics);
        Integer memoryLimit = memory(resources.get("limits").get("memory"), diagnostics);
        if (cpuRequest == null && cpuLimit != null) {
            cpuRequest = cpuLimit; // Kubernetes defaults the request to the limit
        }
        if (memoryRequest == null && memoryLimit != null) {
            memoryRequest = memoryLimit;
        }
        container.cpu(cpuRequest);
        container.memoryReservation(memoryRequest);
        container.memory(memoryLimit);
        needs.add(max(cpuRequest, cpuLimit), max(memoryRequest, memoryLimit), cpuRequest != null || memoryRequest != null);
    }

    private static Integer max(Integer a, Integer b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : Math.max(a, b);
    }

    private static Integer cpu(SourceNode node, Diagnostics diagnostics) {
        return Quantities.read(node, diagnostics, true);
    }

    private static Integer memory(SourceNode node, Diagnostics diagnostics) {
        return Quantities.read(node, diagnostics, false);
    }

    private static void size(TaskDefinition task, ResourceNeeds needs, SourceNode spec, Diagnostics diagnostics) {
        if (!needs.declared) {
            FargateSize smallest = FargateSize.ALL.get(0);
            task.cpu(smallest.cpu());
            task.memory(smallest.memory());
            diagnostics.info(spec.get("template").get("spec").get("containers"), CODE_DEFAULT_SIZE,
                    "no container declares CPU or memory; the task gets the smallest Fargate size, " + smallest.describe(),
                    "set resources.requests so the task is sized for its real load");
            return;
        }
        var size = FargateSize.smallestFitting(needs.cpu, needs.memory);
        if (size.isEmpty()) {
            FargateSize largest = FargateSize.ALL.get(FargateSize.ALL.size() - 1);
            diagnostics.error(spec.get("template").get("spec").get("containers"), CODE_TOO_BIG,
                    "the containers need " + needs.cpu + " CPU units and " + needs.memory
                            + " MiB together, more than the largest Fargate task (" + largest.describe() + ")",
                    "lower the requests and limits, or split the pod into several services");
            return;
        }
        task.cpu(size.get().cpu());
        task.memory(size.get().memory());
    }

    private static Map<String, String> tags(SourceNode metadata, ConversionSettings settings, Diagnostics diagnostics) {
        Map<String, String> tags = new LinkedHashMap<>(settings.tags());
        SourceNode labels = metadata.get("labels");
        for (Map.Entry<String, String> label : labels.asStringMap().entrySet()) {
            if (label.getKey().startsWith("aws:") || label.getKey().length() > 128 || label.getValue().length() > 256) {
                diagnostics.warning(labels.get(label.getKey()), CODE_TAGS, "label '" + label.getKey()
                        + "' cannot be an AWS tag (reserved prefix or too long) and is left out", null);
                continue;
            }
            tags.putIfAbsent(label.getKey(), label.getValue());
        }
        if (tags.size() > MAX_TAGS) {
            diagnostics.warning(labels, CODE_TAGS, "only the first " + MAX_TAGS + " labels and profile tags become tags",
                    "ECS allows 50 tags per resource");
            Map<String, String> first = new LinkedHashMap<>();
            tags.entrySet().stream().limit(MAX_TAGS).forEach(e -> first.put(e.getKey(), e.getValue()));
            return first;
        }
        return tags;
    }

    /** CPU units and memory the containers need together, and whether any declared them. */
    private static final class ResourceNeeds {
        int cpu;
        int memory;
        boolean declared;

        void add(Integer cpuUnits, Integer memoryMiB, boolean any) {
            cpu += cpuUnits == null ? 0 : cpuUnits;
            memory += memoryMiB == null ? 0 : memoryMiB;
            declared |= any || cpuUnits != null || memoryMiB != null;
        }
    }
}
