package io.kube2ecs.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.kube2ecs.api.diag.Diagnostics;
import io.kube2ecs.core.load.LoadLimits;
import io.kube2ecs.core.load.LoadedObject;
import io.kube2ecs.core.load.ManifestLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Puts the manifests of a corpus case into a {@link MockCluster} the way {@code kubectl apply} into a
 * real cluster would leave them: the API server's defaults for every field a manifest may leave out
 * (as documented in the Kubernetes API reference), server metadata ({@code uid}, {@code resourceVersion},
 * {@code creationTimestamp}, {@code generation}, {@code managedFields}), kubectl's
 * {@code last-applied-configuration} annotation, a {@code status}; admission's additions to Pods
 * (node, service account, tolerations, the API access volume); the ReplicaSet and Pods the Deployment
 * controller makes; and what every namespace gets (the {@code default} ServiceAccount, the
 * {@code kube-root-ca.crt} ConfigMap, the {@code kubernetes} Service in {@code default}, a legacy
 * service-account token Secret). The mock's CRUD store itself only stores what it is sent.
 *
 * <p>Namespaces come from the core's own file loader, so an object of a kustomize base gets the
 * namespace its kustomization.yaml assigns, exactly as in the conversion from files.
 */
final class ApiServerSimulation {

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CREATED = "2026-01-01T00:00:00Z";

    private final MockCluster cluster;
    private final Set<String> namespaces = new TreeSet<>();
    private int ip = 10;

    ApiServerSimulation(MockCluster cluster) {
        this.cluster = cluster;
    }

