package io.kube2ecs.plugin.kind.pvc;

import io.kube2ecs.api.model.EfsAccessPoint;
import io.kube2ecs.api.model.ModelIds;
import io.kube2ecs.api.model.StandardInputs;
import io.kube2ecs.api.source.ResourceKind;
import io.kube2ecs.api.source.SourceNode;
import io.kube2ecs.api.source.SourceObject;
import io.kube2ecs.api.spi.FieldSupport;
import io.kube2ecs.api.spi.KindMapper;
import io.kube2ecs.api.spi.MappingContext;
import io.kube2ecs.podtemplate.ClaimUsers;
import io.kube2ecs.podtemplate.Tags;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * A PersistentVolumeClaim that workloads mount becomes an EFS access point: a directory of the EFS
 * file system the user provides ({@code efsFileSystemId}), {@code /<parameterPrefix>/<namespace>/<claim>},
 * which EFS creates on first mount with the owner and mode the pods' security context implies, and
 * through which every task reads and writes as that owner (the access point's POSIX user). EFS
 * is the one Fargate storage that outlives a task and that several tasks can share, which is what a
 * claim mounted by a Deployment's pods is. The pod-template library mounts it (an EFS volume with the
 * access point, transit encryption on).
 *
 * <p>A claim no converted workload mounts makes nothing ({@code PVC004}, a warning: its volume may still
 * hold data): creating storage nobody uses would also ask the user for a file system without need.
 */
public final class PersistentVolumeClaimMapper implements KindMapper {

    static final String CODE_DATA = "PVC001";
    static final String CODE_SHARED = "PVC002";
    static final String CODE_OWNER = "PVC003";
    static final String CODE_UNUSED = "PVC004";
    static final String CODE_SIZE = "PVC005";
    static final String CODE_NOT_CARRIED = "PVC006";

    /** EFS refuses a longer access point path. */
    static final int MAX_PATH = 100;

    private static final ResourceKind KIND = new ResourceKind("", "PersistentVolumeClaim");

    @Override
    public ResourceKind kind() {
        return KIND;
    }

    @Override
    public List<FieldSupport> fieldSupport() {
        return List.of(
                FieldSupport.mapped("metadata.labels.*", "tags of the access point (AWS tag rules applied, POD017 otherwise)"),
                FieldSupport.ignored("metadata.annotations", "they configure the claim's provisioner, which an access point has none of"),
                FieldSupport.partial("spec.accessModes", "every mode becomes an access point all tasks can write; "
                        + "ReadWriteOnce or ReadWriteOncePod shared by several pods PVC002"),
                FieldSupport.partial("spec.resources.requests.storage", "EFS is elastic: no size is set (PVC005)"),
                FieldSupport.ignored("spec.resources.limits", "EFS is elastic: no size is set"),
                FieldSupport.ignored("spec.storageClassName", "the EFS file system of the profile's efsFileSystemId takes its place"),
                FieldSupport.ignored("spec.volumeName", "the access point's directory takes the place of the bound PersistentVolume"),
                FieldSupport.ignored("spec.selector", "no PersistentVolume is bound; the access point takes its place"),
                FieldSupport.partial("spec.volumeMode", "Filesystem; Block has no EFS counterpart (PVC006)"),
                FieldSupport.ignored("spec.dataSource", "the access point starts empty (PVC006)"),
                FieldSupport.ignored("spec.dataSourceRef", "the access point starts empty (PVC006)"),
                FieldSupport.ignored("spec.volumeAttributesClassName", "EFS throughput is a setting of the file system"));
    }

