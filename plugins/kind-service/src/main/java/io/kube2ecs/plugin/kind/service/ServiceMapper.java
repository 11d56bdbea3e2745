package io.kube2ecs.plugin.kind.service;

import io.kube2ecs.api.diag.Diagnostics;
import io.kube2ecs.api.model.CloudMapNamespace;
import io.kube2ecs.api.model.CloudMapService;
import io.kube2ecs.api.model.DeploymentModel;
import io.kube2ecs.api.model.LoadBalancer;
import io.kube2ecs.api.model.ModelIds;
import io.kube2ecs.api.model.ResourceId;
import io.kube2ecs.api.model.TargetGroup;
import io.kube2ecs.api.model.Value;
import io.kube2ecs.api.source.NodeType;
import io.kube2ecs.api.source.ResourceKind;
import io.kube2ecs.api.source.SourceNode;
import io.kube2ecs.api.source.SourceObject;
import io.kube2ecs.api.spi.FieldSupport;
import io.kube2ecs.api.spi.KindMapper;
import io.kube2ecs.api.spi.MappingContext;
import io.kube2ecs.podtemplate.HealthChecks;
import io.kube2ecs.podtemplate.Names;
import io.kube2ecs.podtemplate.SecurityGroups;
import io.kube2ecs.podtemplate.SourceRanges;
import io.kube2ecs.podtemplate.ServiceRouting;
import io.kube2ecs.podtemplate.Tags;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A Service: the workloads it selects register in Cloud Map under
 * {@code <service>.<namespace>.svc.cluster.local} (or publish Service Connect endpoints that also
 * answer the short name); a LoadBalancer Service also gets a load balancer with one listener and
 * one {@code ip} target group per port. The workload mappers attach their ECS services to these.
 */
public final class ServiceMapper implements KindMapper {

    static final String CODE_SELECTOR = "SVC001";
    static final String CODE_PORT = "SVC002";
    static final String CODE_TYPE = "SVC003";
    static final String CODE_REGISTRY = "SVC004";
    static final String CODE_ANNOTATION = "SVC005";
    static final String CODE_SHORT_NAME = "SVC006";
    static final String CODE_DNS_PORT = "SVC007";
    static final String CODE_SOURCE_RANGES = "SVC008";
    /** The legacy annotation that {@code spec.loadBalancerSourceRanges} replaced; the field wins when both are set. */
    static final String SOURCE_RANGES_ANNOTATION = "service.beta.kubernetes.io/load-balancer-source-ranges";

    private static final String AWS_LB = "service.beta.kubernetes.io/aws-load-balancer-";
    private static final Set<String> HTTP_PROTOCOLS = Set.of("http", "https", "http2", "h2c", "grpc", "kubernetes.io/h2c",
            "kubernetes.io/ws", "kubernetes.io/wss");

