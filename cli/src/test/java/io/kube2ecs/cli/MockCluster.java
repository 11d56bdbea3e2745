package io.kube2ecs.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Kubernetes API server for tests: fabric8's mock server in CRUD mode (a real HTTP server that
 * stores what is created and answers list calls, label selectors included), driven through the real
 * client. In front of it, this class answers API discovery as a real server does ({@code /api/v1},
 * {@code /apis}, one resource list per group version, the SecurityGroupPolicy group only while its
 * CRD is installed) and refuses, with RBAC's 403, every request into a forbidden namespace.
 *
 * <p>Objects are created through {@link ApiServerSimulation}, which adds what a real API server and
 * its controllers add: defaults, server metadata, status, ReplicaSets and Pods of Deployments, and
 * the objects every namespace gets.
 */
final class MockCluster implements AutoCloseable {

    /** Kind → (group version, plural, namespaced) for what the tests create. */
    static final Map<String, String[]> RESOURCES = Map.ofEntries(
            Map.entry("Namespace", new String[] {"v1", "namespaces", "false"}),
            Map.entry("Pod", new String[] {"v1", "pods", "true"}),
            Map.entry("Service", new String[] {"v1", "services", "true"}),
            Map.entry("ConfigMap", new String[] {"v1", "configmaps", "true"}),
            Map.entry("Secret", new String[] {"v1", "secrets", "true"}),
            Map.entry("ServiceAccount", new String[] {"v1", "serviceaccounts", "true"}),
            Map.entry("PersistentVolumeClaim", new String[] {"v1", "persistentvolumeclaims", "true"}),
            Map.entry("Deployment", new String[] {"apps/v1", "deployments", "true"}),
            Map.entry("ReplicaSet", new String[] {"apps/v1", "replicasets", "true"}),
            Map.entry("StatefulSet", new String[] {"apps/v1", "statefulsets", "true"}),
            Map.entry("DaemonSet", new String[] {"apps/v1", "daemonsets", "true"}),
            Map.entry("Job", new String[] {"batch/v1", "jobs", "true"}),
            Map.entry("CronJob", new String[] {"batch/v1", "cronjobs", "true"}),
            Map.entry("HorizontalPodAutoscaler", new String[] {"autoscaling/v2", "horizontalpodautoscalers", "true"}),
            Map.entry("Ingress", new String[] {"networking.k8s.io/v1", "ingresses", "true"}),
            Map.entry("IngressClass", new String[] {"networking.k8s.io/v1", "ingressclasses", "false"}),
            Map.entry("NetworkPolicy", new String[] {"networking.k8s.io/v1", "networkpolicies", "true"}),
            Map.entry("PodDisruptionBudget", new String[] {"policy/v1", "poddisruptionbudgets", "true"}),
            Map.entry("Role", new String[] {"rbac.authorization.k8s.io/v1", "roles", "true"}),
            Map.entry("RoleBinding", new String[] {"rbac.authorization.k8s.io/v1", "rolebindings", "true"}),
            Map.entry("CustomResourceDefinition", new String[] {"apiextensions.k8s.io/v1", "customresourcedefinitions", "false"}),
            Map.entry("SecurityGroupPolicy", new String[] {"vpcresources.k8s.aws/v1beta1", "securitygrouppolicies", "true"}));

    private static final String SGP_GROUP = "vpcresources.k8s.aws";
    private static final Pattern NAMESPACED_PATH = Pattern.compile("^/apis?/.*?/namespaces/([^/?]+)/([^/?]+)");

    private final KubernetesMockServer server;
    private final NamespacedKubernetesClient client;
    private final ObjectMapper json = new ObjectMapper();
    private final Set<String> forbiddenNamespaces = ConcurrentHashMap.newKeySet();
    private final Set<String> forbiddenResources = ConcurrentHashMap.newKeySet();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile boolean sgpCrdInstalled;
    private volatile boolean namespaceListForbidden;
    private volatile boolean credentialsRejected;

