package io.kube2ecs.plugin.kind.statefulset;

import io.kube2ecs.api.model.EcsService;
import io.kube2ecs.api.model.TaskDefinition;
import io.kube2ecs.api.source.ResourceKind;
import io.kube2ecs.api.source.SourceNode;
import io.kube2ecs.api.source.SourceObject;
import io.kube2ecs.api.spi.FieldSupport;
import io.kube2ecs.api.spi.KindMapper;
import io.kube2ecs.api.spi.MappingContext;
import io.kube2ecs.api.spi.Reference;
import io.kube2ecs.podtemplate.IntOrPercent;
import io.kube2ecs.podtemplate.PodCodes;
import io.kube2ecs.podtemplate.PodTemplateMapper;
import io.kube2ecs.podtemplate.PodTemplateSupport;
import io.kube2ecs.podtemplate.WorkloadService;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Converts a StatefulSet into an ECS service like a Deployment's, keeping what ECS can keep of a
 * StatefulSet's guarantees and reporting the rest.
 *
 * <ul>
 *   <li>Kubernetes never runs two pods of one ordinal: it stops a pod before it starts its
 *       replacement, one at a time. ECS gets the same bounds: at most the desired count of tasks
 *       ({@code maximumPercent} 100) and at most one fewer ({@code minimumHealthyPercent}
 *       (n − 1) / n, or what {@code rollingUpdate.maxUnavailable} allows).</li>
 *   <li>Stable pod names ({@code web-0.nginx}) do not exist: clients reach any task through the
 *       Service's name ({@code STS001}).</li>
 *   <li>Volume claim templates become task storage of their size, whose data does not outlive the
 *       task (reported by the pod-template library).</li>
 *   <li>{@code OnDelete} and partitioned updates have no ECS counterpart ({@code STS002}); ECS
 *       replaces every task when the task definition changes.</li>
 * </ul>
 */
public final class StatefulSetMapper implements KindMapper {

    static final String CODE_IDENTITY = "STS001";
    static final String CODE_UPDATE = "STS002";

    private static final ResourceKind KIND = new ResourceKind("apps", "StatefulSet");
    private static final UnaryOperator<SourceNode> TEMPLATE = root -> root.get("spec").get("template");

    private final PodTemplateMapper pods = new PodTemplateMapper(TEMPLATE, root -> root.get("spec").get("volumeClaimTemplates").items());

    @Override
    public List<FieldSupport> fieldSupport() {
        List<FieldSupport> out = new ArrayList<>(PodTemplateSupport.fields("metadata.", "spec.template."));
        out.add(FieldSupport.mapped("spec.replicas", "desiredCount"));
        out.add(FieldSupport.partial("spec.volumeClaimTemplates", "task storage of the claim's size; its data does not outlive "
                + "the task (POD014)"));
        out.add(FieldSupport.partial("spec.serviceName", "the governing Service registers the tasks in Cloud Map; stable pod names "
                + "do not exist (STS001)"));
        out.add(FieldSupport.partial("spec.updateStrategy", "RollingUpdate: one task at a time (maximumPercent 100, "
                + "minimumHealthyPercent from maxUnavailable); partition and OnDelete STS002"));
        out.add(FieldSupport.ignored("spec.podManagementPolicy", "ECS starts and stops a service's tasks in no order"));
        out.add(FieldSupport.ignored("spec.persistentVolumeClaimRetentionPolicy", "task storage goes with its task"));
        out.add(FieldSupport.ignored("spec.revisionHistoryLimit", "ECS keeps every task definition revision"));
        out.add(FieldSupport.ignored("spec.ordinals", "ECS tasks have no ordinals"));
        out.add(FieldSupport.ignored("spec.selector", "ECS services own their tasks; no label selector is needed"));
        out.add(FieldSupport.ignored("spec.minReadySeconds", "no ECS equivalent (warning)"));
        return out;
    }

    @Override
    public ResourceKind kind() {
        return KIND;
    }

