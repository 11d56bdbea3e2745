package io.kube2ecs.plugin.kind.hpa;

import io.kube2ecs.api.model.ContainerDefinition;
import io.kube2ecs.api.model.EcsService;
import io.kube2ecs.api.model.ModelIds;
import io.kube2ecs.api.model.ResourceId;
import io.kube2ecs.api.model.ScalingPolicy;
import io.kube2ecs.api.model.TaskDefinition;
import io.kube2ecs.api.source.ObjectRef;
import io.kube2ecs.api.source.ResourceKind;
import io.kube2ecs.api.source.SourceNode;
import io.kube2ecs.api.source.SourceObject;
import io.kube2ecs.api.spi.FieldSupport;
import io.kube2ecs.api.spi.KindMapper;
import io.kube2ecs.api.spi.MappingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A HorizontalPodAutoscaler ({@code autoscaling/v1}, {@code v2}, {@code v2beta2}, {@code v2beta1})
 * becomes a {@link ScalingPolicy} on the ECS service of the Deployment, ReplicaSet or StatefulSet it scales:
 * its replica bounds become the capacity bounds, its CPU and memory utilization targets become
 * target tracking on the service's average CPU or memory utilization.
 *
 * <p>The two measure utilization against different things. Kubernetes divides by the pods'
 * requests; ECS by the task's size, which the conversion rounds up to a Fargate size. So the target
 * is scaled by requests / task size, which keeps the load at which scaling starts: 80 % of 205
 * requested CPU units is 64 % of a 256-unit task. Pods, object, external and per-container metrics
 * have no predefined ECS metric and are reported, as is {@code behavior}: the emitters use
 * cooldowns close to the HPA's defaults (scale out after 60 s, in after 300 s).
 */
public final class HorizontalPodAutoscalerMapper implements KindMapper {

    static final String CODE_SCALING = "HPA001";
    static final String CODE_METRIC = "HPA002";
    static final String CODE_TARGET = "HPA003";
    static final String CODE_BEHAVIOR = "HPA004";
    static final String CODE_NO_REQUEST = "HPA005";

    /** What Kubernetes scales on when an HPA names no metric. */
    static final int DEFAULT_CPU_UTILIZATION = 80;


    private static final ResourceKind KIND = new ResourceKind("autoscaling", "HorizontalPodAutoscaler");
    private static final ResourceKind DEPLOYMENT = new ResourceKind("apps", "Deployment");
    private static final ResourceKind REPLICA_SET = new ResourceKind("apps", "ReplicaSet");
    private static final ResourceKind STATEFUL_SET = new ResourceKind("apps", "StatefulSet");

    @Override
    public ResourceKind kind() {
        return KIND;
    }

    @Override
    public List<FieldSupport> fieldSupport() {
        return List.of(
                FieldSupport.mapped("spec.scaleTargetRef", "the ECS service of the Deployment, ReplicaSet or StatefulSet (other kinds HPA003)"),
                FieldSupport.mapped("spec.minReplicas", "minimum capacity of the scalable target (default 1)"),
                FieldSupport.mapped("spec.maxReplicas", "maximum capacity of the scalable target"),
                FieldSupport.mapped("spec.targetCPUUtilizationPercentage", "target tracking on ECSServiceAverageCPUUtilization, "
                        + "scaled from requests to the task size (autoscaling/v1)"),
                FieldSupport.partial("spec.metrics", "Resource cpu and memory utilization become target tracking on the service's "
                        + "average CPU or memory utilization, scaled from requests to the task size; other metrics HPA002"),
                FieldSupport.partial("spec.behavior", "not converted (HPA004): the emitters' cooldowns are 60 s out, 300 s in"),
                FieldSupport.ignored("metadata.labels", "nothing selects an autoscaler by its labels"));
    }

