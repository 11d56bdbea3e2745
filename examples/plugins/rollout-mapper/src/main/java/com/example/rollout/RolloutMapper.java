package com.example.rollout;

import io.kube2ecs.api.model.ContainerDefinition;
import io.kube2ecs.api.model.DeploymentModel;
import io.kube2ecs.api.model.EcsService;
import io.kube2ecs.api.model.FargateSize;
import io.kube2ecs.api.model.KeyValue;
import io.kube2ecs.api.model.PortMapping;
import io.kube2ecs.api.model.ResourceId;
import io.kube2ecs.api.model.StandardInputs;
import io.kube2ecs.api.model.TaskDefinition;
import io.kube2ecs.api.source.Quantity;
import io.kube2ecs.api.source.ResourceKind;
import io.kube2ecs.api.source.SourceNode;
import io.kube2ecs.api.source.SourceObject;
import io.kube2ecs.api.spi.FieldSupport;
import io.kube2ecs.api.spi.KindMapper;
import io.kube2ecs.api.spi.MappingContext;
import java.util.List;
import java.util.Optional;

/**
 * Maps an Argo Rollout onto a task definition and an ECS service. The pod template is read field
 * by field, so everything this mapper does not know stays unread and kube2ecs reports it. A
 * {@code blueGreen} strategy sets the service's deployment controller to CODE_DEPLOY; the CodeDeploy
 * application, deployment group and second target group are outside the model and reported as such.
 */
public final class RolloutMapper implements KindMapper {

    /** An object the mapper cannot convert (no containers, a container without image). */
    static final String INVALID = "ROLLOUT001";
    /** Blue/green: the CodeDeploy resources are left to the user. */
    static final String CODE_DEPLOY_RESOURCES = "ROLLOUT002";
    /** An environment variable read from elsewhere (valueFrom) is not carried over. */
    static final String ENV_FROM = "ROLLOUT003";

    private static final ResourceKind KIND = ResourceKind.parse("argoproj.io/Rollout");

    @Override
    public ResourceKind kind() {
        return KIND;
    }

