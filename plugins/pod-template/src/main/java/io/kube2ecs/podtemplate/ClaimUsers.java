package io.kube2ecs.podtemplate;

import io.kube2ecs.api.source.ResourceKind;
import io.kube2ecs.api.source.SourceNode;
import io.kube2ecs.api.source.SourceObject;
import io.kube2ecs.api.spi.ObjectIndex;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The converted workloads that mount a PersistentVolumeClaim through a pod volume, so the claim's
 * mapper can size up who shares it and whose user should own its directory. Built once per input
 * ({@link ObjectIndex#shared}): every claim asks, and a scan of all workloads per claim would grow
 * with their product.
 */
public final class ClaimUsers {

    /** The kinds whose pods the pod-template library maps, and so whose claim volumes become EFS volumes. */
    public static final List<ResourceKind> KINDS = List.of(new ResourceKind("apps", "Deployment"),
            new ResourceKind("apps", "ReplicaSet"), new ResourceKind("apps", "StatefulSet"), new ResourceKind("", "Pod"),
            new ResourceKind("batch", "Job"), new ResourceKind("batch", "CronJob"));

    /**
     * One pod volume of a workload that names the claim.
     *
     * @param workload the workload (plain view: reading it records nothing)
     * @param volume   the pod volume's name
     * @param podSpec  the workload's pod spec
     * @param pods     how many pods run it at once: the replicas, a Job's parallelism, 1 for a Pod
     */
    public record User(SourceObject workload, String volume, SourceNode podSpec, int pods) {

        /**
         * @return the user id the pod's containers that mount the volume run as: that of the first
         *         such container, its own {@code runAsUser} or else the pod's (a container's security
         *         context overrides the pod's); the pod's when no container mounts the volume
         */
        public OptionalLong runAsUser() {
            return podOrContainer("runAsUser");
        }

        /** @return the group id they run as, found the same way as {@link #runAsUser()} */
        public OptionalLong runAsGroup() {
            return podOrContainer("runAsGroup");
        }

        /**
         * @return whether the pod may write to the claim: the volume is not {@code readOnly} and a
         *         container mounts it without {@code readOnly}
         */
        public boolean writes() {
            boolean readOnlyVolume = podSpec.get("volumes").items().stream()
                    .filter(v -> v.get("name").asText().map(volume::equals).orElse(false))
                    .anyMatch(v -> v.get("persistentVolumeClaim").get("readOnly").asBoolean().orElse(false));
            if (readOnlyVolume) {
                return false;
            }
            for (String list : new String[] {"initContainers", "containers"}) {
                for (SourceNode container : podSpec.get(list).items()) {
                    for (SourceNode mount : container.get("volumeMounts").items()) {
                        if (mount.get("name").asText().map(volume::equals).orElse(false)
                                && !mount.get("readOnly").asBoolean().orElse(false)) {
                            return true;
                        }
                    }
                }
            }
            return false;
        }

        /** @return the pod's {@code fsGroup}, the group Kubernetes gives the volume */
        public OptionalLong fsGroup() {
            return podSpec.get("securityContext").get("fsGroup").asLong();
        }

        private OptionalLong podOrContainer(String field) {
            OptionalLong pod = podSpec.get("securityContext").get(field).asLong();
            // as the kubelet does: a container's own securityContext overrides the pod's
            for (String list : new String[] {"initContainers", "containers"}) {
                for (SourceNode container : podSpec.get(list).items()) {
                    boolean mounts = container.get("volumeMounts").items().stream()
                            .anyMatch(m -> m.get("name").asText().map(volume::equals).orElse(false));
                    OptionalLong value = container.get("securityContext").get(field).asLong();
                    if (mounts && value.isPresent()) {
                        return value;
                    }
                    if (mounts && pod.isPresent()) {
                        return pod;
                    }
                }
            }
            return pod;
        }
    }

    private final Map<String, List<User>> byClaim = new HashMap<>();

    private ClaimUsers(ObjectIndex index) {
        for (ResourceKind kind : KINDS) {
            for (SourceObject workload : index.all(kind)) {
                if (!ServiceRouting.standalone(workload)) {
                    continue; // converted through its owner, whose template mounts the same claim
                }
                SourceNode template = template(workload);
                int pods = pods(workload);
                for (SourceNode volume : template.get("spec").get("volumes").items()) {
                    volume.get("persistentVolumeClaim").get("claimName").asText().ifPresent(claim ->
                            byClaim.computeIfAbsent(key(workload.namespace(), claim), k -> new ArrayList<>()).add(new User(workload,
                                    volume.get("name").asText().orElse(""), template.get("spec"), pods)));
                }
            }
        }
    }

    /**
     * @param index     the input
     * @param namespace the claim's namespace
     * @param claim     the claim's name
     * @return the volumes that name it, by workload kind, then namespace and name
     */
    public static List<User> of(ObjectIndex index, String namespace, String claim) {
        return index.shared(ClaimUsers.class, ClaimUsers::new).byClaim.getOrDefault(key(namespace, claim), List.of());
    }

    private static String key(String namespace, String claim) {
        return namespace + "/" + claim;
    }

    private static SourceNode template(SourceObject workload) {
        return switch (workload.kind().kind()) {
            case "Pod" -> workload.root();
            case "CronJob" -> workload.root().get("spec").get("jobTemplate").get("spec").get("template");
            default -> workload.root().get("spec").get("template");
        };
    }

    private static int pods(SourceObject workload) {
        SourceNode spec = workload.root().get("spec");
        return (int) switch (workload.kind().kind()) {
            case "Pod" -> 1;
            case "Job" -> spec.get("parallelism").asLong().orElse(1);
            case "CronJob" -> spec.get("jobTemplate").get("spec").get("parallelism").asLong().orElse(1);
            default -> spec.get("replicas").asLong().orElse(1);
        };
    }
}
