package io.kube2ecs.plugin.source.cluster;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Cleans an object read from the API server into what a manifest for it would hold, as
 * {@code kubectl get -o yaml} output needs cleaning before re-use: drops {@code status}, the
 * metadata the server keeps ({@code uid}, {@code resourceVersion}, {@code managedFields}…),
 * controllers' bookkeeping, and the fields the API server fills in with their documented defaults
 * when a manifest leaves them out. A default value is dropped only where leaving the field out
 * means the same to Kubernetes, so the conversion of the cleaned object equals that of a manifest
 * without the field; without this, every defaulted field would show up in the field-coverage report.
 *
 * <p>Works in place on the map tree Jackson makes of an object (maps, lists, scalars).
 */
final class ObjectCleaner {

    private static final List<String> SERVER_METADATA = List.of("uid", "resourceVersion", "generation",
            "creationTimestamp", "managedFields", "selfLink", "ownerReferences", "finalizers", "deletionTimestamp",
            "deletionGracePeriodSeconds");
    private static final List<String> SERVER_ANNOTATIONS = List.of("kubectl.kubernetes.io/last-applied-configuration",
            "deployment.kubernetes.io/revision", "deployment.kubernetes.io/desired-replicas",
            "deployment.kubernetes.io/max-replicas", "kubernetes.io/config.seen", "kubernetes.io/config.source");
    private static final Set<String> WORKLOADS = Set.of("Deployment", "ReplicaSet", "StatefulSet", "DaemonSet",
            "Job", "ReplicationController");

    private ObjectCleaner() {
    }

    /**
     * @param object the object as read (apiVersion and kind set), changed in place
     */
    static void clean(Map<String, Object> object) {
        String kind = String.valueOf(object.get("kind"));
        object.remove("status");
        Map<String, Object> metadata = map(object.get("metadata"));
        if (metadata != null) {
            cleanMetadata(metadata);
        }
        Map<String, Object> spec = map(object.get("spec"));
        if (WORKLOADS.contains(kind) && spec != null) {
            cleanWorkloadSpec(kind, spec);
        } else if (kind.equals("Pod") && spec != null) {
            cleanPodSpec(spec, true);
        } else if (kind.equals("Service") && spec != null) {
            cleanServiceSpec(spec);
        } else if (kind.equals("Secret")) {
            removeIf(object, "type", "Opaque");
        } else if (kind.equals("ServiceAccount") && metadata != null) {
            cleanServiceAccount(object, String.valueOf(metadata.get("name")));
        }
    }

    private static void cleanMetadata(Map<String, Object> metadata) {
        SERVER_METADATA.forEach(metadata::remove);
        if (metadata.containsKey("name")) {
            metadata.remove("generateName");
        }
        Map<String, Object> annotations = map(metadata.get("annotations"));
        if (annotations != null) {
            SERVER_ANNOTATIONS.forEach(annotations::remove);
        }
        removeIfEmpty(metadata, "annotations");
        removeIfEmpty(metadata, "labels");
    }

    private static void cleanWorkloadSpec(String kind, Map<String, Object> spec) {
        if (kind.equals("Deployment")) {
            removeIf(spec, "progressDeadlineSeconds", 600);
            removeIf(spec, "revisionHistoryLimit", 10);
            Map<String, Object> strategy = map(spec.get("strategy"));
            if (strategy != null && "RollingUpdate".equals(strategy.get("type"))) {
                Map<String, Object> rolling = map(strategy.get("rollingUpdate"));
                if (rolling != null) {
                    removeIf(rolling, "maxSurge", "25%");
                    removeIf(rolling, "maxUnavailable", "25%");
                    removeIfEmpty(strategy, "rollingUpdate");
                }
                if (!strategy.containsKey("rollingUpdate")) {
                    strategy.remove("type");
                }
                removeIfEmpty(spec, "strategy");
            }
        }
        if (kind.equals("Deployment") || kind.equals("ReplicaSet")) {
            removeIf(spec, "replicas", 1);
        }
        Map<String, Object> template = map(spec.get("template"));
        if (template != null) {
            Map<String, Object> metadata = map(template.get("metadata"));
            if (metadata != null) {
                metadata.remove("creationTimestamp");
                removeIfEmpty(metadata, "annotations");
                removeIfEmpty(template, "metadata");
            }
            Map<String, Object> podSpec = map(template.get("spec"));
            if (podSpec != null) {
                cleanPodSpec(podSpec, false);
            }
        }
    }

