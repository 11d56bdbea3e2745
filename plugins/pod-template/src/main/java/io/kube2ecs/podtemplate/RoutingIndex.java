package io.kube2ecs.podtemplate;

import io.kube2ecs.api.source.LabelSelector;
import io.kube2ecs.api.source.ResourceKind;
import io.kube2ecs.api.source.SourceNode;
import io.kube2ecs.api.source.SourceObject;
import io.kube2ecs.api.spi.ObjectIndex;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which Services select which workloads, per namespace, with label-pair posting lists, so that
 * matching costs about the number of matches instead of Services × workloads (which grew
 * quadratically with the size of a namespace). Built once per input and shared by every mapper that
 * asks; answers in the same order as a scan would.
 */
final class RoutingIndex {

    /** A name a container's environment might call a Service by: after a start or separator, before a port, a slash or the end. */
    private static final Pattern CANDIDATE = Pattern.compile("(?:^|[/@=,\\s])([a-z0-9]([-a-z0-9]*[a-z0-9])?)(?=:\\d+|$|/)");

    private final Map<String, Namespace> namespaces = new HashMap<>();

    /** One namespace's workloads and Services. */
    private static final class Namespace {
        final List<SourceObject> workloads = new ArrayList<>();
        final List<Map<String, String>> workloadLabels = new ArrayList<>();
        final Map<String, List<Integer>> workloadsByLabel = new HashMap<>();
        final List<SourceObject> services = new ArrayList<>();
        final Map<String, List<Integer>> servicesByFirstPair = new HashMap<>();
        final List<Map<String, String>> serviceSelectors = new ArrayList<>();
        Map<String, List<SourceNode>> environmentNames;
        List<IngressRoute> ingressRoutes;
        Map<String, List<Integer>> ingressRoutesByService;
    }

    /**
     * One Service an Ingress of the namespace sends traffic to (after {@code use-annotation} forward
     * actions), in the order a scan of the namespace's Ingresses and their backends meets it.
     *
     * @param ingress the Ingress
     * @param backend the backend naming the Service
     */
    record IngressRoute(SourceObject ingress, ServiceRouting.Backend backend) {
    }

    private RoutingIndex() {
    }

    static RoutingIndex of(ObjectIndex index) {
        // one per input, let go with it
        return index.shared(RoutingIndex.class, i -> new RoutingIndex());
    }

    private synchronized Namespace namespace(ObjectIndex index, String name) {
        return namespaces.computeIfAbsent(name, n -> {
            Namespace namespace = new Namespace();
            LabelSelector everything = LabelSelector.of(Map.of());
            for (ResourceKind kind : ServiceRouting.WORKLOADS) {
                for (SourceObject workload : index.select(kind, n, everything)) {
                    if (!ServiceRouting.standalone(workload)) {
                        continue;
                    }
                    Map<String, String> labels = ServiceRouting.podTemplate(workload).get("metadata").get("labels").asStringMap();
                    int position = namespace.workloads.size();
                    namespace.workloads.add(workload);
                    namespace.workloadLabels.add(labels);
                    labels.forEach((key, value) -> namespace.workloadsByLabel.computeIfAbsent(pair(key, value), p -> new ArrayList<>())
                            .add(position));
                }
            }
            for (SourceObject service : index.select(ServiceRouting.SERVICE, n, everything)) {
                Map<String, String> selector = service.root().get("spec").get("selector").asStringMap();
                int position = namespace.services.size();
                namespace.services.add(service);
                namespace.serviceSelectors.add(selector);
                if (!selector.isEmpty()) {
                    String first = new TreeSet<>(selector.keySet()).first();
                    namespace.servicesByFirstPair.computeIfAbsent(pair(first, selector.get(first)), p -> new ArrayList<>()).add(position);
                }
            }
            return namespace;
        });
    }

    private static String pair(String key, String value) {
        return key + "\u0000" + value;
    }

