package io.kube2ecs.api.model;

import io.kube2ecs.api.Stable;
import java.util.Objects;

/**
 * An EFS access point: a directory of an EFS file system, created on first use with a given owner
 * and permissions, that tasks mount as an EFS volume ({@link Volume#efsAccessPointId()} refers to
 * its {@link Value.Attribute#ID}). kube2ecs makes one per PersistentVolumeClaim that a workload
 * mounts; the file system itself is the user's ({@link StandardInputs#EFS_FILE_SYSTEM_ID}).
 *
 * <p>With a {@link PosixUser}, EFS performs every NFS operation through the access point as that user
 * and group, whatever identity the client sends: files are created as it, and permissions are checked
 * against it. Without one, each client keeps its own identity.
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
    private final PosixUser posixUser;

    /**
     * The POSIX identity EFS enforces for every file system operation through an access point (EFS's
     * {@code PosixUser}, without secondary groups).
     *
     * @param uid the user id, 0 to 4294967295
     * @param gid the group id, 0 to 4294967295
     * @since 1.5
     */
    public record PosixUser(long uid, long gid) {
        /** Checks the ids are in EFS's range. */
        public PosixUser {
            if (uid < 0 || uid > MAX_ID || gid < 0 || gid > MAX_ID) {
                throw new IllegalArgumentException("POSIX ids are 0 to " + MAX_ID + ": " + uid + ":" + gid);
            }
        }
    }

    /** The largest POSIX id EFS accepts. */
    public static final long MAX_ID = 4294967295L;

    /**
     * An access point without a POSIX user: each client keeps its own identity.
     *
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
        this(id, name, fileSystemId, path, ownerUid, ownerGid, permissions, null);
    }

    /**
     * @param id           identity; type {@link #TYPE}
     * @param name         the access point's name, written as its {@code Name} tag; not null
     * @param fileSystemId the EFS file system (usually the input {@link StandardInputs#EFS_FILE_SYSTEM_ID}); not null
     * @param path         the directory inside the file system the access point exposes as its root, absolute
     * @param ownerUid     the POSIX user id that owns the directory when EFS creates it
     * @param ownerGid     the POSIX group id that owns it
     * @param permissions  its mode in octal, 3 or 4 digits, e.g. {@code 0755} or {@code 2775}; not null
     * @param posixUser    the identity EFS enforces for every operation through the access point, or null
     *                     for none (each client keeps its own)
     */
    public EfsAccessPoint(ResourceId id, String name, Value fileSystemId, String path, long ownerUid, long ownerGid,
                          String permissions, PosixUser posixUser) {
        super(id);
        this.posixUser = posixUser;
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
    /**
     * @return the identity EFS enforces for every NFS operation through the access point, or null when
     *         each client keeps its own
     */
    public PosixUser posixUser() { return posixUser; }
}
