package io.kube2ecs.podtemplate;

import io.kube2ecs.api.diag.Diagnostics;
import io.kube2ecs.api.model.EcsService;
import io.kube2ecs.api.source.SourceNode;
import java.util.OptionalInt;

/**
 * Carries a Deployment's rollout strategy over to the ECS deployment configuration.
 *
 * <p>Kubernetes bounds a rolling update by pods (maxSurge rounds up, maxUnavailable rounds down, both
 * 25% by default); ECS bounds it by percentages of the desired count (maximumPercent rounds down,
 * minimumHealthyPercent rounds up). The percentages are chosen so ECS allows exactly the same
 * number of pods. {@code Recreate} becomes 0%/100%: stop all, then start all.
 */
public final class RolloutStrategy {

    private static final int ECS_MAX_PERCENT = 200;

    private RolloutStrategy() {
    }

    /**
     * @param spec        the Deployment spec (strategy, progressDeadlineSeconds)
     * @param replicas    the desired count
     * @param service     the service whose deployment configuration is set
     * @param diagnostics where inexact or invalid settings are reported
     */
    public static void apply(SourceNode spec, int replicas, EcsService service, Diagnostics diagnostics) {
        SourceNode strategy = spec.get("strategy");
        String type = strategy.get("type").asText().orElse("RollingUpdate");
        spec.get("progressDeadlineSeconds").ignore(
                "the ECS deployment circuit breaker (enabled, with rollback) stops failing rollouts instead");
        if (type.equals("Recreate")) {
            service.minimumHealthyPercent(0);
            service.maximumPercent(100);
            return;
        }
        if (!type.equals("RollingUpdate")) {
            diagnostics.error(strategy.get("type"), PodCodes.STRATEGY, "unknown strategy type '" + type + "'",
                    "use RollingUpdate or Recreate");
            return;
        }
        SourceNode rolling = strategy.get("rollingUpdate");
        IntOrPercent surge = bound(rolling.get("maxSurge"), diagnostics);
        IntOrPercent unavailable = bound(rolling.get("maxUnavailable"), diagnostics);
        if (replicas == 0) {
            service.minimumHealthyPercent(Math.max(0, 100 - unavailable.percentOr(25)));
            service.maximumPercent(Math.min(ECS_MAX_PERCENT, 100 + surge.percentOr(25)));
            return;
        }
        int surgePods = surge.pods(replicas, true);
        int unavailablePods = Math.min(replicas, unavailable.pods(replicas, false));
        if (surgePods == 0 && unavailablePods == 0) {
            unavailablePods = 1; // what Kubernetes does when both round to zero
        }
        int minimumHealthy = (int) Math.floor(100.0 * (replicas - unavailablePods) / replicas);
        int maximum = (int) Math.ceil(100.0 * (replicas + surgePods) / replicas);
        if (maximum > ECS_MAX_PERCENT) {
            diagnostics.warning(rolling.get("maxSurge"), PodCodes.STRATEGY, "maxSurge allows " + maximum
                    + "% of the desired count; ECS allows at most " + ECS_MAX_PERCENT + "%, so rollouts start fewer extra tasks",
                    null);
            maximum = ECS_MAX_PERCENT;
        }
        service.minimumHealthyPercent(minimumHealthy);
        service.maximumPercent(maximum);
        int ecsMinimum = (int) Math.ceil(replicas * minimumHealthy / 100.0);
        int ecsMaximum = (int) Math.floor(replicas * maximum / 100.0);
        boolean maximumExact = ecsMaximum == replicas + surgePods || maximum == ECS_MAX_PERCENT;
        if (ecsMinimum != replicas - unavailablePods || !maximumExact) {
            diagnostics.warning(rolling.exists() ? rolling : strategy, PodCodes.STRATEGY, "no whole percentage of "
                    + replicas + " replicas gives exactly Kubernetes' rollout bounds (" + (replicas - unavailablePods) + " to "
                    + (replicas + surgePods) + " pods); ECS keeps " + ecsMinimum + " to " + ecsMaximum + " tasks", null);
        }
    }

    private static IntOrPercent bound(SourceNode node, Diagnostics diagnostics) {
        if (node.isAbsent()) {
            return new IntOrPercent(null, 25);
        }
        return IntOrPercent.read(node).orElseGet(() -> {
            diagnostics.error(node, PodCodes.STRATEGY, "'" + node.asText().orElse("") + "' is neither a number nor a percentage",
                    "write e.g. 1 or 25%");
            return new IntOrPercent(null, 25);
        });
    }
}
