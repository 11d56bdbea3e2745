package io.kube2ecs.ecsshapes;

import static io.kube2ecs.ecsshapes.JsonFields.putIfSet;
import static io.kube2ecs.ecsshapes.JsonFields.strings;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kube2ecs.api.model.ContainerDefinition;
import io.kube2ecs.api.model.ContainerDependency;
import io.kube2ecs.api.model.HealthCheck;
import io.kube2ecs.api.model.KeyValue;
import io.kube2ecs.api.model.MountPoint;
import io.kube2ecs.api.model.PortMapping;
import io.kube2ecs.api.model.SecretRef;
import io.kube2ecs.api.model.TaskDefinition;
import io.kube2ecs.api.model.Ulimit;
import io.kube2ecs.api.model.Value;
import java.util.Map;

/**
 * The ECS {@code containerDefinitions} of a task definition, built once from the model for every
 * emitter that needs them (the ECS JSON target writes them as they are, Terraform passes them to
 * {@code jsonencode}), so the targets cannot drift apart.
 */
public final class ContainerShapes {

    private static final JsonNodeFactory JSON = io.kube2ecs.ecsshapes.CompactNodes.INSTANCE;

    private ContainerShapes() {
    }

    /**
     * @param task             the task definition
     * @param values           how model values are written
     * @param createLogGroups  whether ECS should create missing log groups ({@code awslogs-create-group}),
     *                         for targets that do not create them
     * @return the container definitions, in the task's order
     */
    public static ArrayNode containerDefinitions(TaskDefinition task, ValueFormat values, boolean createLogGroups) {
        ArrayNode containers = JSON.arrayNode();
        for (ContainerDefinition container : task.containers()) {
            containers.add(container(container, values, createLogGroups));
        }
        return containers;
    }

    private static ObjectNode container(ContainerDefinition container, ValueFormat values, boolean createLogGroups) {
        ObjectNode node = JSON.objectNode();
        node.put("name", container.name());
        node.put("image", container.image());
        node.put("essential", container.essential());
        putIfSet(node, "cpu", container.cpu());
        putIfSet(node, "memory", container.memory());
        putIfSet(node, "memoryReservation", container.memoryReservation());
        if (!container.portMappings().isEmpty()) {
            ArrayNode ports = node.putArray("portMappings");
            for (PortMapping port : container.portMappings()) {
                ObjectNode mapping = ports.addObject();
                mapping.put("containerPort", port.containerPort());
                mapping.put("hostPort", port.containerPort());
                mapping.put("protocol", port.protocol());
                putIfSet(mapping, "name", port.name());
                putIfSet(mapping, "appProtocol", port.appProtocol());
            }
        }
        if (container.entryPoint() != null) {
            strings(node.putArray("entryPoint"), container.entryPoint());
        }
        if (container.command() != null) {
            strings(node.putArray("command"), container.command());
        }
        putIfSet(node, "workingDirectory", container.workingDirectory());
        putIfSet(node, "user", container.user());
        if (!container.environment().isEmpty()) {
            ArrayNode environment = node.putArray("environment");
            for (KeyValue variable : container.environment()) {
                environment.addObject().put("name", variable.name()).put("value", variable.value());
            }
        }
        if (!container.secrets().isEmpty()) {
            ArrayNode secrets = node.putArray("secrets");
            for (SecretRef secret : container.secrets()) {
                secrets.addObject().put("name", secret.name()).set("valueFrom", secret.jsonKey() == null
                        ? values.value(secret.valueFrom()) : values.suffixed(secret.valueFrom(), ":" + secret.jsonKey() + "::"));
            }
        }
        HealthCheck health = container.healthCheck();
        if (health != null) {
            ObjectNode check = node.putObject("healthCheck");
            strings(check.putArray("command"), health.command());
            putIfSet(check, "interval", health.interval());
            putIfSet(check, "timeout", health.timeout());
            putIfSet(check, "retries", health.retries());
            putIfSet(check, "startPeriod", health.startPeriod());
        }
        if (!container.mountPoints().isEmpty()) {
            ArrayNode mounts = node.putArray("mountPoints");
            for (MountPoint mount : container.mountPoints()) {
                mounts.addObject().put("sourceVolume", mount.sourceVolume()).put("containerPath", mount.containerPath())
                        .put("readOnly", mount.readOnly());
            }
        }
        if (!container.dependsOn().isEmpty()) {
            ArrayNode depends = node.putArray("dependsOn");
            for (ContainerDependency dependency : container.dependsOn()) {
                depends.addObject().put("containerName", dependency.containerName()).put("condition", dependency.condition());
            }
        }
        if (container.logConfiguration() != null) {
            ObjectNode log = node.putObject("logConfiguration");
            log.put("logDriver", container.logConfiguration().logDriver());
            ObjectNode options = log.putObject("options");
            boolean awslogs = container.logConfiguration().logDriver().equals("awslogs");
            if (awslogs && createLogGroups) {
                // This target creates no log groups; let ECS create the group on first use.
                options.put("awslogs-create-group", "true");
            }
            for (Map.Entry<String, Value> option : container.logConfiguration().options().entrySet()) {
                options.set(option.getKey(), values.value(option.getValue()));
            }
        }
        putIfSet(node, "readonlyRootFilesystem", container.readonlyRootFilesystem());
        if (container.initProcessEnabled() || !container.capabilitiesAdd().isEmpty() || !container.capabilitiesDrop().isEmpty()) {
            ObjectNode linux = node.putObject("linuxParameters");
            if (container.initProcessEnabled()) {
                linux.put("initProcessEnabled", true);
            }
            if (!container.capabilitiesAdd().isEmpty() || !container.capabilitiesDrop().isEmpty()) {
                ObjectNode capabilities = linux.putObject("capabilities");
                if (!container.capabilitiesAdd().isEmpty()) {
                    strings(capabilities.putArray("add"), container.capabilitiesAdd());
                }
                if (!container.capabilitiesDrop().isEmpty()) {
                    strings(capabilities.putArray("drop"), container.capabilitiesDrop());
                }
            }
        }
        if (!container.ulimits().isEmpty()) {
            ArrayNode ulimits = node.putArray("ulimits");
            for (Ulimit ulimit : container.ulimits()) {
                ulimits.addObject().put("name", ulimit.name()).put("softLimit", ulimit.softLimit())
                        .put("hardLimit", ulimit.hardLimit());
            }
        }
        putIfSet(node, "stopTimeout", container.stopTimeout());
        putIfSet(node, "startTimeout", container.startTimeout());
        if (!container.dockerLabels().isEmpty()) {
            ObjectNode labels = node.putObject("dockerLabels");
            container.dockerLabels().forEach(labels::put);
        }
        if (container.repositoryCredentials() != null) {
            node.putObject("repositoryCredentials").set("credentialsParameter", values.value(container.repositoryCredentials()));
        }
        putIfSet(node, "interactive", container.interactive());
        putIfSet(node, "pseudoTerminal", container.pseudoTerminal());
        return node;
    }
}
