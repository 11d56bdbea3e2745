package com.acme.kube2ecs;

import io.kube2ecs.api.model.ContainerDefinition;
import io.kube2ecs.api.model.EcsService;
import io.kube2ecs.api.model.ResourceId;
import io.kube2ecs.api.model.StandardInputs;
import io.kube2ecs.api.model.TaskDefinition;
import io.kube2ecs.api.source.ResourceKind;
import io.kube2ecs.api.source.SourceNode;
import io.kube2ecs.api.source.SourceObject;
import io.kube2ecs.api.spi.KindMapper;
import io.kube2ecs.api.spi.MappingContext;
import io.kube2ecs.api.spi.Plugin;
import java.util.List;

/**
 * A third-party Deployment mapper, compiled and packaged into a jar by {@code CustomPluginTest} the way a team
 * would ship one. It labels every container so the test can tell it ran instead of the built-in.
 */
public final class AcmeDeploymentPlugin implements Plugin {

    @Override
    public String id() {
        return "acme-deployment";
    }

    @Override
    public String description() {
        return "ACME's house rules for Deployments";
    }

    @Override
    public List<KindMapper> kindMappers() {
        return List.of(new AcmeDeploymentMapper());
    }

    /** Maps a Deployment to one task with ACME's labels, and marks everything it read. */
    public static final class AcmeDeploymentMapper implements KindMapper {
        @Override
        public ResourceKind kind() {
            return ResourceKind.parse("apps/Deployment");
        }

        @Override
        public void map(SourceObject object, MappingContext context) {
            ResourceId taskId = new ResourceId(TaskDefinition.TYPE, object.namespace(), object.name());
            TaskDefinition task = new TaskDefinition(taskId, "acme-" + object.name());
            task.executionRole(context.model().input(StandardInputs.EXECUTION_ROLE_ARN));
            for (SourceNode container : object.root().get("spec").get("template").get("spec").get("containers").items()) {
                ContainerDefinition definition = new ContainerDefinition(container.get("name").asText().orElseThrow(),
                        container.get("image").asText().orElseThrow());
                definition.dockerLabels().put("mapped-by", "acme");
                task.containers().add(definition);
            }
            object.root().get("spec").markConverted();
            context.model().add(task);
            EcsService service = new EcsService(new ResourceId(EcsService.TYPE, object.namespace(), object.name()),
                    "acme-" + object.name(), taskId);
            service.cluster(context.model().input(StandardInputs.CLUSTER));
            service.subnets().add(context.model().input(StandardInputs.SUBNET_IDS));
            context.model().add(service);
        }
    }
}