    @Override
    public List<FieldSupport> fieldSupport() {
        String lb = "metadata.annotations.service.beta.kubernetes.io/aws-load-balancer-";
        List<FieldSupport> out = new java.util.ArrayList<>(List.of(
                FieldSupport.mapped("metadata.labels.*", "tags of the Cloud Map service and the load balancer"),
                FieldSupport.partial("spec.type", "ClusterIP: Cloud Map (or Service Connect); NodePort like ClusterIP (warning); "
                        + "LoadBalancer: also an NLB or ALB with ip target groups; ExternalName: not converted (warning with the CNAME)"),
                FieldSupport.mapped("spec.selector.*", "the Deployments, ReplicaSets and Pods whose ECS services register in it"),
                FieldSupport.mapped("spec.ports[].port", "the load balancer listener port; Service Connect client alias port"),
                FieldSupport.mapped("spec.ports[].targetPort", "the container port, by number or by port name"),
                FieldSupport.mapped("spec.ports[].name", "matched by ssl-ports; an http or grpc prefix makes the protocol HTTP; "
                        + "part of the Service Connect port name"),
                FieldSupport.mapped("spec.ports[].protocol", "listener and target group protocol"),
                FieldSupport.mapped("spec.ports[].appProtocol", "HTTP-like protocols make the listener HTTP"),
                FieldSupport.ignored("spec.ports[].nodePort", "Fargate has no node ports"),
                FieldSupport.ignored("spec.externalName", "a DNS alias: create the CNAME in Cloud Map or Route 53 (warning)"),
                FieldSupport.partial("spec.sessionAffinity", "ClientIP is not converted (warning): use target group stickiness"),
                FieldSupport.ignored("spec.sessionAffinityConfig", "goes with sessionAffinity"),
                FieldSupport.ignored("spec.clusterIP", "ECS tasks get their own IPs; the Cloud Map name resolves to them"),
                FieldSupport.ignored("spec.clusterIPs", "ECS tasks get their own IPs; the Cloud Map name resolves to them"),
                FieldSupport.ignored("spec.ipFamilies", "the VPC's subnets decide the IP families"),
                FieldSupport.ignored("spec.ipFamilyPolicy", "the VPC's subnets decide the IP families"),
                FieldSupport.ignored("spec.internalTrafficPolicy", "Fargate has no nodes to keep traffic local to"),
                FieldSupport.ignored("spec.externalTrafficPolicy", "load balancers send to task IPs directly"),
                FieldSupport.ignored("spec.allocateLoadBalancerNodePorts", "load balancers target task IPs"),
                FieldSupport.ignored("spec.loadBalancerClass", "the AWS Load Balancer Controller's class; ECS uses Elastic Load Balancing directly"),
                FieldSupport.ignored("spec.loadBalancerIP", "Elastic Load Balancing assigns addresses"),
                FieldSupport.mapped("spec.loadBalancerSourceRanges", "the load balancer security group's inbound rules: IPv4 "
                        + "ranges only (IPv6 and malformed ones are left out and reported, SVC008)")));
        for (String setting : List.of("type", "scheme", "internal", "ssl-cert", "ssl-ports", "backend-protocol", "nlb-target-type",
                "healthcheck-path", "healthcheck-port", "healthcheck-protocol", "healthcheck-interval", "healthcheck-timeout",
                "healthcheck-healthy-threshold", "healthcheck-unhealthy-threshold", "healthcheck-success-codes")) {
            out.add(FieldSupport.mapped(lb + setting, "the load balancer, listeners and target groups"));
        }
        out.add(FieldSupport.partial("metadata.annotations." + SOURCE_RANGES_ANNOTATION, "as spec.loadBalancerSourceRanges when "
                + "that field is empty; left out (K2E202) when it is set, as Kubernetes does"));
        out.add(FieldSupport.partial("metadata.annotations.service.beta.kubernetes.io/aws-load-balancer-*", "the settings listed "
                + "here are converted; any other is reported"));
        return out;
    }

    @Override
    public ResourceKind kind() {
        return ServiceRouting.SERVICE;
    }

