package io.kube2ecs.api.model;

import io.kube2ecs.api.Stable;
import java.util.Objects;

/**
 * An EFS access point: a directory of an EFS file system, created on first use with a given owner
 * and permissions, that tasks mount as an EFS volume ({@link Volume#efsAccessPointId()} refers to
 * its {@link Value.Attribute#ID}). kube2ecs makes one per PersistentVolumeClaim that a workload
 * mounts; the file system itself is the user's ({@link StandardInputs#EFS_FILE_SYSTEM_ID}).
 *
 * <p>Immutable after construction, apart from its tags and origins.
 *
 * @since 1.5
 */
@Stable
public final class EfsAccessPoint extends AwsResource {

    /** The {@link ResourceId#type()} of EFS access points. */
    public static final String TYPE = "efs-access-point";

    private final String name;
    private final Value fileSystemId;
    private final String path;
    private final long ownerUid;
    private final long ownerGid;
    private final String permissions;

    /**
     * @param id           identity; type {@link #TYPE}
     * @param name         the access point's name, written as its {@code Name} tag; not null
     * @param fileSystemId the EFS file system (usually the input {@link StandardInputs#EFS_FILE_SYSTEM_ID}); not null
     * @param path         the directory inside the file system the access point exposes as its root,
     *                     absolute, e.g. {@code /kube2ecs/shop/data}; not null
     * @param ownerUid     the POSIX user id that owns the directory when EFS creates it
     * @param ownerGid     the POSIX group id that owns it
     * @param permissions  its mode in octal, 3 or 4 digits, e.g. {@code 0755} or {@code 2775}; not null
     */
    public EfsAccessPoint(ResourceId id, String name, Value fileSystemId, String path, long ownerUid, long ownerGid,
                          String permissions) {
        super(id);
        this.name = Objects.requireNonNull(name, "name");
        this.fileSystemId = Objects.requireNonNull(fileSystemId, "fileSystemId");
        this.path = Objects.requireNonNull(path, "path");
        this.ownerUid = ownerUid;
        this.ownerGid = ownerGid;
        this.permissions = Objects.requireNonNull(permissions, "permissions");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("an access point's path is absolute: " + path);
        }
        if (!permissions.matches("[0-7]{3,4}")) {
            throw new IllegalArgumentException("permissions are 3 or 4 octal digits: " + permissions);
        }
    }

    /** @return the access point's name (its {@code Name} tag) */
    public String name() { return name; }
    /** @return the EFS file system the access point belongs to */
    public Value fileSystemId() { return fileSystemId; }
    /** @return the directory the access point exposes as its root */
    public String path() { return path; }
    /** @return the owner's POSIX user id, applied when EFS creates the directory */
    public long ownerUid() { return ownerUid; }
    /** @return the owner's POSIX group id, applied when EFS creates the directory */
    public long ownerGid() { return ownerGid; }
    /** @return the directory's mode in octal, applied when EFS creates it */
    public String permissions() { return permissions; }
}
