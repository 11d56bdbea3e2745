package io.kube2ecs.plugin.emit.terraform;

import io.kube2ecs.api.model.AwsResource;
import io.kube2ecs.api.model.CloudMapNamespace;
import io.kube2ecs.api.model.CloudMapService;
import io.kube2ecs.api.model.EcsService;
import io.kube2ecs.api.model.EfsAccessPoint;
import io.kube2ecs.api.model.IamRole;
import io.kube2ecs.api.model.LoadBalancer;
import io.kube2ecs.api.model.LogGroup;
import io.kube2ecs.api.model.ResourceId;
import io.kube2ecs.api.model.ScalingPolicy;
import io.kube2ecs.api.model.ScheduledTask;
import io.kube2ecs.api.model.SecretsManagerSecret;
import io.kube2ecs.api.model.SecurityGroup;
import io.kube2ecs.api.model.SsmParameter;
import io.kube2ecs.api.model.TargetGroup;
import io.kube2ecs.api.model.TaskDefinition;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Terraform resource types and unique, deterministic local names for the model's resources. */
final class Names {

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry(TaskDefinition.TYPE, "aws_ecs_task_definition"), Map.entry(EcsService.TYPE, "aws_ecs_service"),
            Map.entry(CloudMapNamespace.TYPE, "aws_service_discovery_private_dns_namespace"),
            Map.entry(CloudMapService.TYPE, "aws_service_discovery_service"), Map.entry(SsmParameter.TYPE, "aws_ssm_parameter"),
            Map.entry(SecretsManagerSecret.TYPE, "aws_secretsmanager_secret"), Map.entry(LoadBalancer.TYPE, "aws_lb"),
            Map.entry(TargetGroup.TYPE, "aws_lb_target_group"), Map.entry(SecurityGroup.TYPE, "aws_security_group"),
            Map.entry(IamRole.TYPE, "aws_iam_role"), Map.entry(LogGroup.TYPE, "aws_cloudwatch_log_group"),
            Map.entry(ScalingPolicy.TYPE, "aws_appautoscaling_target"), Map.entry(EfsAccessPoint.TYPE, "aws_efs_access_point"),
            Map.entry(ScheduledTask.TYPE, "aws_scheduler_schedule"));

    private final Map<ResourceId, String> names = new HashMap<>();

    Names(Iterable<AwsResource> resources) {
        // only while names are given: the emitter keeps just the names
        Set<String> taken = new HashSet<>();
        for (AwsResource resource : resources) {
            String type = TYPES.get(resource.id().type());
            if (type == null) {
                continue;
            }
            String base = identifier((resource.id().namespace().isEmpty() ? "" : resource.id().namespace() + "_") + resource.id().name());
            String name = base;
            for (int i = 2; !free(taken, type, name, resource.id().type()); i++) {
                name = base + "_" + i;
            }
            names.put(resource.id(), name);
        }
    }

    /**
     * Takes {@code type.name} if it is free. A schedule also takes {@code aws_iam_role.<name>_scheduler}, its
     * role's address: the model's roles are named first (their type sorts before), so none can take it later.
     */
    private static boolean free(Set<String> taken, String type, String name, String modelType) {
        if (!modelType.equals(ScheduledTask.TYPE)) {
            return taken.add(type + "." + name);
        }
        String role = "aws_iam_role." + schedulerRole(name);
        if (taken.contains(type + "." + name) || taken.contains(role)) {
            return false;
        }
        taken.add(type + "." + name);
        return taken.add(role);
    }

    /** @return the local name of the role a schedule of this local name assumes (and of its policy) */
    static String schedulerRole(String scheduleName) {
        return scheduleName + "_scheduler";
    }

    /**
     * @return the text with every run of characters other than ASCII letters and digits made one
     *         {@code _}, none at either end, and {@code r_} in front unless it starts with a letter
     */
    static String identifier(String text) {
        // by hand, not with three regular expressions: it is asked twice for every resource
        StringBuilder clean = new StringBuilder(text.length() + 2);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                clean.append(c);
            } else if (clean.length() > 0 && clean.charAt(clean.length() - 1) != '_') {
                clean.append('_');
            }
        }
        if (clean.length() > 0 && clean.charAt(clean.length() - 1) == '_') {
            clean.setLength(clean.length() - 1);
        }
        char first = clean.length() == 0 ? 0 : clean.charAt(0);
        return first >= 'A' && first <= 'Z' || first >= 'a' && first <= 'z' ? clean.toString() : "r_" + clean;
    }

    /** @return {@code type.name} of a resource the configuration creates, or null */
    String address(ResourceId id) {
        String type = TYPES.get(id.type());
        String name = names.get(id);
        return type == null || name == null ? null : type + "." + name;
    }

    String name(ResourceId id) {
        return names.get(id);
    }
}