    @Override
    public void map(SourceObject service, MappingContext context) {
        Diagnostics diagnostics = context.diagnostics();
        SourceNode spec = service.root().get("spec");
        String type = spec.get("type").asText().orElse("ClusterIP");
        SourceObject plain = context.objects().find(service.ref()).orElse(service);
        if (type.equals("ExternalName")) {
            diagnostics.warning(spec.get("externalName"), CODE_TYPE, "ExternalName Service '" + service.name()
                    + "' is a DNS alias, which ECS does not create",
                    "create a CNAME record '" + service.name() + "." + service.namespace() + ".svc.cluster.local' in the Cloud Map "
                            + "namespace (or Route 53), or give the clients the target name " + spec.get("externalName").asText().orElse("")
                            + " directly");
            spec.get("type").markConverted();
            return;
        }
        List<SourceObject> workloads = ServiceRouting.selectedWorkloads(plain, context.objects());
        SourceNode selector = spec.get("selector");
        selector.markConverted();
        if (!selector.exists() || selector.entries().isEmpty()) {
            diagnostics.warning(spec.get("selector").exists() ? selector : spec, CODE_SELECTOR, "Service '" + service.name()
                    + "' has no selector: its endpoints are managed by hand, which ECS has no equivalent for",
                    "register the targets in Cloud Map (or a target group) by hand, or give the Service a selector");
        } else if (workloads.isEmpty()) {
            diagnostics.warning(selector, CODE_SELECTOR, "Service '" + service.name() + "' selects no Deployment, ReplicaSet or "
                    + "Pod of the input, so nothing will answer it", "check the labels, or convert the workload together with it");
        } else if (workloads.stream().allMatch(w -> w.kind().kind().equals("Pod"))) {
            // a bare Pod becomes a one-off task (run-task), which can join neither a Cloud Map service nor a target group
            diagnostics.warning(selector, CODE_SELECTOR, "Service '" + service.name() + "' selects only bare Pods ("
                    + workloads.stream().map(w -> w.ref().toString()).collect(Collectors.joining(", ")) + "), which become one-off "
                    + "tasks: they register in neither its Cloud Map service nor a load balancer, so nothing will answer it",
                    "convert the Pod as a Deployment with replicas: 1, whose ECS service keeps it running and registered");
        }
        if (type.equals("NodePort")) {
            diagnostics.warning(spec.get("type"), CODE_TYPE, "NodePort has no meaning on Fargate (there are no nodes); the Service "
                    + "is converted like ClusterIP", "to reach it from outside the VPC, make it type LoadBalancer or add an Ingress");
        }
        spec.get("type").markConverted();
        ports(service, spec, workloads, diagnostics);
        for (SourceNode port : spec.get("ports").items()) {
            String protocol = port.get("protocol").asText().orElse("TCP").toLowerCase(Locale.ROOT);
            workloads.stream().map(w -> ServiceRouting.target(port, w)).flatMap(Optional::stream).map(ServiceRouting.Target::port)
                    .distinct().sorted().forEach(p -> SecurityGroups.allowFromTasks(service.namespace(), protocol, p,
                            "Service " + service.name(), context));
        }
        discovery(service, workloads, context);
        if (type.equals("LoadBalancer")) {
            loadBalancer(service, spec, workloads, context);
        }
        shortNameCallers(service, context);
        spec.get("clusterIP").ignore("ECS tasks get their own IPs; the Cloud Map name resolves to them");
        spec.get("clusterIPs").ignore("ECS tasks get their own IPs; the Cloud Map name resolves to them");
        spec.get("ipFamilies").ignore("the VPC's subnets decide the IP families");
        spec.get("ipFamilyPolicy").ignore("the VPC's subnets decide the IP families");
        spec.get("internalTrafficPolicy").ignore("Fargate has no nodes to keep traffic local to");
        spec.get("externalTrafficPolicy").ignore("load balancers send to task IPs directly; there are no node hops");
        spec.get("allocateLoadBalancerNodePorts").ignore("load balancers target task IPs; there are no node ports");
        SourceNode affinity = spec.get("sessionAffinity");
        if (affinity.asText().map("ClientIP"::equals).orElse(false)) {
            diagnostics.warning(affinity, CODE_TYPE, "ClientIP session affinity is not converted; Cloud Map answers with every task",
                    "use target group stickiness behind a load balancer");
        }
        spec.get("sessionAffinityConfig").markConverted();
    }

    private static void ports(SourceObject service, SourceNode spec, List<SourceObject> workloads, Diagnostics diagnostics) {
        for (SourceNode port : spec.get("ports").items()) {
            port.get("port").asInt();
            port.get("name").asText();
            port.get("protocol").asText();
            port.get("appProtocol").asText();
            port.get("nodePort").ignore("Fargate has no node ports");
            SourceNode targetPort = port.get("targetPort");
            targetPort.asText();
            for (SourceObject workload : workloads) {
                if (ServiceRouting.target(port, workload).isEmpty()) {
                    diagnostics.error(targetPort, CODE_PORT, "targetPort '" + targetPort.asText().orElse("") + "' of Service '"
                            + service.name() + "' names no port of " + workload.ref(),
                            "name the container port '" + targetPort.asText().orElse("") + "', or give the port number");
                }
            }
        }
    }

