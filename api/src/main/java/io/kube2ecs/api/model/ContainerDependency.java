package io.kube2ecs.api.model;

import io.kube2ecs.api.Stable;

/**
 * Start-order dependency between containers of a task (ECS {@code dependsOn}). Immutable.
 *
 * @param containerName the container waited for
 * @param condition     {@code START}, {@code COMPLETE}, {@code SUCCESS} or {@code HEALTHY}
 */
@Stable
public record ContainerDependency(String containerName, String condition) {
}
