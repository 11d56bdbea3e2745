package io.kube2ecs.core.transform;

import io.kube2ecs.api.diag.Diagnostic;
import io.kube2ecs.api.diag.Diagnostics;
import io.kube2ecs.api.diag.Severity;
import io.kube2ecs.api.model.AwsResource;
import io.kube2ecs.api.model.DeploymentModel;
import io.kube2ecs.api.model.EcsService;
import io.kube2ecs.api.model.LoadBalancer;
import io.kube2ecs.api.model.SsmParameter;
import io.kube2ecs.api.model.TargetGroup;
import io.kube2ecs.api.model.TaskDefinition;
import io.kube2ecs.api.source.SourceLocation;
import io.kube2ecs.core.diag.Codes;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Two Kubernetes objects can map to the same AWS name (namespace {@code a-b} name {@code c} and
 * namespace {@code a} name {@code b-c} both give {@code a-b-c}); the second create would fail or,
 * worse, a service would run the other workload's task definition. Report it before writing.
 */
public final class NameCollisions {

    private NameCollisions() {
    }

    /**
     * @param model       the converted model
     * @param diagnostics where collisions are reported as errors
     */
    public static void check(DeploymentModel model, Diagnostics diagnostics) {
        check(model.all(TaskDefinition.class), TaskDefinition::family, "task definition family", diagnostics);
        check(model.all(EcsService.class), EcsService::serviceName, "service name", diagnostics);
        check(model.all(LoadBalancer.class), LoadBalancer::name, "load balancer name", diagnostics);
        check(model.all(TargetGroup.class), TargetGroup::name, "target group name", diagnostics);
        check(model.all(SsmParameter.class), SsmParameter::name, "SSM parameter name", diagnostics);
    }

    private static <T extends AwsResource> void check(Iterable<T> resources, Function<T, String> name, String what,
                                                      Diagnostics diagnostics) {
        Map<String, T> seen = new HashMap<>();
        for (T resource : resources) {
            T previous = seen.putIfAbsent(name.apply(resource), resource);
            if (previous != null) {
                diagnostics.report(new Diagnostic(Severity.ERROR, Codes.NAME_COLLISION, previous.origins() + " and "
                        + resource.origins() + " both become " + what + " '" + name.apply(resource) + "'",
                        "rename one of them, or set namePrefix in the profile and convert them separately",
                        SourceLocation.ofFile("(model)"), null));
            }
        }
    }
}
