package io.kube2ecs.api.model;

import io.kube2ecs.api.Stable;

/**
 * A resource limit of a container. Immutable.
 *
 * @param name      e.g. {@code nofile}
 * @param softLimit the soft limit
 * @param hardLimit the hard limit
 */
@Stable
public record Ulimit(String name, int softLimit, int hardLimit) {
}