    @Override
    public void map(SourceObject claim, MappingContext context) {
        SourceNode metadata = claim.root().get("metadata");
        SourceNode spec = claim.root().get("spec");
        metadata.get("annotations").ignore("they configure the claim's provisioner, which an access point has none of");
        List<ClaimUsers.User> users = ClaimUsers.of(context.objects(), claim.namespace(), claim.name());
        if (users.isEmpty()) {
            // a warning, not a note: a claim nobody mounts now may still hold data (a workload scaled away, a
            // claim kept for its data), and the report must not call it converted without a word
            context.diagnostics().warning(claim.root(), CODE_UNUSED, "no workload of the input mounts PersistentVolumeClaim '"
                    + claim.name() + "', so no EFS access point is made for it, and the data of its volume, if any, is not "
                    + "carried over", "convert it together with the workloads that mount it, or copy its data to EFS or S3 if it is "
                    + "still needed");
            String reason = "no access point is made for an unused claim";
            metadata.get("labels").ignore(reason);
            // field by field, so a field this mapper does not know is still reported
            for (String field : new String[] {"accessModes", "storageClassName", "volumeName", "selector", "volumeMode", "dataSource",
                    "dataSourceRef", "volumeAttributesClassName"}) {
                spec.get(field).ignore(reason);
            }
            spec.get("resources").get("requests").get("storage").ignore(reason);
            spec.get("resources").get("limits").ignore(reason);
            return;
        }
        String prefix = context.settings().parameterPrefix();
        String path = path(prefix, claim.namespace(), claim.name());
        // the directory is for the pods that write to it; a reader's user says nothing about who must own it
        List<ClaimUsers.User> writers = users.stream().filter(ClaimUsers.User::writes).toList();
        Owner owner = owner(writers.isEmpty() ? users.get(0) : writers.get(0));
        // Fargate has no supplementary groups (a container's user is "uid" or "uid:gid"), so the fsGroup Kubernetes
        // adds to every process of the pod cannot carry over: pods running as different users would each find the
        // directory writable by its owner only. The access point's POSIX user makes every NFS operation run as the
        // owner instead, so each task can write, whatever user its containers run as.
        EfsAccessPoint accessPoint = new EfsAccessPoint(ModelIds.efsAccessPoint(claim.namespace(), claim.name()),
                context.settings().awsName(claim.namespace(), claim.name(), 255),
                context.model().input(StandardInputs.EFS_FILE_SYSTEM_ID), path, owner.uid, owner.gid, owner.permissions,
                new EfsAccessPoint.PosixUser(owner.uid, owner.gid));
        accessPoint.addOrigin(claim.ref());
        accessPoint.tags().putAll(Tags.of(metadata, context.settings(), context.diagnostics()));
        context.model().add(accessPoint);

        String mountedBy = users.stream().map(u -> u.workload().kind().kind() + " '" + u.workload().name() + "'").distinct()
                .collect(Collectors.joining(", "));
        // at the name: a warning marks its node converted, and the object's other fields must still be accounted for
        context.diagnostics().warning(metadata.get("name"), CODE_DATA, "PersistentVolumeClaim '" + claim.name() + "' becomes EFS access point "
                + path + " (mounted by " + mountedBy + ")" + (prefix.startsWith(".") ? ", under _" + prefix + " as EFS refuses a "
                + "path element that starts with '.' (parameterPrefix '" + prefix + "')" : "")
                + "; it starts empty: the claim's data does not move",
                "copy the data from the cluster's volume into that directory of the file system before the tasks start (AWS DataSync, "
                        + "or a one-off task mounting both); the file system's mount targets need a security group that allows "
                        + "NFS (TCP 2049) from the tasks' security groups; the tasks mount it without IAM (iam DISABLED), so a file "
                        + "system policy that requires IAM authorization or denies anonymous clients makes the mount fail");
        String identity = owner.uid + ":" + owner.gid;
        List<String> otherWriters = writers.stream().skip(1).filter(w -> !owner(w).sameAs(owner))
                .map(w -> w.workload().kind().kind() + " '" + w.workload().name() + "'").distinct().toList();
        context.diagnostics().info(metadata.get("name"), CODE_OWNER, "EFS creates " + path + " owned by " + identity
                + " with mode " + owner.permissions + " (" + owner.reason + "), and every task that mounts it reads and writes "
                + "through the access point as " + identity + ", whatever user its containers run as: files are created as "
                + identity + " and permissions are checked as " + identity + (otherWriters.isEmpty() ? ""
                : "; " + String.join(", ", otherWriters) + " also write" + (otherWriters.size() == 1 ? "s" : "")
                + " to it, as another user or group in Kubernetes and as " + identity + " here"),
                "where Kubernetes created each pod's files as the user the pod runs as, here they all belong to " + identity
                        + ": a program that checks that it owns its files (PostgreSQL's data directory, SSH keys) must run as "
                        + identity + " (runAsUser, runAsGroup)" + (owner.uid == 0 || owner.gid == 0 ? "; a user or group 0 through an "
                        + "access point needs elasticfilesystem:ClientRootAccess, which a file system policy that prevents root "
                        + "access takes away: set " + (owner.uid != 0 ? "runAsGroup or fsGroup" : owner.gid != 0 ? "runAsUser"
                        : "runAsUser and fsGroup") + " to avoid root" : ""));

        accessModes(spec.get("accessModes"), users, claim, context);
        SourceNode storage = spec.get("resources").get("requests").get("storage");
        storage.asText().ifPresent(size -> context.diagnostics().info(storage, CODE_SIZE, "EFS is elastic: the access point has no "
                + "size, so the " + size + " request is neither reserved nor a limit", "watch the file system's size (and cost) in "
                + "CloudWatch; a per-directory limit needs a quota enforced by the application"));
        spec.get("resources").get("limits").ignore("EFS is elastic: no size is set");
        spec.get("storageClassName").ignore("the EFS file system of the profile's efsFileSystemId takes the place of the storage class");
        spec.get("volumeName").ignore("the access point's directory takes the place of the bound PersistentVolume");
        spec.get("selector").ignore("no PersistentVolume is bound; the access point takes its place");
        spec.get("volumeAttributesClassName").ignore("EFS throughput is a setting of the file system");
        SourceNode mode = spec.get("volumeMode");
        if (mode.asText().map("Block"::equals).orElse(false)) {
            context.diagnostics().warning(mode, CODE_NOT_CARRIED, "EFS is a file system; the raw block device of volumeMode Block has "
                    + "no counterpart, so the tasks see a directory", "if the application needs a block device, it cannot run on Fargate");
        }
        for (String source : new String[] {"dataSource", "dataSourceRef"}) {
            SourceNode node = spec.get(source);
            if (node.exists()) {
                node.markConverted();
                context.diagnostics().warning(node, CODE_NOT_CARRIED, "the access point starts empty; " + source + " "
                        + node.get("kind").asText().orElse("") + " '" + node.get("name").asText().orElse("")
                        + "' is not copied into it", "copy the data in before the tasks start, as PVC001 describes");
            }
        }
    }

