package io.kube2ecs.core.transform;

import io.kube2ecs.api.source.ResourceKind;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What to do on ECS with kinds that have no mapper, so the diagnostic for them names the ECS
 * approach rather than only saying "not converted".
 */
public final class KindHints {

    /** The cluster-scoped kinds among them: a cluster's own ClusterRoles and PersistentVolumes are not the application's. */
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "PersistentVolume",
            "apiextensions.k8s.io/CustomResourceDefinition", "rbac.authorization.k8s.io/ClusterRole",
            "rbac.authorization.k8s.io/ClusterRoleBinding");

    private static final Map<String, String> APPROACH = Map.ofEntries(
            Map.entry("apps/StatefulSet", "an ECS service per replica (stable identity through Cloud Map), with EFS access "
                    + "points in place of volumeClaimTemplates; databases usually move to RDS or ElastiCache instead"),
            Map.entry("apps/DaemonSet", "Fargate has no nodes; run per-task agents as sidecar containers, or use ECS "
                    + "daemon scheduling on EC2 capacity"),
            Map.entry("batch/Job", "a one-off task (aws ecs run-task) of a task definition converted from its pod template"),
            Map.entry("batch/CronJob", "an EventBridge Scheduler schedule that runs an ECS task"),
            Map.entry("autoscaling/HorizontalPodAutoscaler", "Application Auto Scaling target tracking on the ECS service "
                    + "(ECSServiceAverageCPUUtilization / MemoryUtilization)"),
            Map.entry("policy/PodDisruptionBudget", "the service's minimumHealthyPercent bounds how many tasks a deployment stops"),
            Map.entry("networking.k8s.io/NetworkPolicy", "security groups on the tasks: allow ingress only from the "
                    + "security groups of the permitted callers"),
            Map.entry("PersistentVolumeClaim", "an EFS file system (or access point) mounted as a task volume"),
            Map.entry("PersistentVolume", "an EFS file system (profile efsFileSystemId); the claims bound to it become "
                    + "access points in it (kind-persistentvolumeclaim), and its data is copied there by hand"),
            Map.entry("Namespace", "namespaces become part of resource names and Cloud Map namespaces "
                    + "(<namespace>.svc.cluster.local); there is nothing to create for them"),
            Map.entry("apiextensions.k8s.io/CustomResourceDefinition", "no ECS counterpart; convert the custom resources "
                    + "with a plugin that knows them"),
            Map.entry("rbac.authorization.k8s.io/Role", "IAM policies on task roles; Kubernetes API permissions have no use on ECS"),
            Map.entry("rbac.authorization.k8s.io/RoleBinding", "IAM policies on task roles"),
            Map.entry("rbac.authorization.k8s.io/ClusterRole", "IAM policies on task roles"),
            Map.entry("rbac.authorization.k8s.io/ClusterRoleBinding", "IAM policies on task roles"));

    /**
     * The namespaced kinds with an approach, which a source choosing what to read (a cluster) reads as
     * well, so their objects are reported as not converted, as they are when their manifests are given.
     */
    private static final List<ResourceKind> READ_TO_REPORT = APPROACH.keySet().stream()
            .filter(kind -> !CLUSTER_SCOPED.contains(kind)).map(ResourceKind::parse).sorted().toList();

    private KindHints() {
    }

    /** @return how ECS does what the kind did, or null when there is no general answer */
    static String approach(ResourceKind kind) {
        return APPROACH.get(kind.toString());
    }

    /** @return the namespaced kinds with an approach, which a cluster read includes to report them; sorted */
    public static List<ResourceKind> readToReport() {
        return READ_TO_REPORT;
    }
}