    @Override
    public void map(SourceObject hpa, MappingContext context) {
        SourceNode spec = hpa.root().get("spec");
        hpa.root().get("metadata").get("labels").ignore("nothing selects an autoscaler by its labels");
        Optional<EcsService> service = scaledService(hpa, spec.get("scaleTargetRef"), context);
        SourceNode behavior = spec.get("behavior");
        if (behavior.exists() && !behavior.isAbsent()) {
            context.diagnostics().warning(behavior, CODE_BEHAVIOR, "behavior (scaling policies and stabilization windows) is not "
                    + "converted: ECS target tracking scales out after a 60 s cooldown and in after 300 s",
                    "tune ScaleOutCooldown and ScaleInCooldown of the scaling policies in the output if the workload needs other pacing");
        }
        if (service.isEmpty()) {
            // still read the rest, so every field is reported once against this object
            targets(hpa, spec, null, new ArrayList<>(), context);
            spec.get("minReplicas").markConverted();
            spec.get("maxReplicas").markConverted();
            return;
        }
        int max = spec.get("maxReplicas").asInt().orElse(-1);
        if (max < 1) {
            context.diagnostics().error(spec.get("maxReplicas").exists() ? spec.get("maxReplicas") : spec, CODE_SCALING,
                    "maxReplicas must be a whole number of at least 1", "set spec.maxReplicas, as the Kubernetes API requires");
            return;
        }
        int min = spec.get("minReplicas").asInt().orElse(1);
        spec.get("minReplicas").markConverted();
        spec.get("maxReplicas").markConverted();
        if (min < 0 || min > max) {
            context.diagnostics().error(spec.get("minReplicas"), CODE_SCALING, "minReplicas " + min + " is outside 0.." + max,
                    "set spec.minReplicas between 0 and maxReplicas");
            return;
        }
        EcsService scaled = service.get();
        ResourceId id = new ResourceId(ScalingPolicy.TYPE, scaled.id().namespace(), scaled.id().name());
        Optional<ScalingPolicy> earlier = context.model().find(id, ScalingPolicy.class);
        if (earlier.isPresent()) {
            // Kubernetes' controller refuses to act on a workload two autoscalers point at
            context.diagnostics().warning(spec.get("scaleTargetRef"), CODE_TARGET, "another autoscaler ("
                    + earlier.get().origins().get(0).name() + ") already scales " + scaled.serviceName() + "; this one is not converted",
                    "keep one HorizontalPodAutoscaler per workload, as Kubernetes requires");
            targets(hpa, spec, null, new ArrayList<>(), context);
            return;
        }
        TaskDefinition task = context.model().find(scaled.taskDefinition(), TaskDefinition.class).orElse(null);
        List<String> explained = new ArrayList<>();
        List<ScalingPolicy.TargetTracking> targets = targets(hpa, spec, task, explained, context);
        ScalingPolicy policy = new ScalingPolicy(id, scaled.id(), min, max, targets);
        policy.addOrigin(hpa.ref());
        context.model().add(policy);
        // Kubernetes starts the workload within the bounds at once; so does the first desired count
        int desired = Math.max(min, Math.min(max, scaled.desiredCount()));
        if (desired != scaled.desiredCount()) {
            scaled.desiredCount(desired);
        }
        context.diagnostics().info(spec, CODE_SCALING, "becomes Application Auto Scaling of ECS service " + scaled.serviceName() + ": "
                + min + " to " + max + " tasks" + (targets.isEmpty() ? ", no target tracking" : ", target tracking on " + String.join("; ", explained)),
                targets.isEmpty() ? "add a scaling policy by hand, or the service stays at its desired count" : null);
    }

    /** The ECS service the autoscaler's target became, or empty (reported) when there is none. */
    private static Optional<EcsService> scaledService(SourceObject hpa, SourceNode ref, MappingContext context) {
        String kind = ref.get("kind").asText().orElse("");
        String name = ref.get("name").asText().orElse("");
        String apiVersion = ref.get("apiVersion").asText().orElse("");
        ref.get("kind").markConverted();
        ref.get("name").markConverted();
        ref.get("apiVersion").markConverted();
        ResourceKind target = switch (kind) {
            case "Deployment" -> DEPLOYMENT;
            case "ReplicaSet" -> REPLICA_SET;
            case "StatefulSet" -> STATEFUL_SET;
            default -> null;
        };
        if (target == null || !(apiVersion.isEmpty() || apiVersion.startsWith("apps/"))) {
            context.diagnostics().warning(ref.exists() ? ref : hpa.root().get("spec"), CODE_TARGET, "the autoscaler scales "
                    + (kind.isEmpty() ? "nothing" : apiVersion + " " + kind + " '" + name + "'")
                    + ", which does not become an ECS service here; nothing is scaled",
                    "only Deployments, ReplicaSets and StatefulSets become ECS services; scale the service of the workload by hand");
            return Optional.empty();
        }
        ObjectRef workload = new ObjectRef(target, hpa.namespace(), name);
        if (context.objects().find(workload).isEmpty()) {
            context.diagnostics().warning(ref, CODE_TARGET, "the autoscaler scales " + workload + ", which is not in the input; "
                    + "nothing is scaled", "add the file that defines it to the -f inputs");
            return Optional.empty();
        }
        Optional<EcsService> service = context.model().find(ModelIds.service(hpa.namespace(), name), EcsService.class);
        if (service.isEmpty()) {
            context.diagnostics().warning(ref, CODE_TARGET, workload + " did not become an ECS service (see its diagnostics); "
                    + "nothing is scaled", "fix the workload's conversion first");
        }
        return service;
    }

