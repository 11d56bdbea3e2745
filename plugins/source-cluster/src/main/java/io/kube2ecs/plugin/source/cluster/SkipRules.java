package io.kube2ecs.plugin.source.cluster;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The objects a cluster holds that nobody wrote a manifest for: Kubernetes makes them itself, or a
 * controller makes them from an object that is read anyway. Each rule answers why it skips.
 */
final class SkipRules {

    /** Namespaces read only when named with {@code -n}. */
    static final Set<String> SYSTEM_NAMESPACES = Set.of("kube-system", "kube-public", "kube-node-lease");

    private SkipRules() {
    }

    /**
     * @param object the object as read, before cleaning
     * @return why the object is left out, or empty to read it
     */
    static Optional<String> skip(Map<String, Object> object) {
        String kind = String.valueOf(object.get("kind"));
        Map<String, Object> metadata = ObjectCleaner.map(object.get("metadata"));
        String name = metadata == null ? "" : String.valueOf(metadata.get("name"));
        String namespace = metadata == null ? "" : String.valueOf(metadata.get("namespace"));
        switch (kind) {
            case "Secret":
                if ("kubernetes.io/service-account-token".equals(object.get("type"))) {
                    return Optional.of("service-account token Secrets");
                }
                break;
            case "ConfigMap":
                if (name.equals("kube-root-ca.crt")) {
                    return Optional.of("kube-root-ca.crt ConfigMaps");
                }
                break;
            case "Service":
                if (name.equals("kubernetes") && namespace.equals("default")) {
                    return Optional.of("the kubernetes Service");
                }
                break;
            case "ServiceAccount":
                if (name.equals("default") && isUntouchedDefaultAccount(object, metadata)) {
                    return Optional.of("default ServiceAccounts without annotations");
                }
                break;
            case "ReplicaSet":
                if (controller(metadata).filter("Deployment"::equals).isPresent()) {
                    return Optional.of("ReplicaSets of Deployments");
                }
                break;
            case "Pod":
                if (controller(metadata).isPresent()) {
                    return Optional.of("Pods of controllers");
                }
                break;
            case "Job":
                if (controller(metadata).filter("CronJob"::equals).isPresent()) {
                    return Optional.of("Jobs of CronJobs");
                }
                break;
            case "PersistentVolumeClaim":
                // generic ephemeral volumes: the claim belongs to its Pod, which a controller made
                if (controller(metadata).isPresent()) {
                    return Optional.of("PersistentVolumeClaims of controllers");
                }
                break;
            default:
                break;
        }
        return Optional.empty();
    }

    private static boolean isUntouchedDefaultAccount(Map<String, Object> account, Map<String, Object> metadata) {
        Map<String, Object> annotations = ObjectCleaner.map(metadata.get("annotations"));
        boolean annotated = annotations != null && annotations.keySet().stream()
                .anyMatch(k -> !k.equals("kubectl.kubernetes.io/last-applied-configuration"));
        Map<String, Object> labels = ObjectCleaner.map(metadata.get("labels"));
        return !annotated && (labels == null || labels.isEmpty()) && account.get("imagePullSecrets") == null
                && account.get("automountServiceAccountToken") == null;
    }

    /** @return the kind of the object's controller (the owner reference with {@code controller: true}) */
    static Optional<String> controller(Map<String, Object> metadata) {
        List<Object> owners = metadata == null ? null : ObjectCleaner.list(metadata.get("ownerReferences"));
        if (owners == null) {
            return Optional.empty();
        }
        for (Object o : owners) {
            Map<String, Object> owner = ObjectCleaner.map(o);
            if (owner != null && Boolean.TRUE.equals(owner.get("controller"))) {
                return Optional.of(String.valueOf(owner.get("kind")));
            }
        }
        return Optional.empty();
    }
}