    /**
     * @param spec a pod spec
     * @param pod  true for a Pod's own spec, which admission also fills in (node, service account,
     *             tolerations, the API access volume)
     */
    static void cleanPodSpec(Map<String, Object> spec, boolean pod) {
        removeIf(spec, "dnsPolicy", "ClusterFirst");
        removeIf(spec, "restartPolicy", "Always");
        removeIf(spec, "schedulerName", "default-scheduler");
        removeIf(spec, "terminationGracePeriodSeconds", 30);
        removeIfEmpty(spec, "securityContext");
        if (Objects.equals(spec.get("serviceAccount"), spec.get("serviceAccountName"))) {
            spec.remove("serviceAccount");
        }
        if (pod) {
            spec.remove("nodeName");
            removeIf(spec, "enableServiceLinks", true);
            removeIf(spec, "preemptionPolicy", "PreemptLowerPriority");
            if (!spec.containsKey("priorityClassName")) {
                removeIf(spec, "priority", 0);
            }
            removeIf(spec, "serviceAccountName", "default");
            removeIf(spec, "serviceAccount", "default");
            List<Object> tolerations = list(spec.get("tolerations"));
            if (tolerations != null) {
                tolerations.removeIf(ObjectCleaner::isDefaultToleration);
                removeIfEmpty(spec, "tolerations");
            }
        }
        String apiAccessVolume = null;
        List<Object> volumes = list(spec.get("volumes"));
        if (volumes != null) {
            for (Iterator<Object> it = volumes.iterator(); it.hasNext(); ) {
                Map<String, Object> volume = map(it.next());
                if (volume == null) {
                    continue;
                }
                if (pod && isApiAccessVolume(volume)) {
                    apiAccessVolume = String.valueOf(volume.get("name"));
                    it.remove();
                    continue;
                }
                cleanVolume(volume);
            }
            removeIfEmpty(spec, "volumes");
        }
        for (String containers : List.of("initContainers", "containers", "ephemeralContainers")) {
            List<Object> list = list(spec.get(containers));
            if (list != null) {
                for (Object container : list) {
                    Map<String, Object> c = map(container);
                    if (c != null) {
                        cleanContainer(c, apiAccessVolume);
                    }
                }
            }
        }
    }

    private static boolean isDefaultToleration(Object item) {
        Map<String, Object> toleration = map(item);
        return toleration != null
                && ("node.kubernetes.io/not-ready".equals(toleration.get("key"))
                        || "node.kubernetes.io/unreachable".equals(toleration.get("key")))
                && "Exists".equals(toleration.get("operator")) && "NoExecute".equals(toleration.get("effect"))
                && Objects.equals(number(toleration.get("tolerationSeconds")), 300L);
    }

    private static boolean isApiAccessVolume(Map<String, Object> volume) {
        String name = String.valueOf(volume.get("name"));
        Map<String, Object> projected = map(volume.get("projected"));
        if (projected == null || !name.startsWith("kube-api-access-")) {
            return false;
        }
        List<Object> sources = list(projected.get("sources"));
        return sources != null && sources.stream().map(ObjectCleaner::map)
                .anyMatch(s -> s != null && s.containsKey("serviceAccountToken"));
    }

    private static void cleanVolume(Map<String, Object> volume) {
        for (String type : List.of("configMap", "secret", "projected", "downwardAPI")) {
            Map<String, Object> source = map(volume.get(type));
            if (source != null) {
                removeIf(source, "defaultMode", 420);
                cleanFieldRefs(source.get("items"));
                List<Object> sources = list(source.get("sources"));
                if (sources != null) {
                    for (Object s : sources) {
                        Map<String, Object> projection = map(s);
                        Map<String, Object> downward = projection == null ? null : map(projection.get("downwardAPI"));
                        if (downward != null) {
                            cleanFieldRefs(downward.get("items"));
                        }
                    }
                }
            }
        }
        Map<String, Object> hostPath = map(volume.get("hostPath"));
        if (hostPath != null) {
            removeIf(hostPath, "type", "");
        }
    }

    private static void cleanFieldRefs(Object items) {
        List<Object> list = list(items);
        if (list == null) {
            return;
        }
        for (Object item : list) {
            Map<String, Object> entry = map(item);
            if (entry != null) {
                Map<String, Object> fieldRef = map(entry.get("fieldRef"));
                if (fieldRef != null) {
                    removeIf(fieldRef, "apiVersion", "v1");
                }
                Map<String, Object> resourceRef = map(entry.get("resourceFieldRef"));
                if (resourceRef != null) {
                    removeIf(resourceRef, "divisor", "0");
                }
            }
        }
    }