    private static void discovery(SourceObject service, List<SourceObject> workloads, MappingContext context) {
        DeploymentModel model = context.model();
        String namespace = service.namespace();
        ResourceId namespaceId = ModelIds.cloudMapNamespace(namespace);
        if (model.find(namespaceId, CloudMapNamespace.class).isEmpty()) {
            CloudMapNamespace dns = new CloudMapNamespace(namespaceId, namespaceId.name());
            dns.addOrigin(service.ref());
            model.add(dns);
        }
        CloudMapService discovery = new CloudMapService(ModelIds.cloudMapService(namespace, service.name()), service.name(), namespaceId);
        discovery.addOrigin(service.ref());
        discovery.tags().putAll(Tags.of(service.root().get("metadata"), context.settings(), context.diagnostics()));
        model.add(discovery);
        if ("service-connect".equals(context.settings().serviceDiscovery())) {
            if (workloads.size() > 1) {
                context.diagnostics().warning(service.root().get("spec").get("selector"), CODE_REGISTRY, "Service Connect names one "
                        + "endpoint per name: only " + workloads.get(0).ref() + " answers '" + service.name() + "'; "
                        + workloads.subList(1, workloads.size()).stream().map(w -> w.ref().toString()).toList() + " are clients only",
                        "merge the versions into one ECS service, or use serviceDiscovery: cloudmap, where several ECS services "
                                + "can register under one name");
            }
            return;
        }
        for (SourceNode port : service.root().get("spec").get("ports").items()) {
            int number = port.get("port").asInt().orElse(0);
            workloads.stream().map(w -> ServiceRouting.target(port, w)).flatMap(Optional::stream).findFirst()
                    .filter(target -> target.port() != number).ifPresent(target -> context.diagnostics().warning(port.get("port"),
                            CODE_DNS_PORT, "Cloud Map DNS records carry no port: clients of '" + service.name() + "' must call port "
                                    + target.port() + " instead of " + number,
                            "change the clients' port, make the container listen on " + number
                                    + ", or use serviceDiscovery: service-connect, which keeps the Service port"));
        }
        for (SourceObject workload : workloads) {
            List<SourceObject> selecting = ServiceRouting.servicesSelecting(workload, context.objects()).stream()
                    .filter(s -> !s.root().get("spec").get("type").asText().map("ExternalName"::equals).orElse(false)).toList();
            if (!selecting.isEmpty() && !selecting.get(0).name().equals(service.name())) {
                context.diagnostics().warning(service.root().get("spec").get("selector"), CODE_REGISTRY, workload.ref()
                        + " registers in Cloud Map as '" + selecting.get(0).name() + "'; an ECS service has one registry, so the name '"
                        + service.name() + "' will not resolve to it",
                        "set serviceDiscovery: service-connect in the profile (one ECS service can publish several names), or point "
                                + "the clients of '" + service.name() + "' at '" + selecting.get(0).name() + "'");
            }
        }
    }

