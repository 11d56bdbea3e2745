package io.kube2ecs.api.model;

/**
 * Start-order dependency between containers of a task (ECS {@code dependsOn}). Immutable.
 *
 * @param containerName the container waited for
 * @param condition     {@code START}, {@code COMPLETE}, {@code SUCCESS} or {@code HEALTHY}
 */
public record ContainerDependency(String containerName, String condition) {
}
