package io.kube2ecs.api.model;

import io.kube2ecs.api.Stable;
import java.util.List;

/**
 * A container health check (ECS {@code healthCheck}). Immutable.
 *
 * @param command     e.g. {@code ["CMD-SHELL", "curl -f http://localhost/ || exit 1"]}
 * @param interval    seconds between checks (5–300), or null for the ECS default
 * @param timeout     seconds before a check fails (2–120), or null
 * @param retries     failures before unhealthy (1–10), or null
 * @param startPeriod grace period in seconds (0–300), or null
 */
@Stable
public record HealthCheck(List<String> command, Integer interval, Integer timeout, Integer retries,
                          Integer startPeriod) {
    public HealthCheck {
        command = List.copyOf(command);
    }
}
