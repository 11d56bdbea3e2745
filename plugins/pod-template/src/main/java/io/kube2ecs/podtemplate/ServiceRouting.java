package io.kube2ecs.podtemplate;

import io.kube2ecs.api.source.LabelSelector;
import io.kube2ecs.api.source.ResourceKind;
import io.kube2ecs.api.source.SourceNode;
import io.kube2ecs.api.source.SourceObject;
import io.kube2ecs.api.spi.ObjectIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How traffic reaches workloads, computed the same way by both sides: the Service and Ingress
 * mappers (which create Cloud Map services, load balancers and target groups) and the workload
 * mappers (which attach their ECS service to them). Works on the index's non-recording views.
 */
public final class ServiceRouting {

    /** Core Services. */
    public static final ResourceKind SERVICE = new ResourceKind("", "Service");
    /** Ingresses of every served group, newest first. */
    public static final List<ResourceKind> INGRESSES = List.of(new ResourceKind("networking.k8s.io", "Ingress"),
            new ResourceKind("extensions", "Ingress"));
    /** The workload kinds that become ECS services or tasks. */
    public static final List<ResourceKind> WORKLOADS = List.of(new ResourceKind("apps", "Deployment"),
            new ResourceKind("apps", "ReplicaSet"), new ResourceKind("apps", "StatefulSet"), new ResourceKind("", "Pod"));

    private ServiceRouting() {
    }

    /** A container port that a Service port sends traffic to. */
    public record Target(String container, int port) {
    }

    /** A backend an Ingress routes to: a Service and its port (number or name, as written). */
    public record Backend(String service, String port, SourceNode at) {
    }

    /**
     * @param workload a Deployment, ReplicaSet or Pod
     * @return its pod template (metadata and spec)
     */
    public static SourceNode podTemplate(SourceObject workload) {
        return workload.kind().kind().equals("Pod") ? workload.root() : workload.root().get("spec").get("template");
    }

    /**
     * @param workload a workload
     * @return whether it is converted on its own (not a ReplicaSet or Pod owned by a controller)
     */
    public static boolean standalone(SourceObject workload) {
        return workload.kind().kind().equals("Deployment") || workload.kind().kind().equals("StatefulSet")
                || workload.root().get("metadata").get("ownerReferences").items().isEmpty();
    }

    /**
     * @param service a Service (plain view)
     * @param index   the input
     * @return the workloads of its namespace whose pods its selector matches; none without a selector
     */
    public static List<SourceObject> selectedWorkloads(SourceObject service, ObjectIndex index) {
        return RoutingIndex.of(index).selectedWorkloads(index, service, service.root().get("spec").get("selector").asStringMap());
    }

    /**
     * @param workload a workload (plain view)
     * @param index    the input
     * @return the Services of its namespace that select it, sorted by name
     */
    public static List<SourceObject> servicesSelecting(SourceObject workload, ObjectIndex index) {
        return RoutingIndex.of(index).servicesSelecting(index, workload, podTemplate(workload).get("metadata").get("labels").asStringMap());
    }

    /**
     * @param namespace a namespace
     * @param service   a Service name
     * @param index     the input
     * @return the {@code env[]} entries of the namespace's workloads whose value calls {@code service}
     *         by its short name as a host ({@code http://name:8080/…}, {@code name:6379}), in scan order
     */
    public static List<SourceNode> environmentNaming(String namespace, String service, ObjectIndex index) {
        return RoutingIndex.of(index).environmentNaming(index, namespace, service);
    }