    private static void loadBalancer(SourceObject service, SourceNode spec, List<SourceObject> workloads, MappingContext context) {
        Diagnostics diagnostics = context.diagnostics();
        SourceNode annotations = service.root().get("metadata").get("annotations");
        String lbType = annotations.get(AWS_LB + "type").asText().orElse("");
        boolean network = lbType.equals("nlb") || lbType.equals("external") || lbType.equals("nlb-ip");
        List<SourceNode> ports = spec.get("ports").items();
        if (!network) {
            network = ports.stream().anyMatch(p -> !httpLike(p));
        }
        String scheme = annotations.get(AWS_LB + "scheme").asText().orElse(null);
        String internal = annotations.get(AWS_LB + "internal").asText().orElse(null);
        boolean internetFacing = scheme != null ? scheme.equals("internet-facing")
                : internal != null ? internal.equals("false") : context.settings().internetFacingByDefault();
        String certificate = annotations.get(AWS_LB + "ssl-cert").asText().orElse(null);
        String sslPorts = annotations.get(AWS_LB + "ssl-ports").asText().orElse("*");
        String backendProtocol = annotations.get(AWS_LB + "backend-protocol").asText().orElse("").toUpperCase(Locale.ROOT);
        String namespace = service.namespace();
        LoadBalancer balancer = new LoadBalancer(ModelIds.serviceLoadBalancer(namespace, service.name()),
                Names.elb(context.settings(), namespace, service.name()), network ? "network" : "application", internetFacing);
        balancer.addOrigin(service.ref());
        balancer.tags().putAll(Tags.of(service.root().get("metadata"), context.settings(), diagnostics));
        List<TargetGroup> groups = new ArrayList<>();
        for (SourceNode port : ports) {
            int number = port.get("port").asInt().orElse(0);
            String protocol = port.get("protocol").asText().orElse("TCP");
            String name = port.get("name").asText().orElse("");
            boolean tls = certificate != null && (sslPorts.equals("*") || List.of(sslPorts.split("\\s*,\\s*")).contains(name)
                    || List.of(sslPorts.split("\\s*,\\s*")).contains(Integer.toString(number)));
            String listenerProtocol = network ? (protocol.equals("UDP") ? "UDP" : tls ? "TLS" : "TCP") : tls ? "HTTPS" : "HTTP";
            String targetProtocol = network ? (protocol.equals("UDP") ? "UDP" : "TCP") : backendProtocol.equals("HTTPS") ? "HTTPS" : "HTTP";
            Optional<ServiceRouting.Target> target = workloads.stream().map(w -> ServiceRouting.target(port, w))
                    .flatMap(Optional::stream).findFirst();
            int targetPort = target.map(ServiceRouting.Target::port).orElse(number);
            TargetGroup group = new TargetGroup(ModelIds.serviceTargetGroup(namespace, service.name(), number),
                    Names.elb(context.settings(), namespace, service.name() + "-" + number), targetPort, targetProtocol);
            group.addOrigin(service.ref());
            workloads.stream().findFirst().ifPresent(w -> target.ifPresent(t -> HealthChecks.fromReadiness(group, w, t)));
            HealthChecks.fromServiceAnnotations(group, annotations);
            context.model().add(group);
            groups.add(group);
            balancer.listeners().add(new LoadBalancer.Listener(number, listenerProtocol,
                    tls ? List.of(Value.of(certificate)) : List.of(), tls ? (network ? "ELBSecurityPolicy-TLS13-1-2-2021-06"
                    : "ELBSecurityPolicy-TLS13-1-2-2021-06") : null, LoadBalancer.Action.forward(group.id()), List.of()));
        }
        for (Map.Entry<String, SourceNode> annotation : annotations.entries().entrySet()) {
            String key = annotation.getKey();
            if (!key.startsWith(AWS_LB)) {
                continue;
            }
            String setting = key.substring(AWS_LB.length());
            if (Set.of("type", "scheme", "internal", "ssl-cert", "ssl-ports", "backend-protocol", "nlb-target-type",
                    "healthcheck-path", "healthcheck-port", "healthcheck-protocol", "healthcheck-interval", "healthcheck-timeout",
                    "healthcheck-healthy-threshold", "healthcheck-unhealthy-threshold", "healthcheck-success-codes").contains(setting)) {
                annotation.getValue().markConverted();
            } else {
                diagnostics.warning(annotation.getValue(), CODE_ANNOTATION, "load balancer annotation '" + key + "' is not converted",
                        "set the equivalent on the load balancer in the Terraform or CloudFormation output");
            }
        }
        Value balancerGroup = SecurityGroups.forLoadBalancer(balancer, sourceRanges(spec, annotations, balancer, diagnostics),
                context);
        // the balancer's own target groups, made above: scanning every target group of the model per
        // load balancer grew with the square of the input; in id order, as the model lists them
        groups.sort((a, b) -> a.id().compareTo(b.id()));
        for (TargetGroup group : groups) {
            SecurityGroups.allowFromLoadBalancer(namespace, group.protocol().equals("UDP") ? "udp" : "tcp", group.port(),
                    balancerGroup, "load balancer " + balancer.name(), context);
        }
        spec.get("loadBalancerClass").ignore("the AWS Load Balancer Controller's class; ECS uses Elastic Load Balancing directly");
        spec.get("loadBalancerIP").ignore("Elastic Load Balancing assigns addresses; use Elastic IPs on an NLB for fixed ones");
        context.model().add(balancer);
    }

