package io.kube2ecs.podtemplate;

import io.kube2ecs.api.model.TargetGroup;
import io.kube2ecs.api.source.SourceNode;
import io.kube2ecs.api.source.SourceObject;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * Target-group health checks: from annotations when given, else from the backend container's
 * readiness probe (the closest Kubernetes has to "ready for traffic"), else the ELB defaults.
 */
public final class HealthChecks {

    private static final int DEFAULT_INTERVAL = 30;
    private static final int LONGEST_DEFAULT_TIMEOUT = 10;

    private HealthChecks() {
    }

    /**
     * @param group    the target group to set up
     * @param workload the backend workload (plain view)
     * @param target   the container and port traffic goes to
     */
    public static void fromReadiness(TargetGroup group, SourceObject workload, ServiceRouting.Target target) {
        for (SourceNode container : ServiceRouting.podTemplate(workload).get("spec").get("containers").items()) {
            if (!container.get("name").asText().map(target.container()::equals).orElse(false)) {
                continue;
            }
            SourceNode probe = container.get("readinessProbe");
            SourceNode http = probe.get("httpGet");
            if (http.exists()) {
                group.healthCheckPath(http.get("path").asText().orElse("/"));
                OptionalInt port = http.get("port").asInt();
                if (port.isPresent() && port.getAsInt() != target.port()) {
                    group.healthCheckPort(Integer.toString(port.getAsInt()));
                }
                // NLB target groups can check over HTTP too, which a path needs
                group.healthCheckProtocol(http.get("scheme").asText().orElse("HTTP").toUpperCase(Locale.ROOT));
            }
            if (probe.exists()) {
                group.healthCheckIntervalSeconds(clamp(probe.get("periodSeconds").asInt().orElse(10), 5, 300));
                group.healthCheckTimeoutSeconds(clamp(probe.get("timeoutSeconds").asInt().orElse(1), 2, 120));
                group.healthyThreshold(clamp(probe.get("successThreshold").asInt().orElse(1), 2, 10));
                group.unhealthyThreshold(clamp(probe.get("failureThreshold").asInt().orElse(3), 2, 10));
                keepTimeoutBelowInterval(group);
            }
        }
    }

    /**
     * Applies the {@code service.beta.kubernetes.io/aws-load-balancer-healthcheck-*} annotations.
     *
     * @param group       the target group
     * @param annotations the Service's annotations
     */
    public static void fromServiceAnnotations(TargetGroup group, SourceNode annotations) {
        apply(group, annotations, "service.beta.kubernetes.io/aws-load-balancer-healthcheck-", "healthy-threshold",
                "unhealthy-threshold", "success-codes");
    }

    /**
     * Applies the {@code alb.ingress.kubernetes.io/healthcheck-*} and {@code success-codes} annotations.
     *
     * @param group       the target group
     * @param annotations the Ingress's annotations
     */
    public static void fromIngressAnnotations(TargetGroup group, SourceNode annotations) {
        String prefix = "alb.ingress.kubernetes.io/";
        apply(group, annotations, prefix + "healthcheck-", "healthy-threshold-count", "unhealthy-threshold-count", null);
        // the controller spells these without the healthcheck- prefix
        number(annotations.get(prefix + "healthy-threshold-count")).ifPresent(v -> group.healthyThreshold(clamp(v, 2, 10)));
        number(annotations.get(prefix + "unhealthy-threshold-count")).ifPresent(v -> group.unhealthyThreshold(clamp(v, 2, 10)));
        annotations.get(prefix + "success-codes").asText().ifPresent(group::matcher);
    }

    private static void apply(TargetGroup group, SourceNode annotations, String prefix, String healthy, String unhealthy,
                              String codes) {
        annotations.get(prefix + "path").asText().ifPresent(group::healthCheckPath);
        annotations.get(prefix + "port").asText().ifPresent(group::healthCheckPort);
        annotations.get(prefix + "protocol").asText().map(p -> p.toUpperCase(Locale.ROOT)).ifPresent(group::healthCheckProtocol);
        number(annotations.get(prefix + "interval-seconds").exists() ? annotations.get(prefix + "interval-seconds")
                : annotations.get(prefix + "interval")).ifPresent(v -> group.healthCheckIntervalSeconds(clamp(v, 5, 300)));
        number(annotations.get(prefix + "timeout-seconds").exists() ? annotations.get(prefix + "timeout-seconds")
                : annotations.get(prefix + "timeout")).ifPresent(v -> group.healthCheckTimeoutSeconds(clamp(v, 2, 120)));
        number(annotations.get(prefix + healthy)).ifPresent(v -> group.healthyThreshold(clamp(v, 2, 10)));
        number(annotations.get(prefix + unhealthy)).ifPresent(v -> group.unhealthyThreshold(clamp(v, 2, 10)));
        if (codes != null) {
            annotations.get(prefix + codes).asText().ifPresent(group::matcher);
        }
        keepTimeoutBelowInterval(group);
    }

    /**
     * Kubernetes lets a probe wait as long as its period or longer; Elastic Load Balancing refuses a
     * target group whose timeout is not below its interval. Raising the interval keeps the probe's
     * patience (a slow endpoint still passes) at the cost of slower detection. ELB's default
     * timeouts (5 s for HTTP, up to 10 s otherwise) count when only the interval is set, and its
     * default interval (30 s) when only the timeout is.
     */
    private static void keepTimeoutBelowInterval(TargetGroup group) {
        Integer interval = group.healthCheckIntervalSeconds();
        Integer timeout = group.healthCheckTimeoutSeconds();
        if (timeout != null && timeout >= (interval == null ? DEFAULT_INTERVAL : interval)) {
            group.healthCheckIntervalSeconds(timeout + 1);
        } else if (timeout == null && interval != null && interval <= LONGEST_DEFAULT_TIMEOUT) {
            group.healthCheckTimeoutSeconds(Math.max(2, Math.min(5, interval - 1)));
        }
    }

    private static OptionalInt number(SourceNode node) {
        try {
            return node.asText().map(t -> OptionalInt.of(Integer.parseInt(t.trim()))).orElse(OptionalInt.empty());
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    private static int clamp(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }
}
