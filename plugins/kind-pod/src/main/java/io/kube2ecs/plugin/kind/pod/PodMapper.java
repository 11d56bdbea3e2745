package io.kube2ecs.plugin.kind.pod;

import io.kube2ecs.api.model.TaskDefinition;
import io.kube2ecs.api.source.ResourceKind;
import io.kube2ecs.api.source.SourceNode;
import io.kube2ecs.api.source.SourceObject;
import io.kube2ecs.api.spi.FieldSupport;
import io.kube2ecs.api.spi.KindMapper;
import io.kube2ecs.api.spi.MappingContext;
import io.kube2ecs.api.spi.Reference;
import io.kube2ecs.podtemplate.PodCodes;
import io.kube2ecs.podtemplate.PodTemplateMapper;
import io.kube2ecs.podtemplate.PodTemplateSupport;
import io.kube2ecs.podtemplate.ServiceRouting;
import io.kube2ecs.podtemplate.WorkloadService;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Converts a bare Pod: a task definition and a one-off run of it ({@code aws ecs run-task}), since
 * nothing restarts a bare pod on another node either. Pods owned by a controller are the
 * controller's and are skipped.
 */
public final class PodMapper implements KindMapper {

    private static final ResourceKind KIND = new ResourceKind("", "Pod");

    private final PodTemplateMapper pods = new PodTemplateMapper(UnaryOperator.identity());

    @Override
    public List<FieldSupport> fieldSupport() {
        List<FieldSupport> out = new ArrayList<>(PodTemplateSupport.fields("metadata.", ""));
        out.add(FieldSupport.ignored("metadata.ownerReferences", "a Pod owned by a controller is converted through the controller"));
        return out;
    }

    @Override
    public ResourceKind kind() {
        return KIND;
    }

    @Override
    public List<Reference> references(SourceObject pod) {
        if (!ServiceRouting.standalone(pod)) {
            return List.of(); // the controller's references are checked on the controller
        }
        return pods.references(pod);
    }

    @Override
    public void map(SourceObject pod, MappingContext context) {
        SourceNode owners = pod.root().get("metadata").get("ownerReferences");
        if (!owners.items().isEmpty()) {
            pod.root().ignore("owned by " + owners.get(0).get("kind").asText().orElse("a controller") + " '"
                    + owners.get(0).get("name").asText().orElse("?") + "'; convert that instead");
            return;
        }
        Optional<TaskDefinition> task = pods.map(pod, context);
        if (task.isEmpty()) {
            return;
        }
        WorkloadService.runTask(pod, task.get(), context);
        SourceNode restart = pod.root().get("spec").get("restartPolicy");
        String policy = restart.asText().orElse("Always");
        if (!policy.equals("Never")) {
            context.diagnostics().warning(restart.exists() ? restart : pod.root().get("spec"), PodCodes.NOT_ON_FARGATE,
                    "a one-off ECS task is not restarted (restartPolicy " + policy + " is not converted)",
                    "to keep it running, run it as an ECS service with desiredCount 1 (convert a Deployment instead)");
        }
        restart.markConverted();
        pod.root().get("status").ignore("set by the cluster");
    }
}
