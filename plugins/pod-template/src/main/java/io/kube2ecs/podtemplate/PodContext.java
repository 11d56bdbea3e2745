package io.kube2ecs.podtemplate;

import io.kube2ecs.api.source.Quantity;
import io.kube2ecs.api.source.SourceNode;
import io.kube2ecs.api.source.SourceObject;
import io.kube2ecs.api.spi.MappingContext;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * What the mapping of one pod template knows about the pod: its owner, namespace, labels,
 * annotations, service account and each container's resources. These are read through the
 * index's non-recording view of the owner, so looking them up for one field (a downward-API
 * variable, say) does not count as converting the other.
 */
final class PodContext {

    private final SourceObject owner;
    private final MappingContext context;
    private final Map<String, String> labels;
    private final Map<String, String> annotations;
    private final String serviceAccount;
    private final Map<String, Map<String, Quantity>> resources = new HashMap<>();

    /**
     * @param owner    the workload, as handed to the mapper (recording)
     * @param template from an object's root to its pod template (the node holding metadata and spec)
     * @param context  the mapping context
     */
    PodContext(SourceObject owner, UnaryOperator<SourceNode> template, MappingContext context) {
        this.owner = owner;
        this.context = context;
        SourceNode plain = template.apply(context.objects().find(owner.ref()).orElse(owner).root());
        this.labels = plain.get("metadata").get("labels").asStringMap();
        this.annotations = plain.get("metadata").get("annotations").asStringMap();
        this.serviceAccount = plain.get("spec").get("serviceAccountName").asText()
                .or(() -> plain.get("spec").get("serviceAccount").asText()).orElse("default");
        for (String list : new String[] {"initContainers", "containers"}) {
            for (SourceNode container : plain.get("spec").get(list).items()) {
                Map<String, Quantity> values = new HashMap<>();
                for (String kind : new String[] {"requests", "limits"}) {
                    container.get("resources").get(kind).entries().forEach((resource, node) ->
                            node.asText().flatMap(Quantity::parse).ifPresent(q -> values.put(kind + "." + resource, q)));
                }
                resources.put(container.get("name").asText().orElse(""), values);
            }
        }
    }

    SourceObject owner() { return owner; }
    MappingContext context() { return context; }
    String namespace() { return owner.namespace(); }
    Map<String, String> labels() { return labels; }
    Map<String, String> annotations() { return annotations; }
    String serviceAccount() { return serviceAccount; }

    /** @return the container's requests and limits as {@code requests.cpu}, {@code limits.memory}, … */
    Map<String, Quantity> resourcesOf(String container) {
        return resources.getOrDefault(container, Map.of());
    }
}
