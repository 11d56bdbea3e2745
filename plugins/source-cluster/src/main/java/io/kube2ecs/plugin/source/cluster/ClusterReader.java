package io.kube2ecs.plugin.source.cluster;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.FilterWatchListDeletable;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.kube2ecs.api.diag.Diagnostic;
import io.kube2ecs.api.diag.Severity;
import io.kube2ecs.api.source.ResourceKind;
import io.kube2ecs.api.source.SourceLocation;
import io.kube2ecs.api.spi.InputSink;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads the objects of the served kinds, namespace by namespace, with {@code list} calls only
 * (500 objects a page). Forbidden reads become warnings naming the missing permission (notes, for
 * kinds read only to be reported) and the rest is read; an unreachable server is an error and stops
 * the read.
 */
final class ClusterReader {

    /** Which namespaces and objects to read. */
    record Scope(List<String> namespaces, boolean all, String selector) {
    }

    /**
     * One object read.
     *
     * @param resource the kind as served
     * @param namespace its namespace, empty for a cluster-scoped object
     * @param name     its name
     * @param original the object as the server sent it
     * @param cleaned  the object cleaned into a manifest
     */
    record ReadObject(ApiResource resource, String namespace, String name, Map<String, Object> original,
                      Map<String, Object> cleaned, String origin) {
    }

