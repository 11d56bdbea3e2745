package io.kube2ecs.plugin.kind.deployment;

import io.kube2ecs.api.diag.Diagnostics;
import io.kube2ecs.api.model.EcsService;
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
import io.kube2ecs.podtemplate.RolloutStrategy;
import io.kube2ecs.podtemplate.WorkloadService;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Converts a Deployment: its pod template becomes a Fargate task definition (see
 * {@link PodTemplateMapper}), its replicas and rollout strategy an ECS service.
 */
public final class DeploymentMapper implements KindMapper {

    private static final ResourceKind KIND = new ResourceKind("apps", "Deployment");
    private static final UnaryOperator<SourceNode> TEMPLATE = root -> root.get("spec").get("template");

    private final PodTemplateMapper pods = new PodTemplateMapper(TEMPLATE);

    @Override
    public List<FieldSupport> fieldSupport() {
        List<FieldSupport> out = new ArrayList<>(PodTemplateSupport.fields("metadata.", "spec.template."));
        out.add(FieldSupport.mapped("spec.replicas", "desiredCount"));
        out.add(FieldSupport.mapped("spec.strategy.type", "RollingUpdate: deployment percentages; Recreate: minimum 0 %, maximum 100 %"));
        out.add(FieldSupport.partial("spec.strategy.rollingUpdate", "maxSurge and maxUnavailable as maximumPercent and "
                + "minimumHealthyPercent, rounded as ECS needs (warning when they differ)"));
        out.add(FieldSupport.ignored("spec.selector", "ECS services own their tasks; no label selector is needed"));
        out.add(FieldSupport.ignored("spec.revisionHistoryLimit", "ECS keeps every task definition revision"));
        out.add(FieldSupport.ignored("spec.progressDeadlineSeconds", "the deployment circuit breaker (with rollback) stops failing rollouts"));
        out.add(FieldSupport.ignored("spec.minReadySeconds", "no ECS equivalent (warning); a target group's healthy threshold delays readiness"));
        out.add(FieldSupport.ignored("spec.paused", "no ECS equivalent (warning when true)"));
        return out;
    }

    @Override
    public ResourceKind kind() {
        return KIND;
    }

    @Override
    public List<Reference> references(SourceObject deployment) {
        return pods.references(deployment);
    }

    @Override
    public void map(SourceObject deployment, MappingContext context) {
        Optional<TaskDefinition> task = pods.map(deployment, context);
        if (task.isEmpty()) {
            return;
        }
        Diagnostics diagnostics = context.diagnostics();
        SourceNode spec = deployment.root().get("spec");
        EcsService service = WorkloadService.service(deployment, task.get(), TEMPLATE, context);
        int replicas = WorkloadService.replicas(spec.get("replicas"), diagnostics);
        service.desiredCount(replicas);
        RolloutStrategy.apply(spec, replicas, service, diagnostics);
        spec.get("selector").ignore("ECS services own their tasks; no label selector is needed");
        spec.get("template").get("spec").get("restartPolicy")
                .ignore("a Deployment's pods always restart; ECS replaces stopped tasks the same way");
        spec.get("revisionHistoryLimit").ignore("ECS keeps every task definition revision; deregister old ones as needed");
        WorkloadService.minReadySeconds(spec, diagnostics);
        SourceNode paused = spec.get("paused");
        if (paused.asBoolean().orElse(false)) {
            diagnostics.warning(paused, PodCodes.STRATEGY, "paused Deployments have no ECS equivalent; the service deploys normally",
                    "hold the deployment by not registering the new task definition yet");
        }
    }

}