    /** Target tracking for each utilization target the autoscaler names; others are reported. */
    private static List<ScalingPolicy.TargetTracking> targets(SourceObject hpa, SourceNode spec, TaskDefinition task, List<String> explained,
                                                              MappingContext context) {
        List<ScalingPolicy.TargetTracking> out = new ArrayList<>();
        SourceNode v1 = spec.get("targetCPUUtilizationPercentage");
        if (v1.exists()) {
            v1.asInt().ifPresentOrElse(percent -> add(out, explained, "cpu", percent, v1, task, context),
                    () -> context.diagnostics().warning(v1, CODE_METRIC, "targetCPUUtilizationPercentage is not a whole number",
                            "write it as a number, e.g. 80"));
        }
        SourceNode metrics = spec.get("metrics");
        for (SourceNode metric : metrics.items()) {
            String type = metric.get("type").asText().orElse("");
            metric.get("type").markConverted();
            if (type.equals("Resource")) {
                SourceNode resource = metric.get("resource");
                String name = resource.get("name").asText().orElse("");
                resource.get("name").markConverted();
                // v2 and v2beta2 nest the target; v2beta1 names it targetAverageUtilization
                SourceNode utilization = resource.get("target").get("averageUtilization").exists()
                        ? resource.get("target").get("averageUtilization") : resource.get("targetAverageUtilization");
                String targetType = resource.get("target").get("type").asText().orElse(utilization.exists() ? "Utilization" : "");
                if ((name.equals("cpu") || name.equals("memory")) && targetType.equals("Utilization") && utilization.asInt().isPresent()) {
                    resource.get("target").get("type").markConverted();
                    add(out, explained, name, utilization.asInt().getAsInt(), utilization, task, context);
                    continue;
                }
                context.diagnostics().warning(metric, CODE_METRIC, "the " + (name.isEmpty() ? "resource" : name) + " metric "
                        + (targetType.equals("Utilization") || targetType.isEmpty() ? "" : "with an " + targetType + " target ")
                        + "is not converted: ECS tracks the service's average CPU or memory utilization, in percent",
                        "express the target as averageUtilization of cpu or memory, or add a CloudWatch-based scaling policy by hand");
            } else {
                context.diagnostics().warning(metric, CODE_METRIC, "the " + (type.isEmpty() ? "untyped" : type) + " metric is not "
                        + "converted: ECS target tracking has predefined metrics for CPU and memory utilization only",
                        "publish the metric to CloudWatch and add a target tracking policy with a customized metric by hand");
            }
        }
        if (!v1.exists() && metrics.items().isEmpty() && task != null) {
            // Kubernetes' default when an autoscaler names no metric (the API server fills in an empty list too)
            add(out, explained, "cpu", DEFAULT_CPU_UTILIZATION, spec, task, context);
            explained.set(explained.size() - 1, explained.get(explained.size() - 1) + " (Kubernetes' default when no metric is named)");
        }
        return out;
    }

    private static void add(List<ScalingPolicy.TargetTracking> out, List<String> explained, String resource, int percent, SourceNode at,
                            TaskDefinition task, MappingContext context) {
        if (task == null) {
            at.markConverted();
            return;
        }
        boolean cpu = resource.equals("cpu");
        String metric = cpu ? ScalingPolicy.CPU_UTILIZATION : ScalingPolicy.MEMORY_UTILIZATION;
        if (out.stream().anyMatch(t -> t.metric().equals(metric))) {
            context.diagnostics().warning(at, CODE_METRIC, "a second " + resource + " target is not converted: one target tracking "
                    + "policy per metric", "keep one " + resource + " target");
            return;
        }
        int requested = 0;
        boolean everyContainer = true;
        for (ContainerDefinition container : task.containers()) {
            if (!container.essential()) {
                continue; // init containers: Kubernetes leaves them out of the pod's request too
            }
            Integer request = cpu ? container.cpu() : container.memoryReservation();
            everyContainer &= request != null;
            requested += request == null ? 0 : request;
        }
        int size = cpu ? task.cpu() : task.memory();
        double target = percent;
        if (!everyContainer || requested <= 0 || size <= 0) {
            context.diagnostics().warning(at, CODE_NO_REQUEST, "not every container requests " + resource + ", so Kubernetes could "
                    + "not compute this utilization; ECS measures it against the task's " + (cpu ? size + " CPU units" : size + " MiB")
                    + " and tracks " + percent + " % of that", "set resources.requests." + resource
                    + " on every container, so the target means what it meant in the cluster");
        } else {
            target = Math.round(percent * (double) requested / size * 10) / 10.0;
        }
        String unit = cpu ? " CPU units" : " MiB";
        String why = requested > 0 && everyContainer && size > 0 && requested != size
                ? " (" + percent + " % of the " + requested + unit + " requested; the task has " + size + ")" : "";
        if (target > 100) {
            // a Fargate task cannot use more than its size, so its utilization never passes 100 %
            context.diagnostics().warning(at, CODE_METRIC, "a " + resource + " target of " + percent(target) + " % of the task's size "
                    + "could never be reached on Fargate; 100 % is tracked", "lower the target, or raise the requests");
            target = 100;
        }
        at.markConverted();
        out.add(new ScalingPolicy.TargetTracking(metric, target));
        explained.add(resource + " " + percent(target) + " %" + why);
    }

    private static String percent(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }
}