    /** The server cannot be reached: the read stops. */
    private static final class Unreachable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unreachable(KubernetesClientException cause) {
            super(cause);
        }
    }

    private static final int PAGE = 500;

    private final KubernetesClient client;
    private final KubeContext context;
    private final Scope scope;
    private final InputSink sink;
    private final Map<String, Integer> skipped = new TreeMap<>();
    /** Kinds read only so their objects are reported as not converted. */
    private final java.util.Set<ResourceKind> reported = new java.util.HashSet<>();
    /** Per such kind's resource name, the namespaces where listing it was forbidden. */
    private final Map<String, List<String>> unreadReported = new TreeMap<>();

    ClusterReader(KubernetesClient client, KubeContext context, Scope scope, InputSink sink) {
        this.client = client;
        this.context = context;
        this.scope = scope;
        this.sink = sink;
    }

    /**
     * @param kinds         the kinds with a mapper
     * @param reportedKinds the kinds read only to be reported as not converted
     * @return the objects read, sorted by kind, namespace and name
     */
    List<ReadObject> read(List<ResourceKind> kinds, List<ResourceKind> reportedKinds) {
        List<ReadObject> out = new ArrayList<>();
        reportedKinds.stream().filter(kind -> !kinds.contains(kind)).forEach(reported::add);
        List<ResourceKind> toRead = new ArrayList<>(kinds);
        toRead.addAll(reported);
        toRead.sort(null);
        try {
            sink.progress("asking " + context.name() + " which kinds it serves");
            Discovery.Result found;
            try {
                found = new Discovery(client).find(toRead);
            } catch (KubernetesClientException e) {
                failed(e, "discover the served APIs (GET /api/v1 and /apis)", null, "the non-resource URLs /api and /apis (every authenticated user has them through system:discovery)");
                return out;
            }
            for (ResourceKind missing : found.missing()) {
                if (reported.contains(missing)) {
                    continue; // nothing of it would be converted, and a cluster without it has none to report
                }
                boolean custom = missing.group().contains(".") && !missing.group().endsWith(".k8s.io");
                report(Severity.INFO, ClusterCodes.KIND_NOT_SERVED, "the cluster serves no " + missing
                        + (custom ? " (its CustomResourceDefinition is not installed)" : "") + "; none were read", null, cluster());
            }
            List<ApiResource> namespaced = found.served().stream().filter(ApiResource::namespaced).toList();
            List<String> namespaces = namespaces();
            for (int i = 0; i < namespaces.size(); i++) {
                String namespace = namespaces.get(i);
                sink.progress("reading namespace " + namespace + " (" + (i + 1) + " of " + namespaces.size() + "), "
                        + out.size() + " objects so far");
                readNamespace(namespace, namespaced, out);
            }
            for (ApiResource resource : found.served().stream().filter(r -> !r.namespaced()).toList()) {
                list(resource, null, out);
            }
        } catch (Unreachable e) {
            out.clear();
            return out;
        }
        unreadReported.forEach((resource, namespaces) -> report(Severity.INFO, ClusterCodes.REPORTED_KIND_UNREAD,
                "not allowed to list " + resource + " in " + (namespaces.size() == 1 ? "namespace " : namespaces.size() + " namespaces: ")
                        + String.join(", ", namespaces.subList(0, Math.min(5, namespaces.size())))
                        + (namespaces.size() > 5 ? " …" : "") + "; kube2ecs converts none, but would have reported each as not converted",
                "grant list on " + resource + " (docs/cluster.md has a ClusterRole) to have them reported", cluster()));
        if (!skipped.isEmpty()) {
            List<String> parts = new ArrayList<>();
            skipped.forEach((why, count) -> parts.add(count + " " + why));
            report(Severity.INFO, ClusterCodes.SKIPPED, "left out objects Kubernetes makes itself: " + String.join(", ", parts),
                    null, cluster());
        }
        out.sort(Comparator.comparing((ReadObject o) -> o.resource().kind().toString())
                .thenComparing(ReadObject::namespace).thenComparing(ReadObject::name));
        return out;
    }

    private List<String> namespaces() {
        if (!scope.namespaces().isEmpty()) {
            return scope.namespaces();
        }
        if (!scope.all()) {
            String namespace = context.namespace();
            sink.notice("reading namespace " + namespace + ", the namespace of context " + context.name()
                    + " (name others with -n, or -A for all)");
            return List.of(namespace);
        }
        List<String> out = new ArrayList<>();
        try {
            String next = null;
            do {
                NamespaceList page = client.namespaces().list(new ListOptionsBuilder().withLimit((long) PAGE).withContinue(next).build());
                for (Namespace namespace : page.getItems()) {
                    String name = namespace.getMetadata().getName();
                    if (!SkipRules.SYSTEM_NAMESPACES.contains(name)) {
                        out.add(name);
                    }
                }
                next = page.getMetadata() == null ? null : page.getMetadata().getContinue();
            } while (next != null && !next.isEmpty());
        } catch (KubernetesClientException e) {
            failed(e, "list namespaces", null, "list on namespaces (core group), or name the namespaces with -n");
            return List.of();
        }
        out.sort(null);
        return out;
    }

    private void readNamespace(String namespace, List<ApiResource> resources, List<ReadObject> out) {
        List<ApiResource> forbidden = new ArrayList<>();
        int before = out.size();
        for (ApiResource resource : resources) {
            try {
                list(resource, namespace, out);
            } catch (Forbidden e) {
                forbidden.add(resource);
            }
        }
        leaveOutStatefulSetClaims(namespace, resources, forbidden, out.subList(before, out.size()));
        List<ApiResource> forbiddenToConvert = forbidden.stream().filter(r -> !reported.contains(r.kind())).toList();
        List<ApiResource> converted = resources.stream().filter(r -> !reported.contains(r.kind())).toList();
        SourceLocation where = SourceLocation.ofFile("cluster:" + context.name() + "/" + namespace);
        if (!forbidden.isEmpty() && forbidden.size() == resources.size()) {
            report(Severity.WARNING, ClusterCodes.FORBIDDEN, "forbidden to list anything in namespace " + namespace
                    + ": none of its objects were read", "grant list on " + names(forbidden) + " in namespace "
                    + namespace + " (docs/cluster.md has a ClusterRole), or leave the namespace out", where);
        } else {
            forbidden.stream().filter(r -> reported.contains(r.kind())).forEach(resource ->
                    unreadReported.computeIfAbsent(resource.resourceName(), r -> new ArrayList<>()).add(namespace));
            for (ApiResource resource : forbiddenToConvert) {
                report(Severity.WARNING, ClusterCodes.FORBIDDEN, "forbidden to list " + resource.resourceName()
                        + " in namespace " + namespace + "; they were not read", "grant list on " + resource.plural()
                        + " in API group \"" + resource.rbacGroup() + "\" (docs/cluster.md has a ClusterRole)"
                        + (resource.kind().kind().equals("Secret") || resource.kind().kind().equals("ConfigMap")
                        ? "; workloads that read them cannot be converted without them" : ""), where);
            }
        }
        if (forbiddenToConvert.isEmpty() && out.size() == before && !scope.namespaces().isEmpty()) {
            report(Severity.WARNING, ClusterCodes.EMPTY_NAMESPACE, "namespace " + namespace + " has no "
                    + names(converted) + (scope.selector() == null ? "" : " matching " + scope.selector())
                    + ", or does not exist", "check the name with kubectl get namespaces", where);
        }
    }

    /**
     * Leaves out the claims a StatefulSet's controller made from its volumeClaimTemplates
     * ({@code <template>-<statefulset>-<ordinal>}): they have no owner, but nobody wrote them, and the
     * StatefulSet is read and reported with its templates.
     */
    private void leaveOutStatefulSetClaims(String namespace, List<ApiResource> resources, List<ApiResource> forbidden,
                                           List<ReadObject> namespaceObjects) {
        if (namespaceObjects.stream().noneMatch(object -> object.resource().kind().equals(CLAIM))) {
            return;
        }
        java.util.Set<String> prefixes = new java.util.HashSet<>();
        for (ReadObject object : namespaceObjects) {
            if (object.resource().kind().equals(STATEFUL_SET)) {
                addClaimPrefixes(object.name(), object.original(), prefixes);
            }
        }
        Optional<ApiResource> statefulSets = resources.stream().filter(r -> r.kind().equals(STATEFUL_SET)).findFirst();
        // a claim carries its StatefulSet's selector labels, not the StatefulSet's own: the selector can keep
        // out a StatefulSet whose claims were read (RBAC that forbade listing them would forbid it again)
        boolean someUnread = scope.selector() != null && !scope.selector().isBlank()
                && statefulSets.filter(forbidden::contains).isEmpty();
        if (someUnread && statefulSets.isPresent()) {
            // ask for them all, only for their templates
            try {
                String next = null;
                do {
                    GenericKubernetesResourceList page = client.genericKubernetesResources(statefulSets.get().context())
                            .inNamespace(namespace).list(new ListOptionsBuilder().withLimit((long) PAGE).withContinue(next).build());
                    for (GenericKubernetesResource item : page.getItems()) {
                        if (item.getMetadata() != null && item.getMetadata().getName() != null) {
                            addClaimPrefixes(item.getMetadata().getName(),
                                    client.getKubernetesSerialization().convertValue(item, LinkedHashMap.class), prefixes);
                        }
                    }
                    next = page.getMetadata() == null ? null : page.getMetadata().getContinue();
                } while (next != null && !next.isEmpty());
            } catch (KubernetesClientException e) {
                // best effort: without them, their claims are read and reported like any other
            }
        }
        if (prefixes.isEmpty()) {
            return;
        }
        int before = namespaceObjects.size();
        namespaceObjects.removeIf(object -> object.resource().kind().equals(CLAIM) && prefixes.stream().anyMatch(prefix ->
                object.name().startsWith(prefix) && object.name().length() > prefix.length()
                        && object.name().substring(prefix.length()).chars().allMatch(Character::isDigit)));
        if (namespaceObjects.size() < before) {
            skipped.merge("PersistentVolumeClaims of StatefulSets", before - namespaceObjects.size(), Integer::sum);
        }
    }

    private static void addClaimPrefixes(String statefulSet, Map<?, ?> object, java.util.Set<String> prefixes) {
        Map<String, Object> spec = ObjectCleaner.map(object.get("spec"));
        if (spec != null && spec.get("volumeClaimTemplates") instanceof List<?> templates) {
            for (Object template : templates) {
                Map<String, Object> metadata = template instanceof Map<?, ?> map ? ObjectCleaner.map(map.get("metadata")) : null;
                if (metadata != null && metadata.get("name") instanceof String name) {
                    prefixes.add(name + "-" + statefulSet + "-");
                }
            }
        }
    }

    private static final ResourceKind STATEFUL_SET = new ResourceKind("apps", "StatefulSet");
    private static final ResourceKind CLAIM = new ResourceKind("", "PersistentVolumeClaim");

    /** A 403 on one list call. */
    private static final class Forbidden extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    private void list(ApiResource resource, String namespace, List<ReadObject> out) {
        String next = null;
        do {
            GenericKubernetesResourceList page;
            try {
                var all = client.genericKubernetesResources(resource.context());
                FilterWatchListDeletable<GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>> op =
                        namespace == null ? all : all.inNamespace(namespace);
                if (scope.selector() != null && !scope.selector().isBlank()) {
                    op = op.withLabelSelector(scope.selector());
                }
                page = op.list(new ListOptionsBuilder().withLimit((long) PAGE).withContinue(next).build());
            } catch (KubernetesClientException e) {
                if (e.getCode() == 403) {
                    throw new Forbidden();
                }
                failed(e, "list " + resource.resourceName() + (namespace == null ? "" : " in namespace " + namespace),
                        namespace, null);
                return;
            }
            for (GenericKubernetesResource item : page.getItems()) {
                add(resource, namespace, item, out);
            }
            next = page.getMetadata() == null ? null : page.getMetadata().getContinue();
        } while (next != null && !next.isEmpty());
    }

    @SuppressWarnings("unchecked")
    private void add(ApiResource resource, String namespace, GenericKubernetesResource item, List<ReadObject> out) {
        Map<String, Object> original = client.getKubernetesSerialization().convertValue(item, LinkedHashMap.class);
        // list responses may leave apiVersion and kind out of their items
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("apiVersion", resource.apiVersion());
        object.put("kind", resource.kind().kind());
        original.forEach((k, v) -> {
            if (!k.equals("apiVersion") && !k.equals("kind")) {
                object.put(k, v);
            }
        });
        Map<String, Object> metadata = ObjectCleaner.map(object.get("metadata"));
        String name = metadata == null ? null : (String) metadata.get("name");
        if (name == null) {
            return;
        }
        Optional<String> skip = SkipRules.skip(object);
        if (skip.isPresent()) {
            skipped.merge(skip.get(), 1, Integer::sum);
            return;
        }
        Map<String, Object> cleaned = client.getKubernetesSerialization().convertValue(object, LinkedHashMap.class);
        ObjectCleaner.clean(cleaned);
        String ns = namespace == null ? "" : namespace;
        String origin = "cluster:" + context.name() + "/" + (ns.isEmpty() ? "" : ns + "/") + resource.kind().kind() + "/" + name;
        out.add(new ReadObject(resource, ns, name, object, cleaned, origin));
    }

    private void failed(KubernetesClientException e, String what, String namespace, String permission) {
        SourceLocation where = SourceLocation.ofFile("cluster:" + context.name() + (namespace == null ? "" : "/" + namespace));
        if (e.getCode() == 403) {
            report(Severity.ERROR, ClusterCodes.FORBIDDEN, "forbidden to " + what + "; nothing could be read",
                    "grant " + permission + " (docs/cluster.md has a ClusterRole)", where);
            return;
        }
        if (e.getCode() == 401) {
            report(Severity.ERROR, ClusterCodes.UNREACHABLE, "the API server of context " + context.name()
                    + " refused the credentials (401 Unauthorized) when asked to " + what,
                    "check them with kubectl --context " + context.name() + " auth whoami; for EKS, that aws eks get-token works for this profile", where);
            throw new Unreachable(e);
        }
        if (e.getCode() <= 0 || hasIoCause(e)) {
            report(Severity.ERROR, ClusterCodes.UNREACHABLE, "cannot reach the API server " + context.config().getMasterUrl()
                    + " of context " + context.name() + " (" + KubeContext.message(e) + ")",
                    "check the context with kubectl --context " + context.name() + " cluster-info (VPN, endpoint access, credentials)", where);
            throw new Unreachable(e);
        }
        report(Severity.ERROR, ClusterCodes.UNREACHABLE, "the API server answered " + e.getCode() + " when asked to " + what
                + ": " + statusMessage(e), "retry; if it persists, check the API server's health", where);
    }

    private static String statusMessage(KubernetesClientException e) {
        return e.getStatus() != null && e.getStatus().getMessage() != null ? e.getStatus().getMessage() : KubeContext.message(e);
    }

    private static boolean hasIoCause(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    private static String names(List<ApiResource> resources) {
        return String.join(", ", resources.stream().map(ApiResource::resourceName).toList());
    }

    private SourceLocation cluster() {
        return SourceLocation.ofFile("cluster:" + context.name());
    }

    private void report(Severity severity, String code, String message, String hint, SourceLocation where) {
        sink.diagnostics().report(new Diagnostic(severity, code, message, hint, where, null));
    }
}