    MockCluster() {
        Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
        KubernetesMixedDispatcher crud = new KubernetesMixedDispatcher(responses);
        Dispatcher front = new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                requests.add(request.getMethod() + " " + request.getPath());
                MockResponse answer = intercept(request);
                return answer != null ? answer : crud.dispatch(request);
            }
        };
        server = new KubernetesMockServer(new Context(Serialization.jsonMapper()), new MockWebServer(), responses, front, false);
        try {
            server.init(InetAddress.getByName("127.0.0.1"), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        client = server.createClient();
    }

    /** @return the server's URL, e.g. {@code http://127.0.0.1:40123} */
    String url() {
        return "http://127.0.0.1:" + server.getPort();
    }

    /** Every request from now on into {@code namespace} gets 403 Forbidden. */
    void forbidNamespace(String namespace) {
        forbiddenNamespaces.add(namespace);
    }

    /** Every request for this resource (plural, e.g. {@code secrets}) in any namespace gets 403. */
    void forbidResource(String plural) {
        forbiddenResources.add(plural);
    }

    /** Listing namespaces (what -A needs) gets 403 from now on. */
    void forbidNamespaceList() {
        namespaceListForbidden = true;
    }

    /** Every request from now on gets 401, as for an expired token. */
    void rejectCredentials() {
        credentialsRejected = true;
    }

    /** @return the requests the server answered, as {@code METHOD path} */
    List<String> requests() {
        return List.copyOf(requests);
    }

    /**
     * Writes a kubeconfig with two contexts: {@code mock} (this server, namespace {@code default},
     * the current context) and {@code staging} (a closed port on 127.0.0.1: unreachable).
     */
    Path writeKubeconfig(Path file) throws IOException {
        Files.writeString(file, """
                apiVersion: v1
                kind: Config
                clusters:
                - name: mock
                  cluster:
                    server: %s
                - name: staging
                  cluster:
                    server: http://127.0.0.1:1
                users:
                - name: reader
                  user:
                    token: test-token
                contexts:
                - name: mock
                  context:
                    cluster: mock
                    user: reader
                    namespace: default
                - name: staging
                  context:
                    cluster: staging
                    user: reader
                current-context: mock
                """.formatted(url()));
        return file;
    }

    /** Installs the SecurityGroupPolicy CRD from the corpus: the API then serves the kind. */
    void installSecurityGroupPolicyCrd() throws IOException {
        Path crd = CorpusPaths.corpus().resolve("vpc-rc-sgp-samples/vpcresources.k8s.aws_securitygrouppolicies.yaml");
        for (Map<String, Object> object : ApiServerSimulation.documents(crd)) {
            createRaw(object);
        }
        sgpCrdInstalled = true;
    }

    /** @return whether the API serves the kind now (SecurityGroupPolicy only with its CRD) */
    boolean serves(String kind) {
        return RESOURCES.containsKey(kind) && (!kind.equals("SecurityGroupPolicy") || sgpCrdInstalled);
    }

    /** Creates an object as it is, without the simulation. */
    void createRaw(Map<String, Object> object) {
        String kind = String.valueOf(object.get("kind"));
        String[] resource = RESOURCES.get(kind);
        if (resource == null) {
            throw new IllegalArgumentException("the mock cluster does not know kind " + kind);
        }
        String groupVersion = resource[0];
        int slash = groupVersion.indexOf('/');
        ResourceDefinitionContext context = new ResourceDefinitionContext.Builder()
                .withGroup(slash < 0 ? "" : groupVersion.substring(0, slash))
                .withVersion(slash < 0 ? groupVersion : groupVersion.substring(slash + 1))
                .withPlural(resource[1]).withKind(kind).withNamespaced(Boolean.parseBoolean(resource[2])).build();
        GenericKubernetesResource generic = client.getKubernetesSerialization().convertValue(object, GenericKubernetesResource.class);
        if (Boolean.parseBoolean(resource[2])) {
            String namespace = ApiServerSimulation.namespace(object);
            client.genericKubernetesResources(context).inNamespace(namespace).resource(generic).create();
        } else {
            client.genericKubernetesResources(context).resource(generic).create();
        }
    }

    private MockResponse intercept(RecordedRequest request) {
        String path = request.getPath();
        int query = path.indexOf('?');
        String bare = query < 0 ? path : path.substring(0, query);
        if (credentialsRejected) {
            return new MockResponse().setResponseCode(401).setBody(status(401, "Unauthorized", "Unauthorized"));
        }
        if (namespaceListForbidden && bare.equals("/api/v1/namespaces")) {
            return forbidden("namespaces", "");
        }
        Matcher namespaced = NAMESPACED_PATH.matcher(bare);
        if (namespaced.find() && (forbiddenNamespaces.contains(namespaced.group(1)) || forbiddenResources.contains(namespaced.group(2)))) {
            return forbidden(namespaced.group(2), namespaced.group(1));
        }
        if (!request.getMethod().equals("GET")) {
            return null;
        }
        return switch (bare) {
            case "/api" -> ok(Map.of("kind", "APIVersions", "versions", List.of("v1")));
            case "/apis" -> ok(groups());
            default -> bare.startsWith("/api/") || bare.startsWith("/apis/") ? resourceList(bare) : null;
        };
    }

    private Map<String, Object> groups() {
        Map<String, List<String>> versions = new java.util.TreeMap<>();
        RESOURCES.forEach((kind, resource) -> {
            if (resource[0].contains("/") && (!resource[0].startsWith(SGP_GROUP) || sgpCrdInstalled)) {
                versions.computeIfAbsent(resource[0].substring(0, resource[0].indexOf('/')), g -> new ArrayList<>())
                        .add(resource[0].substring(resource[0].indexOf('/') + 1));
            }
        });
        List<Object> groups = new ArrayList<>();
        versions.forEach((group, list) -> {
            List<Object> vs = list.stream().distinct().map(v -> (Object) Map.of("groupVersion", group + "/" + v, "version", v)).toList();
            groups.add(Map.of("name", group, "versions", vs, "preferredVersion", vs.get(0)));
        });
        return Map.of("kind", "APIGroupList", "apiVersion", "v1", "groups", groups);
    }

    /** The resource list of one group version, or null to let the CRUD store answer (object paths). */
    private MockResponse resourceList(String path) {
        String groupVersion = path.startsWith("/api/") ? path.substring("/api/".length()) : path.substring("/apis/".length());
        if (groupVersion.chars().filter(c -> c == '/').count() > (path.startsWith("/api/") ? 0 : 1)) {
            return null;
        }
        if (groupVersion.startsWith(SGP_GROUP) && !sgpCrdInstalled) {
            return new MockResponse().setResponseCode(404).setBody(status(404, "NotFound", "the server could not find the requested resource"));
        }
        List<Object> resources = new ArrayList<>();
        RESOURCES.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            if (e.getValue()[0].equals(groupVersion)) {
                resources.add(Map.of("name", e.getValue()[1], "singularName", "", "kind", e.getKey(),
                        "namespaced", Boolean.parseBoolean(e.getValue()[2]),
                        "verbs", List.of("create", "delete", "get", "list", "patch", "update", "watch")));
                resources.add(Map.of("name", e.getValue()[1] + "/status", "singularName", "", "kind", e.getKey(),
                        "namespaced", Boolean.parseBoolean(e.getValue()[2]), "verbs", List.of("get", "patch", "update")));
            }
        });
        if (resources.isEmpty()) {
            return new MockResponse().setResponseCode(404).setBody(status(404, "NotFound", "the server could not find the requested resource"));
        }
        return ok(Map.of("kind", "APIResourceList", "apiVersion", "v1", "groupVersion", groupVersion, "resources", resources));
    }

    private MockResponse forbidden(String resource, String namespace) {
        return new MockResponse().setResponseCode(403).setBody(status(403, "Forbidden", resource + " is forbidden: User \"reader\" "
                + "cannot list resource \"" + resource + "\" in the namespace \"" + namespace + "\""));
    }

    private String status(int code, String reason, String message) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("kind", "Status");
        status.put("apiVersion", "v1");
        status.put("metadata", Map.of());
        status.put("status", "Failure");
        status.put("message", message);
        status.put("reason", reason);
        status.put("code", code);
        return write(status);
    }

    private MockResponse ok(Object body) {
        return new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json").setBody(write(body));
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        client.close();
        server.destroy();
    }
}