    @Override
    public void map(SourceObject object, MappingContext context) {
        DeploymentModel model = context.model();
        SourceNode spec = object.root().get("spec");
        SourceNode containers = spec.get("template").get("spec").get("containers");
        if (!containers.isList() || containers.items().isEmpty()) {
            context.diagnostics().error(containers.exists() ? containers : spec, INVALID,
                    "Rollout " + object.name() + " has no containers", "add spec.template.spec.containers");
            return;
        }
        String awsName = context.settings().awsName(object.namespace(), object.name(), 255);
        ResourceId taskId = new ResourceId(TaskDefinition.TYPE, object.namespace(), object.name());
        TaskDefinition task = new TaskDefinition(taskId, awsName);
        task.executionRole(model.input(StandardInputs.EXECUTION_ROLE_ARN));
        int cpuUnits = 0;
        int memoryMiB = 0;
        for (SourceNode container : containers.items()) {
            Optional<String> name = container.get("name").asText();
            Optional<String> image = container.get("image").asText();
            if (name.isEmpty() || image.isEmpty()) {
                context.diagnostics().error(container, INVALID, "a container of Rollout " + object.name()
                        + " has no " + (name.isEmpty() ? "name" : "image"), "give every container a name and an image");
                return;
            }
            ContainerDefinition definition = new ContainerDefinition(name.get(), image.get());
            for (SourceNode port : container.get("ports").items()) {
                port.get("containerPort").asInt().ifPresent(number -> definition.portMappings()
                        .add(new PortMapping(number, "tcp", port.get("name").asText().orElse(null), null)));
            }
            for (SourceNode variable : container.get("env").items()) {
                if (variable.get("valueFrom").exists()) {
                    context.diagnostics().warning(variable.get("valueFrom"), ENV_FROM, "environment variable "
                            + variable.get("name").asText().orElse("?") + " reads its value from elsewhere; it is left out",
                            "use kube2ecs' Deployment mapper for ConfigMap and Secret references, or set the value");
                    continue;
                }
                definition.environment().add(new KeyValue(variable.get("name").asText().orElse(""),
                        variable.get("value").asText().orElse("")));
            }
            SourceNode requests = container.get("resources").get("requests");
            cpuUnits += requests.get("cpu").asText().flatMap(Quantity::parse).map(Quantity::cpuUnits).orElse(0);
            memoryMiB += requests.get("memory").asText().flatMap(Quantity::parse).map(Quantity::mebibytes).orElse(0);
            task.containers().add(definition);
        }
        FargateSize size = FargateSize.smallestFitting(Math.max(cpuUnits, 1), Math.max(memoryMiB, 1))
                .orElse(FargateSize.ALL.get(FargateSize.ALL.size() - 1));
        task.cpu(size.cpu());
        task.memory(size.memory());
        model.add(task);

        EcsService service = new EcsService(new ResourceId(EcsService.TYPE, object.namespace(), object.name()),
                awsName, taskId);
        service.cluster(model.input(StandardInputs.CLUSTER));
        service.subnets().add(model.input(StandardInputs.SUBNET_IDS));
        service.securityGroups().add(model.input(StandardInputs.SECURITY_GROUP_IDS));
        service.desiredCount(spec.get("replicas").asInt().orElse(1));
        SourceNode blueGreen = spec.get("strategy").get("blueGreen");
        if (blueGreen.exists()) {
            service.deploymentController(EcsService.DeploymentController.CODE_DEPLOY);
            String active = blueGreen.get("activeService").asText().orElse("(none)");
            String preview = blueGreen.get("previewService").asText().orElse("(none)");
            blueGreen.get("autoPromotionEnabled").ignore("CodeDeploy's deployment configuration decides when traffic moves");
            context.diagnostics().warning(blueGreen, CODE_DEPLOY_RESOURCES, "blue/green: the service is written with the "
                    + "CODE_DEPLOY deployment controller; the CodeDeploy application, its deployment group and the second "
                    + "target group (Services " + active + " and " + preview + ") are not generated",
                    "create them next to the generated service before the first deployment");
        }
        spec.get("strategy").get("canary").ignore("canary steps have no ECS counterpart; the service uses a rolling update");
        spec.get("selector").ignore("ECS services own their tasks; no label selector is needed");
        spec.get("template").get("metadata").ignore("pod labels only let Services select pods");
        object.root().get("metadata").get("labels").ignore("labels only select objects in Kubernetes");
        model.add(service);
    }

    @Override
    public List<FieldSupport> fieldSupport() {
        return List.of(
                FieldSupport.mapped("spec.replicas", "desired count"),
                FieldSupport.mapped("spec.template.spec.containers[].name", "container name"),
                FieldSupport.mapped("spec.template.spec.containers[].image", "image"),
                FieldSupport.mapped("spec.template.spec.containers[].ports[].containerPort", "port mapping"),
                FieldSupport.mapped("spec.template.spec.containers[].ports[].name", "port mapping name"),
                FieldSupport.mapped("spec.template.spec.containers[].env[].name", "environment"),
                FieldSupport.mapped("spec.template.spec.containers[].env[].value", "environment"),
                FieldSupport.partial("spec.template.spec.containers[].env[].valueFrom", "left out with ROLLOUT003"),
                FieldSupport.mapped("spec.template.spec.containers[].resources.requests.cpu", "Fargate task size"),
                FieldSupport.mapped("spec.template.spec.containers[].resources.requests.memory", "Fargate task size"),
                FieldSupport.partial("spec.strategy.blueGreen", "CODE_DEPLOY deployment controller; the CodeDeploy "
                        + "resources are not generated (ROLLOUT002)"),
                FieldSupport.ignored("spec.strategy.blueGreen.autoPromotionEnabled", "CodeDeploy decides when traffic moves"),
                FieldSupport.ignored("spec.strategy.canary", "no ECS counterpart; rolling update"),
                FieldSupport.ignored("spec.selector", "ECS services own their tasks"),
                FieldSupport.ignored("spec.template.metadata", "pod labels only select pods"),
                FieldSupport.ignored("metadata.labels", "labels only select objects in Kubernetes"));
    }
}