    /**
     * Resolves a Service port's {@code targetPort} against a workload's containers: a number goes
     * to the container that declares it (or the first container, as the pod IP takes any port); a
     * name to the container port with that name.
     *
     * @param servicePort an element of the Service's {@code spec.ports}
     * @param workload    a selected workload
     * @return the container and port, or empty when a named port does not exist
     */
    public static Optional<Target> target(SourceNode servicePort, SourceObject workload) {
        SourceNode targetPort = servicePort.get("targetPort");
        OptionalInt number = targetPort.exists() ? targetPort.asInt() : servicePort.get("port").asInt();
        List<SourceNode> containers = podTemplate(workload).get("spec").get("containers").items();
        if (containers.isEmpty()) {
            return Optional.empty();
        }
        if (number.isPresent()) {
            for (SourceNode container : containers) {
                for (SourceNode port : container.get("ports").items()) {
                    if (port.get("containerPort").asInt().equals(number)) {
                        return Optional.of(new Target(container.get("name").asText().orElse(""), number.getAsInt()));
                    }
                }
            }
            return Optional.of(new Target(containers.get(0).get("name").asText().orElse(""), number.getAsInt()));
        }
        String name = targetPort.asText().orElse("");
        for (SourceNode container : containers) {
            for (SourceNode port : container.get("ports").items()) {
                if (port.get("name").asText().map(name::equals).orElse(false) && port.get("containerPort").asInt().isPresent()) {
                    return Optional.of(new Target(container.get("name").asText().orElse(""),
                            port.get("containerPort").asInt().getAsInt()));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * @param service a Service (plain view)
     * @param port    a port number or name, as an Ingress backend gives it
     * @return the Service's port entry, if any
     */
    public static Optional<SourceNode> servicePort(SourceObject service, String port) {
        for (SourceNode entry : service.root().get("spec").get("ports").items()) {
            String number = entry.get("port").asText().orElse("");
            String name = entry.get("name").asText().orElse("");
            if (number.equals(port) || name.equals(port)) {
                return Optional.of(entry);
            }
        }
        return Optional.empty();
    }

    /**
     * @param service a Service (plain view)
     * @param port    a port number or name, as an Ingress backend gives it
     * @return the Service port's number as text when the port exists, else the port as given; so a
     *         backend named by port name and one by number share one target group
     */
    public static String portNumber(SourceObject service, String port) {
        return servicePort(service, port).flatMap(p -> p.get("port").asText()).orElse(port);
    }

    /**
     * @param ingress an Ingress (any served version)
     * @return its backends: the default backend first, then each path's, in order
     */
    public static List<Backend> backends(SourceObject ingress) {
        List<Backend> out = new ArrayList<>();
        SourceNode spec = ingress.root().get("spec");
        SourceNode fallback = spec.get("defaultBackend").exists() ? spec.get("defaultBackend") : spec.get("backend");
        backend(fallback).ifPresent(out::add);
        for (SourceNode rule : spec.get("rules").items()) {
            for (SourceNode path : rule.get("http").get("paths").items()) {
                backend(path.get("backend")).ifPresent(out::add);
            }
        }
        return out;
    }

    /**
     * @param backend an Ingress backend node, v1 ({@code service.name/port}) or v1beta1
     *                ({@code serviceName/servicePort})
     * @return the backend, or empty for a resource backend or an absent node
     */
    public static Optional<Backend> backend(SourceNode backend) {
        if (!backend.exists()) {
            return Optional.empty();
        }
        SourceNode service = backend.get("service");
        if (service.exists()) {
            SourceNode port = service.get("port");
            String value = port.get("number").asText().or(() -> port.get("name").asText()).orElse("");
            return service.get("name").asText().map(name -> new Backend(name, value, backend));
        }
        return backend.get("serviceName").asText().map(name -> new Backend(name,
                backend.get("servicePort").asText().orElse(""), backend));
    }

    private static final java.util.regex.Pattern FORWARD_TARGET = java.util.regex.Pattern.compile(
            "\"serviceName\"\\s*:\\s*\"([^\"]+)\"\\s*,\\s*\"servicePort\"\\s*:\\s*\"?([^\",}]+)\"?");

    /**
     * The Services a backend sends traffic to: itself, or for {@code use-annotation} the Services of
     * the {@code alb.ingress.kubernetes.io/actions.<name>} forward action.
     *
     * @param ingress an Ingress
     * @param backend one of its backends
     * @return the backends traffic reaches
     */
    public static List<Backend> forwardTargets(SourceObject ingress, Backend backend) {
        if (!backend.port().equals("use-annotation")) {
            return List.of(backend);
        }
        String action = ingress.root().get("metadata").get("annotations")
                .get("alb.ingress.kubernetes.io/actions." + backend.service()).asText().orElse("");
        List<Backend> out = new ArrayList<>();
        java.util.regex.Matcher m = FORWARD_TARGET.matcher(action);
        if (action.contains("\"forward\"") && m.find()) {
            out.add(new Backend(m.group(1), m.group(2).trim(), backend.at()));
        }
        return out;
    }

    /**
     * @param ingress an Ingress
     * @return its load-balancer group: {@code alb.ingress.kubernetes.io/group.name}, else
     *         {@code <namespace>/<name>}
     */
    public static String group(SourceObject ingress) {
        return ingress.root().get("metadata").get("annotations").get("alb.ingress.kubernetes.io/group.name").asText()
                .orElse(ingress.namespace() + "/" + ingress.name());
    }
}
