package io.kube2ecs.plugin.source.cluster;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.kube2ecs.api.spi.InputRequest;
import io.kube2ecs.api.spi.InputSink;
import io.kube2ecs.api.spi.InputSource;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code cluster} input source: reads, with read-only calls, the objects of the kinds that have
 * mappers from a live cluster, cleans them into manifests and hands each to the core as YAML named
 * {@code cluster:<context>/<namespace>/<Kind>/<name>}, so diagnostics point at the cluster object
 * and the path inside it.
 *
 * <p>Options ({@link InputRequest#options()}), all optional:
 * <ul>
 *   <li>{@value #KUBECONFIG}: a kubeconfig file (default: {@code KUBECONFIG}, then {@code ~/.kube/config},
 *       then the in-cluster service account);</li>
 *   <li>{@value #CONTEXT}: the context; without it the user is asked when someone can be asked, else
 *       the current context is used and named in a notice;</li>
 *   <li>{@value #NAMESPACES}: comma-separated namespaces; {@value #ALL_NAMESPACES} {@code true} for every
 *       namespace but {@code kube-system}, {@code kube-public} and {@code kube-node-lease}; neither: the
 *       context's namespace;</li>
 *   <li>{@value #SELECTOR}: a label selector, as {@code kubectl -l} takes it;</li>
 *   <li>{@value #SAVE_MANIFESTS}: a folder to write what was read into, as YAML; Secret values are
 *       left out unless {@value #INCLUDE_SECRET_VALUES} is {@code true}.</li>
 * </ul>
 */
public final class ClusterInputSource implements InputSource {

    /** The source id. */
    public static final String ID = "cluster";
    /** Option: the kubeconfig file. */
    public static final String KUBECONFIG = "kubeconfig";
    /** Option: the context name. */
    public static final String CONTEXT = "context";
    /** Option: comma-separated namespaces. */
    public static final String NAMESPACES = "namespaces";
    /** Option: {@code true} to read every namespace but the system ones. */
    public static final String ALL_NAMESPACES = "allNamespaces";
    /** Option: a label selector. */
    public static final String SELECTOR = "selector";
    /** Option: the folder to save what was read into. */
    public static final String SAVE_MANIFESTS = "saveManifests";
    /** Option: {@code true} to keep Secret values in the saved manifests. */
    public static final String INCLUDE_SECRET_VALUES = "includeSecretValues";

    /** Creates the source; does no work. */
    public ClusterInputSource() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void read(InputRequest request, InputSink sink) {
        Map<String, String> options = request.options();
        Optional<KubeContext> context = KubeContext.choose(options.get(KUBECONFIG), options.get(CONTEXT), sink);
        if (context.isEmpty()) {
            return;
        }
        List<String> namespaces = options.getOrDefault(NAMESPACES, "").isBlank() ? List.of()
                : Arrays.stream(options.get(NAMESPACES).split(",")).map(String::trim).filter(s -> !s.isEmpty())
                        .distinct().sorted().toList();
        ClusterReader.Scope scope = new ClusterReader.Scope(namespaces, Boolean.parseBoolean(options.get(ALL_NAMESPACES)),
                options.get(SELECTOR));
        try (KubernetesClient client = new KubernetesClientBuilder().withConfig(context.get().config()).build()) {
            List<ClusterReader.ReadObject> objects = new ClusterReader(client, context.get(), scope, sink)
                    .read(request.kinds(), request.reportedKinds());
            for (ClusterReader.ReadObject object : objects) {
                // the same first line as the file --save-manifests writes, so diagnostics' lines match it
                sink.accept(object.origin(), ManifestSaver.header(object, false) + YamlText.of(object.cleaned()));
            }
            String save = options.get(SAVE_MANIFESTS);
            if (save != null && !save.isBlank()) {
                ManifestSaver.save(java.nio.file.Path.of(save), context.get().name(), objects,
                        Boolean.parseBoolean(options.get(INCLUDE_SECRET_VALUES)), sink);
            }
        }
    }
}