    @Override
    public List<Reference> references(SourceObject statefulSet) {
        return pods.references(statefulSet);
    }

    @Override
    public void map(SourceObject statefulSet, MappingContext context) {
        Optional<TaskDefinition> task = pods.map(statefulSet, context);
        if (task.isEmpty()) {
            return;
        }
        SourceNode spec = statefulSet.root().get("spec");
        EcsService service = WorkloadService.service(statefulSet, task.get(), TEMPLATE, context);
        int count = WorkloadService.replicas(spec.get("replicas"), context.diagnostics());
        service.desiredCount(count);
        rollout(spec.get("updateStrategy"), count, service, context);

        SourceNode serviceName = spec.get("serviceName");
        serviceName.asText().filter(name -> !name.isEmpty()).ifPresent(name -> context.diagnostics().warning(serviceName, CODE_IDENTITY,
                "the pods' stable names (" + statefulSet.name() + "-0." + name + " and on) do not exist on ECS: tasks have no "
                        + "ordinals, and Cloud Map answers the Service's name with any healthy task",
                "make clients call the Service's name; a workload that needs a fixed primary (a database) belongs in a managed "
                        + "service (RDS, ElastiCache) or in one ECS service per replica"));
        spec.get("selector").ignore("ECS services own their tasks; no label selector is needed");
        spec.get("podManagementPolicy").ignore("ECS starts and stops a service's tasks in no order");
        spec.get("persistentVolumeClaimRetentionPolicy").ignore("task storage goes with its task");
        spec.get("revisionHistoryLimit").ignore("ECS keeps every task definition revision");
        spec.get("ordinals").ignore("ECS tasks have no ordinals");
        spec.get("template").get("spec").get("restartPolicy")
                .ignore("a StatefulSet's pods always restart; ECS replaces stopped tasks the same way");
        WorkloadService.minReadySeconds(spec, context.diagnostics());
    }

    /** Replaces one task at a time, never running more tasks than replicas, as Kubernetes replaces one pod at a time. */
    private static void rollout(SourceNode strategy, int replicas, EcsService service, MappingContext context) {
        String type = strategy.get("type").asText().orElse("RollingUpdate");
        strategy.get("type").markConverted();
        int unavailable = 1;
        SourceNode rolling = strategy.get("rollingUpdate");
        SourceNode maxUnavailable = rolling.get("maxUnavailable");
        if (maxUnavailable.exists()) {
            Optional<IntOrPercent> value = IntOrPercent.read(maxUnavailable);
            if (value.isEmpty()) {
                context.diagnostics().error(maxUnavailable, PodCodes.BAD_VALUE, "maxUnavailable '" + maxUnavailable.asText().orElse("")
                        + "' is neither a number nor a percentage", "write it as 1 or 25%");
            } else {
                unavailable = Math.max(1, value.get().pods(replicas, false));
            }
            maxUnavailable.markConverted();
        }
        service.maximumPercent(100);
        service.minimumHealthyPercent(replicas <= 0 ? 0 : Math.max(0, (int) Math.floor((replicas - Math.min(unavailable, replicas))
                * 100.0 / replicas)));
        SourceNode partition = rolling.get("partition");
        if (partition.exists() && partition.asInt().orElse(0) > 0) {
            context.diagnostics().warning(partition, CODE_UPDATE, "a partitioned update (only ordinals from " + partition.asInt().getAsInt()
                    + " up) has no ECS counterpart: a new task definition replaces every task", "stage the change with a second "
                    + "ECS service, or roll it out whole");
        } else {
            partition.markConverted();
        }
        if (type.equals("OnDelete")) {
            context.diagnostics().warning(strategy.get("type"), CODE_UPDATE, "OnDelete updates have no ECS counterpart: ECS replaces the "
                    + "tasks as soon as the service gets a new task definition", "deploy the new task definition when you would have "
                    + "deleted the pods");
        }
    }
}
