package io.kube2ecs.api.model;

import io.kube2ecs.api.Stable;

/**
 * A container's readiness probe, kept for the health check of a load-balancer target group (ECS
 * has no per-container readiness). Immutable.
 *
 * @param protocol           {@code HTTP}, {@code HTTPS} or {@code TCP}
 * @param port               the port probed
 * @param path               the HTTP path, or null for TCP
 * @param intervalSeconds    seconds between checks
 * @param timeoutSeconds     seconds before a check fails
 * @param healthyThreshold   successes before healthy
 * @param unhealthyThreshold failures before unhealthy
 */
@Stable
public record ReadinessCheck(String protocol, int port, String path, int intervalSeconds, int timeoutSeconds,
                             int healthyThreshold, int unhealthyThreshold) {
}
