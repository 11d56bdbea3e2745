package io.kube2ecs.api.model;

import io.kube2ecs.api.Stable;

/**
 * A task volume: task-scoped scratch storage (like {@code emptyDir}) or an EFS file system.
 * Immutable.
 *
 * @param name                the volume name
 * @param efsFileSystemId     the EFS file system (a {@link Value.Input} or {@link Value.Ref}), or
 *                            null for task-scoped storage
 * @param efsRootDirectory    the directory inside the file system, or null
 * @param efsAccessPointId    the EFS access point, or null
 * @param transitEncryption   whether EFS traffic is encrypted in transit
 */
@Stable
public record Volume(String name, Value efsFileSystemId, String efsRootDirectory, Value efsAccessPointId,
                     boolean transitEncryption) {

    /**
     * @param name the volume name
     * @return a task-scoped volume (ECS bind mount on ephemeral storage)
     */
    public static Volume scratch(String name) {
        return new Volume(name, null, null, null, false);
    }
}