    /**
     * @return the client ranges the Service admits: {@code spec.loadBalancerSourceRanges}, else the
     *         older annotation (Kubernetes reads the annotation only when the field is empty); null
     *         when neither is set, so the load balancer keeps its default sources
     */
    private static List<String> sourceRanges(SourceNode spec, SourceNode annotations, LoadBalancer balancer, Diagnostics diagnostics) {
        SourceNode field = spec.get("loadBalancerSourceRanges");
        SourceNode annotation = annotations.get(SOURCE_RANGES_ANNOTATION);
        // only an absent, null or empty list leaves the load balancer unrestricted; anything else written
        // there restricts it, so a single string or an item that is not text is read as an invalid range,
        // never as no restriction
        boolean fieldGiven = field.type() == NodeType.LIST ? !field.items().isEmpty()
                : field.type() == NodeType.SCALAR || field.type() == NodeType.MAP;
        SourceRanges.Parsed parsed;
        SourceNode from;
        if (fieldGiven) {
            List<String> entries = new ArrayList<>();
            field.items().forEach(item -> entries.add(item.type() == NodeType.SCALAR ? item.asText().orElse(null) : null));
            field.markConverted();
            if (annotation.exists()) {
                annotation.ignore("spec.loadBalancerSourceRanges is set, and Kubernetes then ignores this annotation too");
            }
            parsed = field.type() == NodeType.LIST ? SourceRanges.parse(entries)
                    : new SourceRanges.Parsed(List.of(), List.of(), List.of("(a " + field.type().name().toLowerCase(Locale.ROOT)
                    + ", not a list)"), List.of());
            from = field;
        } else if (annotation.asText().filter(text -> !text.isBlank()).isPresent()) {
            annotation.markConverted();
            parsed = SourceRanges.parse(annotation.asText().get());
            from = annotation;
        } else {
            if (field.exists()) {
                field.markConverted(); // an empty list or null: no restriction, as in Kubernetes
            }
            if (annotation.exists()) {
                annotation.markConverted();
            }
            return null;
        }
        parsed.report(from, CODE_SOURCE_RANGES, balancer.name(), balancer.listeners().size(), diagnostics);
        return parsed.cidrs();
    }

    private static boolean httpLike(SourceNode port) {
        String appProtocol = port.get("appProtocol").asText().orElse("").toLowerCase(Locale.ROOT);
        String name = port.get("name").asText().orElse("").toLowerCase(Locale.ROOT);
        int number = port.get("port").asInt().orElse(0);
        return HTTP_PROTOCOLS.contains(appProtocol) || name.startsWith("http") || name.startsWith("grpc") || name.startsWith("web")
                || number == 80 || number == 443 || number == 8080 || number == 8443;
    }

    /**
     * With plain Cloud Map only the full name resolves; report environment values of workloads in
     * the namespace that call this Service by its short name.
     */
    private static void shortNameCallers(SourceObject service, MappingContext context) {
        if ("service-connect".equals(context.settings().serviceDiscovery())) {
            return;
        }
        for (SourceNode env : ServiceRouting.environmentNaming(service.namespace(), service.name(), context.objects())) {
            String value = env.get("value").asText().orElse("");
            context.diagnostics().report(new io.kube2ecs.api.diag.Diagnostic(io.kube2ecs.api.diag.Severity.WARNING,
                    CODE_SHORT_NAME, env.get("name").asText().orElse("?") + "=" + value + " calls Service '"
                    + service.name() + "' by its short name, which Cloud Map does not resolve",
                    "use " + service.name() + "." + service.namespace() + ".svc.cluster.local, or set serviceDiscovery: "
                            + "service-connect in the profile", env.get("value").location(), null));
        }
    }

}
