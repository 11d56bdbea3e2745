package io.kube2ecs.core.load;

import io.kube2ecs.api.diag.Diagnostic;
import io.kube2ecs.api.diag.Diagnostics;
import io.kube2ecs.api.diag.Severity;
import io.kube2ecs.api.source.SourceLocation;
import io.kube2ecs.api.source.ObjectRef;
import io.kube2ecs.api.source.ResourceKind;
import io.kube2ecs.core.diag.Codes;
import io.kube2ecs.core.diag.DiagnosticCollector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns input texts into Kubernetes objects: parses YAML or JSON with positions, unpacks
 * {@code kind: List}, reads each object's identity and reports documents that are not objects.
 */
public final class ManifestLoader {

    /** Kinds without a namespace; their objects get an empty namespace. */
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "Node", "PersistentVolume", "ClusterRole",
            "ClusterRoleBinding", "CustomResourceDefinition", "StorageClass", "PriorityClass", "IngressClass",
            "ValidatingWebhookConfiguration", "MutatingWebhookConfiguration", "APIService", "RuntimeClass",
            "CSIDriver", "CSINode", "VolumeAttachment", "PodSecurityPolicy", "ClusterIssuer");

    /** Metadata the API server fills in; seen in {@code kubectl get -o yaml} output. */
    private static final List<String> SERVER_SET = List.of("uid", "resourceVersion", "generation", "creationTimestamp",
            "managedFields", "selfLink", "deletionTimestamp", "deletionGracePeriodSeconds");
    /** The API server's rule for every object name (a path segment); most kinds are stricter. */
    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[^/%\\s]{1,253}");
    /** A namespace is a DNS label (RFC 1123); the outputs use it as a folder and in AWS names. */
    private static final java.util.regex.Pattern NAMESPACE = java.util.regex.Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    /** What {@link #validNamespace} accepts, for hints. */
    public static final String NAMESPACE_RULE = "a namespace is a DNS label: at most 63 lower-case letters, digits and '-', "
            + "starting and ending with a letter or digit";

    private final LoadLimits limits;
    private final String defaultNamespace;
    private final boolean namespaceForced;
    private final List<Kustomizations.File> kustomizations = new ArrayList<>();

    /**
     * @param limits           safety limits
     * @param defaultNamespace namespace of objects that name none ({@code default}, or {@code -n})
     * @param namespaceForced  true when the user gave {@code -n}: objects naming another namespace are errors
     */
    public ManifestLoader(LoadLimits limits, String defaultNamespace, boolean namespaceForced) {
        this.limits = limits;
        this.defaultNamespace = defaultNamespace;
        this.namespaceForced = namespaceForced;
    }

    /**
     * @param origin      the input's name, for diagnostics
     * @param content     the text
     * @param diagnostics where problems go
     * @return the objects, in input order
     */
    public List<LoadedObject> load(String origin, String content, Diagnostics diagnostics) {
        List<LoadedObject> out = new ArrayList<>();
        YamlTextParser.DocumentSink sink = new YamlTextParser.DocumentSink() {
            @Override
            public void document(int index, YamlNode root) {
                readDocument(origin, root, diagnostics, out);
            }

            @Override
            public void duplicateKey(String key, int line, int column) {
                diagnostics.report(new Diagnostic(Severity.ERROR, Codes.DUPLICATE_KEY,
                        "key '" + key + "' appears twice in the same map",
                        "remove one of them; kubectl refuses the file too, and Kubernetes would keep only the last",
                        new SourceLocation(origin, line, column, ""), null));
            }
        };
        if (content.length() > limits.maxInputChars()) {
            diagnostics.report(new Diagnostic(Severity.ERROR, Codes.YAML_LIMIT,
                    "input is larger than " + limits.maxInputChars() + " characters", "split it into several files",
                    SourceLocation.ofFile(origin), null));
            return out;
        }
        try {
            if (looksLikeJson(origin, content)) {
                new JsonTextParser(limits).parse(content, sink);
            } else {
                new YamlTextParser(limits).parse(origin, content, sink);
            }
        } catch (ParseProblem problem) {
            // a Go template is the most common reason a chart's file does not parse
            String hint = content.contains("{{") ? "this looks like a Helm or Go template; render it first: "
                    + "helm template RELEASE CHART | kube2ecs convert -f -" : problem.hint();
            diagnostics.report(new Diagnostic(Severity.ERROR, problem.code(), problem.getMessage(), hint,
                    new SourceLocation(origin, problem.line(), problem.column(), ""), null));
        }
        return out;
    }

    /**
     * What one input text held, parsed on its own so that several texts can be parsed at once.
     *
     * @param objects        its objects, in input order
     * @param kustomizations its kustomization documents
     * @param diagnostics    what parsing it reported
     */
    public record Part(List<LoadedObject> objects, List<Kustomizations.File> kustomizations, DiagnosticCollector diagnostics) {
    }

    /**
     * Parses one text without touching this loader's state; safe to call from several threads.
     * {@link #add(Part)} then takes its kustomizations in.
     *
     * @param origin  the input's name, for diagnostics
     * @param content the text
     * @return what it held
     */
    public Part parse(String origin, String content) {
        ManifestLoader own = new ManifestLoader(limits, defaultNamespace, namespaceForced);
        DiagnosticCollector diagnostics = new DiagnosticCollector();
        List<LoadedObject> objects = own.load(origin, content, diagnostics);
        return new Part(objects, List.copyOf(own.kustomizations), diagnostics);
    }

    /**
     * Takes in the kustomizations of a part parsed with {@link #parse}; call in input order.
     *
     * @param part the part
     */
    public void add(Part part) {
        kustomizations.addAll(part.kustomizations());
    }

    /**
     * Applies what the kustomization files among the inputs loaded so far say about namespaces.
     *
     * @param objects     every object loaded, in input order
     * @param diagnostics where kustomization fields not applied are reported
     * @return the objects with the namespaces the kustomizations assign, in the same order
     */
    public List<LoadedObject> applyKustomizations(List<LoadedObject> objects, Diagnostics diagnostics) {
        return Kustomizations.apply(kustomizations, objects, diagnostics, namespaceForced);
    }

    /**
     * @param namespace a namespace from the input or {@code -n}
     * @return whether Kubernetes accepts it as a namespace name
     */
    public static boolean validNamespace(String namespace) {
        return NAMESPACE.matcher(namespace).matches();
    }

    private static boolean looksLikeJson(String origin, String content) {
        if (origin.toLowerCase(java.util.Locale.ROOT).endsWith(".json")) {
            return true;
        }
        for (int i = 0; i < content.length(); i++) {
            char c = content.charAt(i);
            if (!Character.isWhitespace(c)) {
                return c == '{' || c == '[';
            }
        }
        return false;
    }

    private void readDocument(String origin, YamlNode root, Diagnostics diagnostics, List<LoadedObject> out) {
        if (root.shape() != YamlNode.Shape.MAP) {
            notAnObject(origin, root, "document is not a map of fields", diagnostics);
            return;
        }
        String kind = text(root.entries().get("kind"));
        String apiVersion = text(root.entries().get("apiVersion"));
        YamlNode items = root.entries().get("items");
        if (kind != null && kind.endsWith("List") && items != null && items.shape() == YamlNode.Shape.LIST) {
            markIdentity(root, "kind", "apiVersion", "metadata");
            for (YamlNode item : items.items()) {
                readDocument(origin, item, diagnostics, out);
            }
            return;
        }
        if (Kustomizations.isKustomization(origin, apiVersion, kind)) {
            kustomizations.add(new Kustomizations.File(origin, root));
            return;
        }
        if (kind == null || kind.isEmpty() || apiVersion == null || apiVersion.isEmpty()) {
            notAnObject(origin, root, "document has no " + (kind == null || kind.isEmpty() ? "kind" : "apiVersion"), diagnostics);
            return;
        }
        YamlNode metadata = root.entries().get("metadata");
        Map<String, YamlNode> meta = metadata == null ? Map.of() : metadata.entries();
        String name = text(meta.get("name"));
        if (name == null || name.isEmpty()) {
            notAnObject(origin, root, kind + " has no metadata.name", diagnostics);
            return;
        }
        if (!NAME.matcher(name).matches() || name.equals(".") || name.equals("..")) {
            int[] at = metadata == null ? null : metadata.keyPosition("name");
            diagnostics.report(new Diagnostic(Severity.ERROR, Codes.NOT_AN_OBJECT, kind + " name '" + name
                    + "' is not a valid Kubernetes name", "a name may not be '.' or '..' or contain '/', '%' or spaces; most kinds allow only lower-case letters, digits, '-' and '.'",
                    at == null ? new SourceLocation(origin, root.line(), root.column(), "")
                            : new SourceLocation(origin, at[0], at[1], "metadata.name"), null));
            return;
        }
        String namespace = text(meta.get("namespace"));
        if (CLUSTER_SCOPED.contains(kind)) {
            namespace = "";
        } else if (namespace == null || namespace.isEmpty()) {
            namespace = defaultNamespace;
        } else if (!validNamespace(namespace)) {
            int[] at = metadata.keyPosition("namespace");
            diagnostics.report(new Diagnostic(Severity.ERROR, Codes.NOT_AN_OBJECT, kind + " '" + name + "' has namespace '"
                    + namespace + "', which is not a valid Kubernetes namespace", NAMESPACE_RULE,
                    new SourceLocation(origin, at[0], at[1], "metadata.namespace"), null));
            return;
        } else if (namespaceForced && !namespace.equals(defaultNamespace)) {
            int[] at = metadata.keyPosition("namespace");
            diagnostics.report(new Diagnostic(Severity.ERROR, Codes.NAMESPACE_MISMATCH,
                    kind + " '" + name + "' is in namespace '" + namespace + "', but -n asks for '" + defaultNamespace + "'",
                    "drop -n, or convert this file separately; kubectl refuses the same combination",
                    new SourceLocation(origin, at[0], at[1], "metadata.namespace"), null));
            return;
        }
        Map<String, String> labels = new LinkedHashMap<>();
        YamlNode labelNode = meta.get("labels");
        if (labelNode != null) {
            labelNode.entries().forEach((k, v) -> {
                if (v.shape() == YamlNode.Shape.SCALAR) {
                    labels.put(k, v.text());
                }
            });
        }
        markIdentity(root, "kind", "apiVersion");
        ignore(root, "status", "set by the cluster, not part of the desired state");
        if (metadata != null) {
            markIdentity(metadata, "name", "namespace");
            for (String serverSet : SERVER_SET) {
                ignore(metadata, serverSet, "set by the API server");
            }
            // annotations that only record what a tool did are told apart in the coverage report (KnownAnnotations)
        }
        out.add(new LoadedObject(origin, root, new ObjectRef(ResourceKind.of(apiVersion, kind), namespace, name),
                apiVersion, labels));
    }

    private static void ignore(YamlNode map, String key, String reason) {
        YamlNode node = map.entries().get(key);
        if (node != null) {
            node.ignore(reason);
        }
    }

    private static void markIdentity(YamlNode map, String... keys) {
        for (String key : keys) {
            YamlNode node = map.entries().get(key);
            if (node != null && node.shape() == YamlNode.Shape.SCALAR) {
                node.markConverted();
            }
        }
    }

    private static void notAnObject(String origin, YamlNode root, String why, Diagnostics diagnostics) {
        diagnostics.report(new Diagnostic(Severity.ERROR, Codes.NOT_AN_OBJECT, "not a Kubernetes object: " + why,
                "each YAML document must have apiVersion, kind and metadata.name; is this a Helm template or a values file? "
                        + "render it first (helm template … | kube2ecs convert -f -)",
                new SourceLocation(origin, root.line(), root.column(), ""), null));
    }

    private static String text(YamlNode node) {
        return node != null && node.shape() == YamlNode.Shape.SCALAR ? node.text() : null;
    }
}
