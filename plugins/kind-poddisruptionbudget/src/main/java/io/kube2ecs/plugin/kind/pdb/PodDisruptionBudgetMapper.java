package io.kube2ecs.plugin.kind.pdb;

import io.kube2ecs.api.model.EcsService;
import io.kube2ecs.api.model.ModelIds;
import io.kube2ecs.api.source.LabelSelector;
import io.kube2ecs.api.source.ResourceKind;
import io.kube2ecs.api.source.SourceNode;
import io.kube2ecs.api.source.SourceObject;
import io.kube2ecs.api.spi.FieldSupport;
import io.kube2ecs.api.spi.KindMapper;
import io.kube2ecs.api.spi.MappingContext;
import io.kube2ecs.podtemplate.IntOrPercent;
import io.kube2ecs.podtemplate.Selectors;
import io.kube2ecs.podtemplate.ServiceRouting;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A PodDisruptionBudget limits voluntary disruptions: node drains and upgrades. Fargate has no
 * nodes to drain; what stops an ECS service's healthy tasks on purpose is ECS itself, when it
 * replaces tasks (a deployment, or Fargate retiring a task for maintenance), and it keeps the
 * service's {@code minimumHealthyPercent} running then, or all tasks while
 * {@code maximumPercent} lets it start a replacement first. So a budget has nothing to create;
 * it is checked against the services of the workloads it selects: {@code PDB001} when they keep
 * at least what it asks, {@code PDB002} with the percent that would when they do not (the
 * conversion does not raise it: that would also slow the service's deployments, which a budget
 * in Kubernetes does not), {@code PDB003} when it selects no converted workload.
 */
public final class PodDisruptionBudgetMapper implements KindMapper {

    static final String CODE_KEPT = "PDB001";
    static final String CODE_SHORT = "PDB002";
    static final String CODE_NOTHING = "PDB003";

    private static final ResourceKind KIND = new ResourceKind("policy", "PodDisruptionBudget");

    @Override
    public ResourceKind kind() {
        return KIND;
    }

    @Override
    public List<FieldSupport> fieldSupport() {
        return List.of(
                FieldSupport.mapped("spec.selector", "the workloads whose ECS services are checked"),
                FieldSupport.mapped("spec.minAvailable", "checked against the tasks the service keeps running while ECS replaces tasks"),
                FieldSupport.mapped("spec.maxUnavailable", "checked against the tasks the service keeps running while ECS replaces tasks"),
                FieldSupport.ignored("spec.unhealthyPodEvictionPolicy", "ECS replaces unhealthy tasks whatever the service's bounds"),
                FieldSupport.ignored("metadata.labels", "nothing selects a budget by its labels"));
    }

    @Override
    public void map(SourceObject budget, MappingContext context) {
        SourceNode spec = budget.root().get("spec");
        budget.root().get("metadata").get("labels").ignore("nothing selects a budget by its labels");
        spec.get("unhealthyPodEvictionPolicy").ignore("ECS replaces unhealthy tasks whatever the service's bounds");
        SourceNode selectorNode = spec.get("selector");
        LabelSelector selector = Selectors.read(selectorNode);
        markSelector(selectorNode);
        SourceNode minAvailable = spec.get("minAvailable");
        SourceNode maxUnavailable = spec.get("maxUnavailable");
        minAvailable.markConverted();
        maxUnavailable.markConverted();
        List<EcsService> services = new ArrayList<>();
        for (ResourceKind kind : ServiceRouting.WORKLOADS) {
            for (SourceObject workload : context.objects().all(kind)) {
                if (workload.namespace().equals(budget.namespace()) && ServiceRouting.standalone(workload)
                        && selector.matches(ServiceRouting.podTemplate(workload).get("metadata").get("labels").asStringMap())) {
                    context.model().find(ModelIds.service(workload.namespace(), workload.name()), EcsService.class).ifPresent(services::add);
                }
            }
        }
        if (services.isEmpty()) {
            context.diagnostics().warning(selectorNode.exists() ? selectorNode : spec, CODE_NOTHING, "the budget selects no workload that "
                    + "became an ECS service, so it guards nothing", "check the selector's labels, or convert the workload with it");
            return;
        }
        for (EcsService service : services) {
            int tasks = service.desiredCount();
            Optional<Integer> required = required(minAvailable, maxUnavailable, tasks);
            if (required.isEmpty()) {
                context.diagnostics().warning(minAvailable.exists() ? minAvailable : maxUnavailable.exists() ? maxUnavailable : spec,
                        CODE_SHORT, "the budget names neither a whole number nor a percentage to keep available",
                        "set minAvailable or maxUnavailable, e.g. 1 or 50%");
                return;
            }
            // with room above 100 %, ECS starts a replacement before it stops a task: all stay running
            boolean startsFirst = service.maximumPercent() > 100 && tasks > 0
                    && (long) service.maximumPercent() * tasks / 100 > tasks;
            int kept = startsFirst ? tasks : (int) Math.ceil(service.minimumHealthyPercent() * tasks / 100.0);
            if (kept >= required.get()) {
                context.diagnostics().info(spec, CODE_KEPT, "ECS keeps " + kept + " of the " + tasks + " tasks of service "
                        + service.serviceName() + " running while it replaces tasks (minimumHealthyPercent "
                        + service.minimumHealthyPercent() + ", maximumPercent " + service.maximumPercent() + "), at least the "
                        + required.get() + " the budget asks", null);
            } else {
                int percent = tasks == 0 ? 0 : (int) Math.ceil(required.get() * 100.0 / tasks);
                context.diagnostics().warning(spec, CODE_SHORT, "ECS may stop " + (tasks - kept) + " of the " + tasks + " tasks of service "
                        + service.serviceName() + " at once while it replaces tasks (minimumHealthyPercent "
                        + service.minimumHealthyPercent() + ", maximumPercent " + service.maximumPercent() + "); the budget asks that "
                        + required.get() + " stay available", "raise the service's minimumHealthyPercent to " + percent
                        + " (this also slows its deployments, which the budget does not in Kubernetes), or its maximumPercent above 100 "
                        + "so that ECS starts replacements first");
            }
        }
    }

    /** The tasks the budget asks to keep available out of {@code tasks}, as the disruption controller rounds. */
    static Optional<Integer> required(SourceNode minAvailable, SourceNode maxUnavailable, int tasks) {
        if (minAvailable.exists()) {
            return amount(minAvailable, tasks, true);
        }
        if (maxUnavailable.exists()) {
            return amount(maxUnavailable, tasks, true).map(unavailable -> Math.max(0, tasks - unavailable));
        }
        return Optional.of(0); // no bound asked: Kubernetes allows every disruption too
    }

    private static Optional<Integer> amount(SourceNode node, int tasks, boolean roundUp) {
        return IntOrPercent.read(node).map(value -> value.pods(tasks, roundUp));
    }

    private static void markSelector(SourceNode selector) {
        for (SourceNode label : selector.get("matchLabels").entries().values()) {
            label.markConverted();
        }
        for (SourceNode expression : selector.get("matchExpressions").items()) {
            expression.get("key").markConverted();
            expression.get("operator").markConverted();
            for (SourceNode value : expression.get("values").items()) {
                value.markConverted();
            }
        }
    }
}
