package io.kube2ecs.api.model;

import io.kube2ecs.api.Stable;

/**
 * A volume mounted into a container. Immutable.
 *
 * @param sourceVolume  the task volume's name
 * @param containerPath where it is mounted
 * @param readOnly      whether it is read-only
 */
@Stable
public record MountPoint(String sourceVolume, String containerPath, boolean readOnly) {
}
