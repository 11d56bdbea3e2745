package io.kube2ecs.plugin.kind.replicaset;

import io.kube2ecs.api.model.EcsService;
import io.kube2ecs.api.model.TaskDefinition;
import io.kube2ecs.api.source.ResourceKind;
import io.kube2ecs.api.source.SourceNode;
import io.kube2ecs.api.source.SourceObject;
import io.kube2ecs.api.spi.FieldSupport;
import io.kube2ecs.api.spi.KindMapper;
import io.kube2ecs.api.spi.MappingContext;
import io.kube2ecs.api.spi.Reference;
import io.kube2ecs.podtemplate.PodTemplateMapper;
import io.kube2ecs.podtemplate.PodTemplateSupport;
import io.kube2ecs.podtemplate.ServiceRouting;
import io.kube2ecs.podtemplate.WorkloadService;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Converts a ReplicaSet like a Deployment without a strategy: a ReplicaSet never rolls its pods
 * over, so ECS keeps every running task until a new one is healthy (100%/200%). A ReplicaSet
 * owned by a Deployment is the Deployment's; it is skipped with a note.
 */
public final class ReplicaSetMapper implements KindMapper {

    private static final ResourceKind KIND = new ResourceKind("apps", "ReplicaSet");
    private static final UnaryOperator<SourceNode> TEMPLATE = root -> root.get("spec").get("template");

    private final PodTemplateMapper pods = new PodTemplateMapper(TEMPLATE);

    @Override
    public List<FieldSupport> fieldSupport() {
        List<FieldSupport> out = new ArrayList<>(PodTemplateSupport.fields("metadata.", "spec.template."));
        out.add(FieldSupport.mapped("spec.replicas", "desiredCount"));
        out.add(FieldSupport.ignored("metadata.ownerReferences", "a ReplicaSet owned by a Deployment is converted through the Deployment"));
        out.add(FieldSupport.ignored("spec.selector", "ECS services own their tasks; no label selector is needed"));
        out.add(FieldSupport.ignored("spec.minReadySeconds", "no ECS equivalent (warning)"));
        return out;
    }

    @Override
    public ResourceKind kind() {
        return KIND;
    }

    @Override
    public List<Reference> references(SourceObject replicaSet) {
        if (!ServiceRouting.standalone(replicaSet)) {
            return List.of(); // the controller's references are checked on the controller
        }
        return pods.references(replicaSet);
    }

    @Override
    public void map(SourceObject replicaSet, MappingContext context) {
        SourceNode owners = replicaSet.root().get("metadata").get("ownerReferences");
        for (SourceNode owner : owners.items()) {
            if (owner.get("kind").asText().map("Deployment"::equals).orElse(false)) {
                replicaSet.root().ignore("owned by Deployment '" + owner.get("name").asText().orElse("?")
                        + "'; convert that instead");
                return;
            }
        }
        Optional<TaskDefinition> task = pods.map(replicaSet, context);
        if (task.isEmpty()) {
            return;
        }
        SourceNode spec = replicaSet.root().get("spec");
        EcsService service = WorkloadService.service(replicaSet, task.get(), TEMPLATE, context);
        int count = WorkloadService.replicas(spec.get("replicas"), context.diagnostics());
        service.desiredCount(count);
        spec.get("selector").ignore("ECS services own their tasks; no label selector is needed");
        spec.get("template").get("spec").get("restartPolicy")
                .ignore("a ReplicaSet's pods always restart; ECS replaces stopped tasks the same way");
        WorkloadService.minReadySeconds(spec, context.diagnostics());
    }
}