    /**
     * Applies every manifest of a case (its .yaml/.yml/.json files, recursively; kustomization files
     * are not objects), plus a workload in kube-system that must never be read unless named.
     *
     * @return the number of objects applied from the case
     */
    int applyCase(Path caseFolder) throws IOException {
        Map<String, String> assigned = namespacesFromTheFileLoader(caseFolder);
        List<Map<String, Object>> objects = new ArrayList<>();
        for (Path file : manifestFiles(caseFolder)) {
            for (Map<String, Object> object : documents(file)) {
                if (object.get("kind") == null || String.valueOf(object.get("apiVersion")).startsWith("kustomize.config")) {
                    continue;
                }
                Map<String, Object> metadata = map(object.get("metadata"));
                String key = file + "|" + object.get("kind") + "|" + metadata.get("name");
                if (!object.get("kind").equals("Namespace")) {
                    metadata.put("namespace", assigned.getOrDefault(key, "default"));
                }
                objects.add(object);
            }
        }
        namespaces.add("default");
        namespaces.add("kube-system");
        namespaces.add("kube-public");
        namespaces.add("kube-node-lease");
        for (Map<String, Object> object : objects) {
            if (object.get("kind").equals("Namespace")) {
                namespaces.add(String.valueOf(map(object.get("metadata")).get("name")));
            } else {
                namespaces.add(namespace(object));
            }
        }
        for (String namespace : namespaces) {
            createNamespace(namespace);
        }
        cluster.createRaw(admitted(map(YAML.readValue("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: coredns, namespace: kube-system, labels: {k8s-app: kube-dns}}
                spec:
                  selector: {matchLabels: {k8s-app: kube-dns}}
                  template:
                    metadata: {labels: {k8s-app: kube-dns}}
                    spec:
                      containers: [{name: coredns, image: coredns/coredns:1.11.1}]
                """, Map.class))));
        int applied = 0;
        for (Map<String, Object> object : objects) {
            if (object.get("kind").equals("Namespace")) {
                continue;
            }
            if (!cluster.serves(String.valueOf(object.get("kind")))) {
                continue;
            }
            apply(object);
            applied++;
        }
        return applied;
    }

    /** Applies one manifest with everything the server and its controllers add. */
    void apply(Map<String, Object> manifest) {
        Map<String, Object> object = admitted(manifest);
        cluster.createRaw(object);
        String kind = String.valueOf(object.get("kind"));
        if (kind.equals("Deployment")) {
            createReplicaSetAndPods(object);
        }
    }

    private Map<String, Object> admitted(Map<String, Object> manifest) {
        Map<String, Object> object = deepCopy(manifest);
        String kind = String.valueOf(object.get("kind"));
        Map<String, Object> metadata = map(object.get("metadata"));
        Map<String, Object> annotations = map(metadata.computeIfAbsent("annotations", k -> new LinkedHashMap<>()));
        annotations.put("kubectl.kubernetes.io/last-applied-configuration", write(manifest) + "\n");
        serverMetadata(object, kind);
        Map<String, Object> spec = map(object.get("spec"));
        switch (kind) {
            case "Deployment" -> {
                annotations.put("deployment.kubernetes.io/revision", "1");
                spec.putIfAbsent("replicas", 1);
                spec.putIfAbsent("progressDeadlineSeconds", 600);
                spec.putIfAbsent("revisionHistoryLimit", 10);
                Map<String, Object> strategy = map(spec.computeIfAbsent("strategy", k -> new LinkedHashMap<>()));
                strategy.putIfAbsent("type", "RollingUpdate");
                if (strategy.get("type").equals("RollingUpdate")) {
                    Map<String, Object> rolling = map(strategy.computeIfAbsent("rollingUpdate", k -> new LinkedHashMap<>()));
                    rolling.putIfAbsent("maxSurge", "25%");
                    rolling.putIfAbsent("maxUnavailable", "25%");
                }
                templateDefaults(spec);
                object.put("status", Map.of("replicas", spec.get("replicas"), "readyReplicas", spec.get("replicas"),
                        "observedGeneration", 1, "conditions", List.of(Map.of("type", "Available", "status", "True",
                                "lastTransitionTime", CREATED, "reason", "MinimumReplicasAvailable"))));
            }
            case "ReplicaSet" -> {
                spec.putIfAbsent("replicas", 1);
                templateDefaults(spec);
                object.put("status", Map.of("replicas", spec.get("replicas"), "observedGeneration", 1));
            }
            case "Pod" -> {
                podSpecDefaults(spec);
                podAdmission(spec);
                object.put("status", Map.of("phase", "Running", "podIP", "192.168.1." + (ip++), "qosClass", "BestEffort"));
            }
            case "Service" -> serviceDefaults(object, spec);
            case "Secret" -> object.putIfAbsent("type", "Opaque");
            case "Ingress" -> object.put("status", Map.of("loadBalancer", Map.of("ingress",
                    List.of(Map.of("hostname", "k8s-alb-123.eu-west-1.elb.amazonaws.com")))));
            case "StatefulSet", "Job" -> templateDefaults(spec);
            default -> {
            }
        }
        return object;
    }

    private void serverMetadata(Map<String, Object> object, String kind) {
        Map<String, Object> metadata = map(object.get("metadata"));
        metadata.put("uid", UUID.nameUUIDFromBytes((kind + "/" + metadata.get("namespace") + "/" + metadata.get("name"))
                .getBytes(StandardCharsets.UTF_8)).toString());
        metadata.put("creationTimestamp", CREATED);
        if (object.containsKey("spec")) {
            metadata.put("generation", 1);
        }
        metadata.put("managedFields", List.of(Map.of("manager", "kubectl-client-side-apply", "operation", "Update",
                "apiVersion", String.valueOf(object.get("apiVersion")), "time", CREATED, "fieldsType", "FieldsV1",
                "fieldsV1", Map.of("f:metadata", Map.of("f:annotations", Map.of())))));
    }

    private static void templateDefaults(Map<String, Object> spec) {
        Map<String, Object> template = map(spec.get("template"));
        if (template == null) {
            return;
        }
        map(template.computeIfAbsent("metadata", k -> new LinkedHashMap<>())).put("creationTimestamp", null);
        Map<String, Object> podSpec = map(template.get("spec"));
        if (podSpec != null) {
            podSpecDefaults(podSpec);
        }
    }

    /** SetDefaults_PodSpec, _Container, _Probe, _HTTPGetAction, _ContainerPort, volume sources, field refs. */
    private static void podSpecDefaults(Map<String, Object> spec) {
        spec.putIfAbsent("dnsPolicy", "ClusterFirst");
        spec.putIfAbsent("restartPolicy", "Always");
        spec.putIfAbsent("schedulerName", "default-scheduler");
        spec.putIfAbsent("securityContext", new LinkedHashMap<>());
        spec.putIfAbsent("terminationGracePeriodSeconds", 30);
        if (spec.containsKey("serviceAccountName")) {
            spec.putIfAbsent("serviceAccount", spec.get("serviceAccountName"));
        }
        for (Object v : list(spec.get("volumes"))) {
            Map<String, Object> volume = map(v);
            for (String type : List.of("configMap", "secret", "projected", "downwardAPI")) {
                Map<String, Object> source = map(volume.get(type));
                if (source != null) {
                    source.putIfAbsent("defaultMode", 420);
                    fieldRefs(source.get("items"));
                }
            }
        }
        for (String group : List.of("initContainers", "containers")) {
            for (Object c : list(spec.get(group))) {
                Map<String, Object> container = map(c);
                container.putIfAbsent("terminationMessagePath", "/dev/termination-log");
                container.putIfAbsent("terminationMessagePolicy", "File");
                String image = String.valueOf(container.get("image"));
                String tag = image.contains("@") ? "digest" : image.lastIndexOf(':') > image.lastIndexOf('/')
                        ? image.substring(image.lastIndexOf(':') + 1) : "latest";
                container.putIfAbsent("imagePullPolicy", tag.equals("latest") ? "Always" : "IfNotPresent");
                container.putIfAbsent("resources", new LinkedHashMap<>());
                for (Object p : list(container.get("ports"))) {
                    map(p).putIfAbsent("protocol", "TCP");
                }
                for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
                    Map<String, Object> settings = map(container.get(probe));
                    if (settings != null) {
                        settings.putIfAbsent("timeoutSeconds", 1);
                        settings.putIfAbsent("periodSeconds", 10);
                        settings.putIfAbsent("successThreshold", 1);
                        settings.putIfAbsent("failureThreshold", 3);
                        Map<String, Object> http = map(settings.get("httpGet"));
                        if (http != null) {
                            http.putIfAbsent("scheme", "HTTP");
                        }
                    }
                }
                for (Object e : list(container.get("env"))) {
                    Map<String, Object> valueFrom = map(map(e).get("valueFrom"));
                    if (valueFrom != null) {
                        fieldRefs(List.of(valueFrom));
                    }
                }
            }
        }
    }

    private static void fieldRefs(Object items) {
        for (Object item : list(items)) {
            Map<String, Object> fieldRef = map(map(item).get("fieldRef"));
            if (fieldRef != null) {
                fieldRef.putIfAbsent("apiVersion", "v1");
            }
            Map<String, Object> resourceRef = map(map(item).get("resourceFieldRef"));
            if (resourceRef != null) {
                resourceRef.putIfAbsent("divisor", "0");
            }
        }
    }

    /** What the ServiceAccount and DefaultTolerationSeconds admission plugins and the scheduler add to a Pod. */
    private static void podAdmission(Map<String, Object> spec) {
        spec.putIfAbsent("serviceAccountName", "default");
        spec.putIfAbsent("serviceAccount", spec.get("serviceAccountName"));
        spec.put("nodeName", "ip-192-168-12-34.eu-west-1.compute.internal");
        spec.putIfAbsent("enableServiceLinks", true);
        spec.putIfAbsent("preemptionPolicy", "PreemptLowerPriority");
        spec.putIfAbsent("priority", 0);
        List<Object> tolerations = new ArrayList<>(list(spec.get("tolerations")));
        for (String key : List.of("node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable")) {
            tolerations.add(new LinkedHashMap<>(Map.of("key", key, "operator", "Exists", "effect", "NoExecute", "tolerationSeconds", 300)));
        }
        spec.put("tolerations", tolerations);
        List<Object> volumes = new ArrayList<>(list(spec.get("volumes")));
        volumes.add(map(parse("""
                name: kube-api-access-x7k2p
                projected:
                  defaultMode: 420
                  sources:
                  - serviceAccountToken: {expirationSeconds: 3607, path: token}
                  - configMap: {name: kube-root-ca.crt, items: [{key: ca.crt, path: ca.crt}]}
                  - downwardAPI: {items: [{path: namespace, fieldRef: {apiVersion: v1, fieldPath: metadata.namespace}}]}
                """)));
        spec.put("volumes", volumes);
        for (String group : List.of("initContainers", "containers")) {
            for (Object c : list(spec.get(group))) {
                Map<String, Object> container = map(c);
                List<Object> mounts = new ArrayList<>(list(container.get("volumeMounts")));
                mounts.add(new LinkedHashMap<>(Map.of("name", "kube-api-access-x7k2p", "readOnly", true,
                        "mountPath", "/var/run/secrets/kubernetes.io/serviceaccount")));
                container.put("volumeMounts", mounts);
            }
        }
    }

    private void serviceDefaults(Map<String, Object> object, Map<String, Object> spec) {
        spec.putIfAbsent("type", "ClusterIP");
        String type = String.valueOf(spec.get("type"));
        if (type.equals("ExternalName")) {
            return;
        }
        if (!"None".equals(spec.get("clusterIP"))) {
            spec.put("clusterIP", "10.100." + (ip / 250) + "." + (ip++ % 250));
        }
        spec.put("clusterIPs", List.of(spec.get("clusterIP")));
        spec.putIfAbsent("ipFamilies", List.of("IPv4"));
        spec.putIfAbsent("ipFamilyPolicy", "SingleStack");
        spec.putIfAbsent("sessionAffinity", "None");
        spec.putIfAbsent("internalTrafficPolicy", "Cluster");
        boolean nodePorts = type.equals("NodePort") || type.equals("LoadBalancer");
        if (nodePorts) {
            spec.putIfAbsent("externalTrafficPolicy", "Cluster");
        }
        if (type.equals("LoadBalancer")) {
            spec.putIfAbsent("allocateLoadBalancerNodePorts", true);
        }
        int nodePort = 30000 + ip;
        for (Object p : list(spec.get("ports"))) {
            Map<String, Object> port = map(p);
            port.putIfAbsent("protocol", "TCP");
            port.putIfAbsent("targetPort", port.get("port"));
            if (nodePorts) {
                port.putIfAbsent("nodePort", nodePort++);
            }
        }
        object.put("status", Map.of("loadBalancer", type.equals("LoadBalancer")
                ? Map.of("ingress", List.of(Map.of("hostname", "a1b2c3-123.elb.eu-west-1.amazonaws.com"))) : Map.of()));
    }

    private void createReplicaSetAndPods(Map<String, Object> deployment) {
        Map<String, Object> metadata = map(deployment.get("metadata"));
        Map<String, Object> spec = map(deployment.get("spec"));
        String name = metadata.get("name") + "-5d8f7c9b4";
        Map<String, Object> template = deepCopy(map(spec.get("template")));
        Map<String, Object> templateMetadata = map(template.get("metadata"));
        Map<String, Object> labels = new LinkedHashMap<>(map(templateMetadata.getOrDefault("labels", new LinkedHashMap<>())));
        labels.put("pod-template-hash", "5d8f7c9b4");
        templateMetadata.put("labels", labels);
        Map<String, Object> owner = new LinkedHashMap<>(Map.of("apiVersion", "apps/v1", "kind", "Deployment",
                "name", metadata.get("name"), "uid", metadata.get("uid"), "controller", true, "blockOwnerDeletion", true));
        Map<String, Object> replicaSet = new LinkedHashMap<>();
        replicaSet.put("apiVersion", "apps/v1");
        replicaSet.put("kind", "ReplicaSet");
        Map<String, Object> rsMetadata = new LinkedHashMap<>(Map.of("name", name, "namespace", metadata.get("namespace"),
                "labels", labels, "ownerReferences", List.of(owner)));
        replicaSet.put("metadata", rsMetadata);
        Map<String, Object> selector = deepCopy(map(spec.get("selector")));
        if (selector != null) {
            map(selector.computeIfAbsent("matchLabels", k -> new LinkedHashMap<>())).put("pod-template-hash", "5d8f7c9b4");
        }
        replicaSet.put("spec", new LinkedHashMap<>(Map.of("replicas", spec.get("replicas"), "selector",
                selector == null ? Map.of() : selector, "template", template)));
        serverMetadata(replicaSet, "ReplicaSet");
        cluster.createRaw(replicaSet);
        int pods = Math.min(2, spec.get("replicas") instanceof Number n ? n.intValue() : 1);
        for (int i = 0; i < pods; i++) {
            Map<String, Object> pod = new LinkedHashMap<>();
            pod.put("apiVersion", "v1");
            pod.put("kind", "Pod");
            Map<String, Object> podMetadata = new LinkedHashMap<>(deepCopy(templateMetadata));
            podMetadata.remove("creationTimestamp");
            podMetadata.put("name", name + "-x" + i);
            podMetadata.put("generateName", name + "-");
            podMetadata.put("namespace", metadata.get("namespace"));
            podMetadata.put("ownerReferences", List.of(Map.of("apiVersion", "apps/v1", "kind", "ReplicaSet", "name", name,
                    "uid", map(replicaSet.get("metadata")).get("uid"), "controller", true, "blockOwnerDeletion", true)));
            pod.put("metadata", podMetadata);
            Map<String, Object> podSpec = deepCopy(map(template.get("spec")));
            podAdmission(podSpec);
            pod.put("spec", podSpec);
            serverMetadata(pod, "Pod");
            cluster.createRaw(pod);
        }
    }

    private void createNamespace(String namespace) {
        cluster.createRaw(Map.of("apiVersion", "v1", "kind", "Namespace", "metadata", Map.of("name", namespace,
                "labels", Map.of("kubernetes.io/metadata.name", namespace), "uid", UUID.nameUUIDFromBytes(namespace.getBytes(StandardCharsets.UTF_8)).toString(),
                "creationTimestamp", CREATED), "spec", Map.of("finalizers", List.of("kubernetes")), "status", Map.of("phase", "Active")));
        cluster.createRaw(new LinkedHashMap<>(Map.of("apiVersion", "v1", "kind", "ServiceAccount",
                "metadata", new LinkedHashMap<>(Map.of("name", "default", "namespace", namespace, "creationTimestamp", CREATED)))));
        cluster.createRaw(new LinkedHashMap<>(Map.of("apiVersion", "v1", "kind", "ConfigMap",
                "metadata", new LinkedHashMap<>(Map.of("name", "kube-root-ca.crt", "namespace", namespace,
                        "annotations", Map.of("kubernetes.io/description", "Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc."))),
                "data", Map.of("ca.crt", "-----BEGIN CERTIFICATE-----\nMIIC/jCCAeagAwIBAgIBADANBgkqhkiG9w0BAQsFADAV\n-----END CERTIFICATE-----\n"))));
        cluster.createRaw(new LinkedHashMap<>(Map.of("apiVersion", "v1", "kind", "Secret", "type", "kubernetes.io/service-account-token",
                "metadata", new LinkedHashMap<>(Map.of("name", "default-token-abcde", "namespace", namespace,
                        "annotations", Map.of("kubernetes.io/service-account.name", "default"))),
                "data", Map.of("token", "ZXlKaGJHY2lPaUpTVXpJMU5pSXNJbXRwWkNJNkluUnZhMlZ1SW4w", "namespace",
                        java.util.Base64.getEncoder().encodeToString(namespace.getBytes(StandardCharsets.UTF_8))))));
        if (namespace.equals("default")) {
            cluster.createRaw(new LinkedHashMap<>(Map.of("apiVersion", "v1", "kind", "Service",
                    "metadata", new LinkedHashMap<>(Map.of("name", "kubernetes", "namespace", "default",
                            "labels", Map.of("component", "apiserver", "provider", "kubernetes"))),
                    "spec", Map.of("clusterIP", "10.100.0.1", "ports", List.of(Map.of("name", "https", "port", 443,
                            "protocol", "TCP", "targetPort", 443)), "type", "ClusterIP"))));
        }
    }

    /** Each object's namespace as the core's file loader decides it (kustomization namespace: included). */
    private static Map<String, String> namespacesFromTheFileLoader(Path caseFolder) throws IOException {
        ManifestLoader loader = new ManifestLoader(LoadLimits.DEFAULT, "default", false);
        List<LoadedObject> loaded = new ArrayList<>();
        Map<String, Path> byOrigin = new HashMap<>();
        for (Path file : manifestFiles(caseFolder)) {
            byOrigin.put(file.toString(), file);
            loaded.addAll(loader.load(file.toString(), Files.readString(file), Diagnostics.NONE));
        }
        Map<String, String> out = new HashMap<>();
        for (LoadedObject object : loader.applyKustomizations(loaded, Diagnostics.NONE)) {
            out.put(object.file() + "|" + object.ref().kind().kind() + "|" + object.ref().name(), object.ref().namespace());
        }
        return out;
    }

    private static List<Path> manifestFiles(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).filter(p -> {
                String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
            }).sorted().toList();
        }
    }

    /** The YAML documents of a file as maps ({@code kind: List} unpacked). */
    static List<Map<String, Object>> documents(Path file) throws IOException {
        List<Map<String, Object>> out = new ArrayList<>();
        try (MappingIterator<Object> docs = YAML.readerFor(Object.class).readValues(file.toFile())) {
            while (docs.hasNext()) {
                Object doc = docs.next();
                if (doc instanceof Map<?, ?> m) {
                    Map<String, Object> object = map(m);
                    if (String.valueOf(object.get("kind")).endsWith("List") && object.get("items") instanceof List<?> items) {
                        items.forEach(i -> out.add(map(i)));
                    } else {
                        out.add(object);
                    }
                }
            }
        }
        return out;
    }

    static String namespace(Map<String, Object> object) {
        Object namespace = map(object.get("metadata")).get("namespace");
        return namespace == null ? "default" : namespace.toString();
    }

    private static Object parse(String yaml) {
        try {
            return YAML.readValue(yaml, Object.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> deepCopy(Map<String, Object> value) {
        if (value == null) {
            return null;
        }
        return JSON.convertValue(value, new TypeReference<LinkedHashMap<String, Object>>() { });
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> ? (Map<String, Object>) value : null;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return value instanceof List<?> l ? (List<Object>) l : List.of();
    }
}