    private static void cleanContainer(Map<String, Object> container, String apiAccessVolume) {
        removeIf(container, "terminationMessagePath", "/dev/termination-log");
        removeIf(container, "terminationMessagePolicy", "File");
        Object image = container.get("image");
        if (image instanceof String text) {
            removeIf(container, "imagePullPolicy", defaultPullPolicy(text));
        }
        removeIfEmpty(container, "resources");
        List<Object> ports = list(container.get("ports"));
        if (ports != null) {
            ports.forEach(p -> {
                Map<String, Object> port = map(p);
                if (port != null) {
                    removeIf(port, "protocol", "TCP");
                }
            });
        }
        for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
            Map<String, Object> p = map(container.get(probe));
            if (p != null) {
                removeIf(p, "timeoutSeconds", 1);
                removeIf(p, "periodSeconds", 10);
                removeIf(p, "successThreshold", 1);
                removeIf(p, "failureThreshold", 3);
                Map<String, Object> http = map(p.get("httpGet"));
                if (http != null) {
                    removeIf(http, "scheme", "HTTP");
                }
            }
        }
        List<Object> env = list(container.get("env"));
        if (env != null) {
            for (Object e : env) {
                Map<String, Object> variable = map(e);
                Map<String, Object> valueFrom = variable == null ? null : map(variable.get("valueFrom"));
                if (valueFrom != null) {
                    cleanFieldRefs(List.of(valueFrom));
                }
            }
        }
        if (apiAccessVolume != null) {
            List<Object> mounts = list(container.get("volumeMounts"));
            if (mounts != null) {
                mounts.removeIf(m -> {
                    Map<String, Object> mount = map(m);
                    return mount != null && apiAccessVolume.equals(mount.get("name"));
                });
                removeIfEmpty(container, "volumeMounts");
            }
        }
    }

    /** The kubelet's default: {@code Always} for {@code :latest} or no tag, else {@code IfNotPresent}. */
    static String defaultPullPolicy(String image) {
        if (image.contains("@")) {
            return "IfNotPresent";
        }
        int slash = image.lastIndexOf('/');
        int colon = image.lastIndexOf(':');
        if (colon <= slash) {
            return "Always";
        }
        return image.substring(colon + 1).equals("latest") ? "Always" : "IfNotPresent";
    }

    private static void cleanServiceSpec(Map<String, Object> spec) {
        Object clusterIp = spec.get("clusterIP");
        if (clusterIp != null && !"None".equals(clusterIp)) {
            spec.remove("clusterIP");
        }
        List<Object> clusterIps = list(spec.get("clusterIPs"));
        if (clusterIps != null && !clusterIps.contains("None")) {
            spec.remove("clusterIPs");
        } else if (clusterIps != null && "None".equals(spec.get("clusterIP"))) {
            spec.remove("clusterIPs");
        }
        if ("SingleStack".equals(spec.get("ipFamilyPolicy"))) {
            spec.remove("ipFamilyPolicy");
            spec.remove("ipFamilies");
        }
        removeIf(spec, "type", "ClusterIP");
        removeIf(spec, "sessionAffinity", "None");
        removeIf(spec, "internalTrafficPolicy", "Cluster");
        removeIf(spec, "externalTrafficPolicy", "Cluster");
        removeIf(spec, "allocateLoadBalancerNodePorts", true);
        spec.remove("healthCheckNodePort");
        List<Object> ports = list(spec.get("ports"));
        if (ports != null) {
            for (Object p : ports) {
                Map<String, Object> port = map(p);
                if (port != null) {
                    removeIf(port, "protocol", "TCP");
                    port.remove("nodePort");
                    if (number(port.get("targetPort")) != null && Objects.equals(number(port.get("targetPort")), number(port.get("port")))) {
                        port.remove("targetPort");
                    }
                }
            }
        }
    }

    private static void cleanServiceAccount(Map<String, Object> account, String name) {
        List<Object> secrets = list(account.get("secrets"));
        if (secrets != null) {
            secrets.removeIf(s -> {
                Map<String, Object> ref = map(s);
                return ref != null && String.valueOf(ref.get("name")).startsWith(name + "-token-");
            });
            removeIfEmpty(account, "secrets");
        }
    }

    private static void removeIf(Map<String, Object> map, String key, Object defaultValue) {
        Object value = map.get(key);
        if (value == null) {
            return;
        }
        boolean same = defaultValue instanceof Number n ? Objects.equals(number(value), n.longValue())
                : defaultValue.equals(value);
        if (same) {
            map.remove(key);
        }
    }

    private static void removeIfEmpty(Map<String, Object> map, String key) {
        Object value = map.get(key);
        if (value instanceof Map<?, ?> m && m.isEmpty() || value instanceof List<?> l && l.isEmpty()) {
            map.remove(key);
        }
    }

    private static Long number(Object value) {
        return value instanceof Integer || value instanceof Long || value instanceof Short ? ((Number) value).longValue() : null;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> ? (Map<String, Object>) value : null;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return value instanceof List<?> ? (List<Object>) value : null;
    }
}