    private static void accessModes(SourceNode modes, List<ClaimUsers.User> users, SourceObject claim, MappingContext context) {
        List<String> single = modes.items().stream().map(m -> m.asText().orElse(""))
                .filter(m -> m.equals("ReadWriteOnce") || m.equals("ReadWriteOncePod")).toList();
        modes.markConverted();
        // per workload: a pod that mounts the claim through two volumes is still one pod
        java.util.Map<io.kube2ecs.api.source.ObjectRef, ClaimUsers.User> byWorkload = new java.util.LinkedHashMap<>();
        users.forEach(u -> byWorkload.putIfAbsent(u.workload().ref(), u));
        int pods = byWorkload.values().stream().mapToInt(ClaimUsers.User::pods).sum();
        if (!single.isEmpty() && pods > 1) {
            context.diagnostics().warning(modes, CODE_SHARED, "PersistentVolumeClaim '" + claim.name() + "' is " + single.get(0)
                    + ", but " + pods + " pods mount it (" + byWorkload.values().stream().map(u -> u.workload().name() + " × " + u.pods())
                    .collect(Collectors.joining(", ")) + "); on EFS every task can write at once, where Kubernetes would have kept "
                    + "the others from starting or on one node", "make sure the application tolerates concurrent writers "
                    + "(or run one task: replicas 1)");
        }
    }

    /** The owner and mode of the access point's directory, and why. */
    private record Owner(long uid, long gid, String permissions, String reason) {
        boolean sameAs(Owner other) {
            return uid == other.uid && gid == other.gid && permissions.equals(other.permissions);
        }
    }

    /**
     * As the kubelet leaves a volume with {@code fsGroup}: group-owned by it, group-writable, and
     * setgid so new files keep the group, with the pod's user (root without one). Without it, the user
     * and group the containers run as. Without either, root, with the mode a fresh file system's root
     * usually has. The access point's POSIX user is the same identity, so whoever the containers run as,
     * the owner's bits are what apply.
     */
    static Owner owner(ClaimUsers.User user) {
        OptionalLong fsGroup = user.fsGroup();
        OptionalLong runAsUser = user.runAsUser();
        OptionalLong runAsGroup = user.runAsGroup();
        long uid = runAsUser.orElse(0);
        String from = user.workload().kind().kind() + " '" + user.workload().name() + "'";
        if (fsGroup.isPresent()) {
            return new Owner(uid, fsGroup.getAsLong(), "2775", runAsUser.isPresent() ? "the runAsUser and fsGroup of " + from
                    : "the fsGroup of " + from + ", which sets no runAsUser: root");
        }
        long gid = runAsGroup.orElse(0);
        if (runAsUser.isPresent()) {
            return new Owner(uid, gid, "0755", "the runAsUser" + (runAsGroup.isPresent() ? " and runAsGroup" : "") + " of " + from);
        }
        return new Owner(0, gid, "0755", from + " sets no runAsUser or fsGroup: root");
    }

    /**
     * {@code /<prefix>/<namespace>/<claim>}; a longer one than EFS accepts is cut and ends in a hash
     * of the whole, so two long names stay apart. EFS refuses a path element that starts with '.', which
     * the profile allows of a prefix: such a prefix is written {@code _<prefix>}, which keeps it apart
     * from the same prefix without the dot (a prefix starting with "_." is the only one it can meet).
     */
    static String path(String prefix, String namespace, String claim) {
        String path = "/" + (prefix.startsWith(".") ? "_" + prefix : prefix) + "/" + namespace + "/" + claim;
        if (path.length() <= MAX_PATH) {
            return path;
        }
        return path.substring(0, MAX_PATH - 9) + "-" + sha256(path).substring(0, 8);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