    /** @return the standalone workloads of the Service's namespace its selector matches, in scan order */
    List<SourceObject> selectedWorkloads(ObjectIndex index, SourceObject service, Map<String, String> selector) {
        if (selector.isEmpty()) {
            return List.of();
        }
        Namespace namespace = namespace(index, service.namespace());
        String first = new TreeSet<>(selector.keySet()).first();
        LabelSelector labels = LabelSelector.of(selector);
        List<SourceObject> out = new ArrayList<>();
        for (int position : namespace.workloadsByLabel.getOrDefault(pair(first, selector.get(first)), List.of())) {
            if (labels.matches(namespace.workloadLabels.get(position))) {
                out.add(namespace.workloads.get(position));
            }
        }
        return out;
    }

    /** @return the Services of the workload's namespace that select it, sorted by name */
    List<SourceObject> servicesSelecting(ObjectIndex index, SourceObject workload, Map<String, String> labels) {
        Namespace namespace = namespace(index, workload.namespace());
        TreeSet<Integer> candidates = new TreeSet<>();
        labels.forEach((key, value) -> candidates.addAll(namespace.servicesByFirstPair.getOrDefault(pair(key, value), List.of())));
        List<SourceObject> out = new ArrayList<>();
        for (int position : candidates) {
            if (LabelSelector.of(namespace.serviceSelectors.get(position)).matches(labels)) {
                out.add(namespace.services.get(position));
            }
        }
        return out;
    }

    /** @return the {@code env[]} entries of the namespace's standalone workloads that name {@code service} as a host */
    List<SourceNode> environmentNaming(ObjectIndex index, String namespaceName, String service) {
        Namespace namespace = namespace(index, namespaceName);
        synchronized (this) {
            if (namespace.environmentNames == null) {
                namespace.environmentNames = new HashMap<>();
                for (SourceObject workload : namespace.workloads) {
                    for (SourceNode container : ServiceRouting.podTemplate(workload).get("spec").get("containers").items()) {
                        for (SourceNode env : container.get("env").items()) {
                            String value = env.get("value").asText().orElse("");
                            Set<String> names = new LinkedHashSet<>();
                            Matcher matcher = CANDIDATE.matcher(value);
                            for (int from = 0; from < value.length() && matcher.find(from); from = matcher.start(1) + 1) {
                                names.add(matcher.group(1));
                            }
                            names.forEach(name -> namespace.environmentNames.computeIfAbsent(name, x -> new ArrayList<>()).add(env));
                        }
                    }
                }
            }
        }
        return namespace.environmentNames.getOrDefault(service, List.of());
    }

    /**
     * @return the Ingress routes of the namespace to any of the named Services, in scan order; each
     *         workload asked every Ingress of its namespace before, Ingresses × workloads in all
     */
    List<IngressRoute> ingressRoutesTo(ObjectIndex index, String namespaceName, java.util.Collection<String> services) {
        Namespace namespace = namespace(index, namespaceName);
        synchronized (this) {
            if (namespace.ingressRoutes == null) {
                namespace.ingressRoutes = new ArrayList<>();
                namespace.ingressRoutesByService = new HashMap<>();
                LabelSelector everything = LabelSelector.of(Map.of());
                for (ResourceKind kind : ServiceRouting.INGRESSES) {
                    for (SourceObject ingress : index.select(kind, namespaceName, everything)) {
                        for (ServiceRouting.Backend plain : ServiceRouting.backends(ingress)) {
                            for (ServiceRouting.Backend backend : ServiceRouting.forwardTargets(ingress, plain)) {
                                namespace.ingressRoutesByService.computeIfAbsent(backend.service(), x -> new ArrayList<>())
                                        .add(namespace.ingressRoutes.size());
                                namespace.ingressRoutes.add(new IngressRoute(ingress, backend));
                            }
                        }
                    }
                }
            }
        }
        TreeSet<Integer> positions = new TreeSet<>();
        for (String service : services) {
            positions.addAll(namespace.ingressRoutesByService.getOrDefault(service, List.of()));
        }
        List<IngressRoute> out = new ArrayList<>(positions.size());
        positions.forEach(position -> out.add(namespace.ingressRoutes.get(position)));
        return out;
    }
}
