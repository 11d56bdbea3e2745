package io.kube2ecs.plugin.kind.ingress;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kube2ecs.api.diag.Diagnostics;
import io.kube2ecs.api.model.DeploymentModel;
import io.kube2ecs.api.model.EnvironmentInput;
import io.kube2ecs.api.model.LoadBalancer;
import io.kube2ecs.api.model.ModelIds;
import io.kube2ecs.api.model.ResourceId;
import io.kube2ecs.api.model.TargetGroup;
import io.kube2ecs.api.model.Value;
import io.kube2ecs.api.source.ObjectRef;
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
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * An Ingress, or every Ingress of one {@code alb.ingress.kubernetes.io/group.name}, becomes one
 * Application Load Balancer, as the AWS Load Balancer Controller builds it: listeners from
 * {@code listen-ports} (HTTP 80, plus HTTPS 443 with a certificate), one rule per host and path in
 * Kubernetes precedence, and an {@code ip} target group per backend Service port, which the
 * backend's ECS services attach to.
 */
public final class IngressMapper implements KindMapper {

    static final String CODE_CLASS = "ING001";
    static final String CODE_BACKEND = "ING002";
    static final String CODE_ANNOTATION = "ING003";
    static final String CODE_TLS = "ING004";
    static final String CODE_PATH = "ING005";
    static final String CODE_SOURCE_RANGES = "ING006";

    private static final String ALB = "alb.ingress.kubernetes.io/";
    private static final String DEFAULT_SSL_POLICY = "ELBSecurityPolicy-TLS13-1-2-2021-06";
    private static final Set<String> KNOWN = Set.of("scheme", "target-type", "listen-ports", "certificate-arn", "ssl-policy",
            "ssl-redirect", "healthcheck-path", "healthcheck-port", "healthcheck-protocol", "healthcheck-interval-seconds",
            "healthcheck-timeout-seconds", "healthy-threshold-count", "unhealthy-threshold-count", "success-codes",
            "backend-protocol", "backend-protocol-version", "group.name", "group.order", "ip-address-type", "inbound-cidrs");
    /** Created on first use: the first mapper of a process costs about 45 ms, and few Ingresses carry JSON annotations. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    private final ResourceKind kind;

    IngressMapper(ResourceKind kind) {
        this.kind = kind;
    }

    @Override
    public List<FieldSupport> fieldSupport() {
        String annotation = "metadata.annotations." + ALB;
        List<FieldSupport> out = new ArrayList<>(List.of(
                FieldSupport.mapped("metadata.labels.*", "tags of the load balancer"),
                FieldSupport.partial("spec.ingressClassName", "alb; another class is converted to an ALB too, without that "
                        + "controller's behaviour (warning)"),
                FieldSupport.partial("metadata.annotations.kubernetes.io/ingress.class", "the same, older spelling"),
                FieldSupport.mapped("spec.rules[].host", "host-header condition of the listener rules"),
                FieldSupport.mapped("spec.rules[].http.paths[].path", "path-pattern condition, in Kubernetes precedence"),
                FieldSupport.partial("spec.rules[].http.paths[].pathType", "Prefix and Exact; ImplementationSpecific as the ALB "
                        + "controller reads it"),
                FieldSupport.mapped("spec.rules[].http.paths[].backend.service", "forward to the target group of the Service's "
                        + "workload, by port number or name"),
                FieldSupport.ignored("spec.rules[].http.paths[].backend.resource", "resource backends have no ALB equivalent; the path is left out (warning)"),
                FieldSupport.mapped("spec.defaultBackend", "the listener's default action (else a fixed 404)"),
                FieldSupport.partial("spec.tls[].hosts", "an HTTPS listener; the certificate comes from certificate-arn or an input"),
                FieldSupport.partial("spec.tls[].secretName", "an ALB cannot use it (warning): import the certificate into ACM"),
                FieldSupport.partial(annotation + "*", "the annotations listed here are converted; any other is reported (ING003)"),
                FieldSupport.mapped(annotation + "actions.*", "redirect, fixed-response and forward actions"),
                FieldSupport.mapped(annotation + "group.name", "one ALB for every Ingress of the group, across namespaces"),
                FieldSupport.mapped(annotation + "group.order", "rule order within the group")));
        for (String setting : new java.util.TreeSet<>(KNOWN)) {
            if (!setting.startsWith("group.")) {
                out.add(FieldSupport.mapped(annotation + setting, "the load balancer, its listeners and target groups"));
            }
        }
        return out;
    }

    @Override
    public ResourceKind kind() {
        return kind;
    }

    /** One routing rule before priorities are assigned. */
    private record Route(String host, String pathType, String path, ServiceRouting.Backend backend, String group,
                         int order, String ingress, SourceObject owner) {
    }

    @Override
    public void map(SourceObject ingress, MappingContext context) {
        Diagnostics diagnostics = context.diagnostics();
        SourceNode annotations = ingress.root().get("metadata").get("annotations");
        checkClass(ingress, annotations, diagnostics);
        checkAnnotations(annotations, diagnostics);
        // reading the own object through the recording view marks what is converted and reports its problems
        routes(ingress, diagnostics);
        SourceNode spec = ingress.root().get("spec");
        for (SourceNode tls : spec.get("tls").items()) {
            tls.get("hosts").asStringList();
            SourceNode secret = tls.get("secretName");
            if (secret.exists() && annotations.get(ALB + "certificate-arn").isAbsent()) {
                diagnostics.warning(secret, CODE_TLS, "TLS secret '" + secret.asText().orElse("") + "' cannot serve an ALB; "
                        + "the HTTPS listener takes a certificate from ACM", "import the certificate into ACM (or request one) and "
                        + "set alb.ingress.kubernetes.io/certificate-arn, or fill in the certificate input");
            } else {
                secret.markConverted();
            }
        }
        String group = ServiceRouting.group(ingress);
        ResourceId balancerId = ModelIds.ingressLoadBalancer(group);
        if (context.model().find(balancerId, LoadBalancer.class).isEmpty()) {
            build(group, balancerId, context);
        }
        LoadBalancer balancer = context.model().find(balancerId, LoadBalancer.class).orElseThrow();
        balancer.addOrigin(ingress.ref());
        Tags.of(ingress.root().get("metadata"), context.settings(), diagnostics).forEach(balancer.tags()::putIfAbsent);
    }

    private static void checkClass(SourceObject ingress, SourceNode annotations, Diagnostics diagnostics) {
        SourceNode className = ingress.root().get("spec").get("ingressClassName");
        SourceNode legacy = annotations.get("kubernetes.io/ingress.class");
        SourceNode node = className.exists() ? className : legacy;
        String value = node.asText().orElse("alb");
        if (className.exists()) {
            legacy.markConverted();
        }
        if (!value.equals("alb")) {
            diagnostics.warning(node, CODE_CLASS, "Ingress class '" + value + "' is converted to an Application Load Balancer; "
                    + "controller-specific behaviour (rewrites, snippets, auth) is not", "review the annotations of that controller");
        }
    }

    private static void checkAnnotations(SourceNode annotations, Diagnostics diagnostics) {
        for (Map.Entry<String, SourceNode> entry : annotations.entries().entrySet()) {
            String key = entry.getKey();
            if (!key.startsWith(ALB)) {
                continue;
            }
            String setting = key.substring(ALB.length());
            if (KNOWN.contains(setting) || setting.startsWith("actions.")) {
                entry.getValue().markConverted();
            } else {
                diagnostics.warning(entry.getValue(), CODE_ANNOTATION, "annotation '" + key + "' is not converted",
                        "set the equivalent on the load balancer in the Terraform or CloudFormation output");
            }
        }
        String target = annotations.get(ALB + "target-type").asText().orElse("ip");
        if (!target.equals("ip")) {
            diagnostics.warning(annotations.get(ALB + "target-type"), CODE_ANNOTATION, "target-type '" + target
                    + "' is replaced by ip: Fargate tasks register by IP address", null);
        }
    }

    private static List<Route> routes(SourceObject ingress, Diagnostics diagnostics) {
        SourceNode spec = ingress.root().get("spec");
        String group = ServiceRouting.group(ingress);
        int order = ingress.root().get("metadata").get("annotations").get(ALB + "group.order").asText()
                .map(IngressMapper::parseInt).orElse(0);
        List<Route> out = new ArrayList<>();
        List<SourceNode> rules = spec.get("rules").items();
        for (SourceNode rule : rules) {
            String host = rule.get("host").asText().orElse("");
            for (SourceNode path : rule.get("http").get("paths").items()) {
                String type = path.get("pathType").asText().orElse("ImplementationSpecific");
                String value = path.get("path").asText().orElse("/");
                if (!type.equals("ImplementationSpecific") && !value.startsWith("/")) {
                    diagnostics.error(path.get("path"), CODE_PATH, "path '" + value + "' must start with '/'", null);
                }
                Optional<ServiceRouting.Backend> backend = ServiceRouting.backend(path.get("backend"));
                if (backend.isEmpty()) {
                    diagnostics.warning(path.get("backend"), CODE_BACKEND, "resource backends have no ALB equivalent; the path is left out",
                            "serve the content from S3 behind CloudFront, or from a service");
                    continue;
                }
                path.get("backend").markConverted();
                out.add(new Route(host, type, value, backend.get(), group, order, ingress.namespace() + "/" + ingress.name(), ingress));
            }
        }
        SourceNode fallback = spec.get("defaultBackend").exists() ? spec.get("defaultBackend") : spec.get("backend");
        ServiceRouting.backend(fallback).ifPresent(b -> {
            fallback.markConverted();
            out.add(new Route(null, "Default", "", b, group, order, ingress.namespace() + "/" + ingress.name(), ingress));
        });
        return out;
    }

    private static int parseInt(String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Builds the whole group's load balancer from every member Ingress (plain views), in group order. */
    private void build(String group, ResourceId balancerId, MappingContext context) {
        DeploymentModel model = context.model();
        List<SourceObject> members = new ArrayList<>();
        for (ResourceKind ingressKind : ServiceRouting.INGRESSES) {
            for (SourceObject candidate : context.objects().all(ingressKind)) {
                if (ServiceRouting.group(candidate).equals(group)) {
                    members.add(candidate);
                }
            }
        }
        members.sort(Comparator.comparingInt(IngressMapper::order).thenComparing(m -> m.namespace() + "/" + m.name()));
        List<Route> routes = new ArrayList<>();
        for (SourceObject member : members) {
            routes.addAll(routes(member, Diagnostics.NONE));
        }
        routes.sort(Comparator.comparingInt(Route::order).thenComparing(IngressMapper::hostRank)
                .thenComparing(r -> r.pathType().equals("Exact") ? 0 : 1)
                .thenComparing(r -> -r.path().length()).thenComparing(Route::ingress).thenComparing(Route::path));
        GroupSettings annotations = new GroupSettings(members);
        String scheme = annotations.text(ALB + "scheme")
                .orElse(context.settings().internetFacingByDefault() ? "internet-facing" : "internal");
        String lbNamespace = group.contains("/") ? group.substring(0, group.indexOf('/')) : "";
        String lbName = group.contains("/") ? group.substring(group.indexOf('/') + 1) : group;
        boolean serviceHasOne = !lbNamespace.isEmpty() && context.objects().find(new ObjectRef(ServiceRouting.SERVICE, lbNamespace, lbName))
                .map(service -> service.root().get("spec").get("type").asText().orElse("").equals("LoadBalancer")).orElse(false);
        if (serviceHasOne) {
            // the LoadBalancer Service of the same name gets a load balancer named after it; ELB names are unique
            lbName = lbName + "-ingress";
        }
        LoadBalancer balancer = new LoadBalancer(balancerId, Names.elb(context.settings(), lbNamespace, lbName), "application",
                scheme.equals("internet-facing"));
        members.forEach(m -> balancer.addOrigin(m.ref()));
        annotations.text(ALB + "ip-address-type").ifPresent(balancer::ipAddressType);

        Map<String, ResourceId> targetGroups = new LinkedHashMap<>();
        LoadBalancer.Action fallback = LoadBalancer.Action.fixedResponse("404", null);
        List<LoadBalancer.Rule> rules = new ArrayList<>();
        int priority = 1;
        for (Route route : routes) {
            LoadBalancer.Action action = action(route, group, targetGroups, context);
            if (action == null) {
                continue;
            }
            if (route.host() == null) {
                fallback = action;
                continue;
            }
            List<String> hosts = route.host().isEmpty() ? List.of() : List.of(route.host());
            rules.add(new LoadBalancer.Rule(priority++, hosts, patterns(route), action));
        }
        boolean tlsWanted = members.stream().anyMatch(m -> !m.root().get("spec").get("tls").items().isEmpty());
        List<Value> certificates = new ArrayList<>();
        for (SourceObject member : members) {
            member.root().get("metadata").get("annotations").get(ALB + "certificate-arn").asText().ifPresent(arns -> {
                for (String arn : arns.split("\\s*,\\s*")) {
                    if (!arn.isBlank() && !certificates.contains(Value.of(arn))) {
                        certificates.add(Value.of(arn));
                    }
                }
            });
        }
        Map<Integer, String> ports = listenPorts(annotations.text(ALB + "listen-ports"), !certificates.isEmpty() || tlsWanted);
        if (certificates.isEmpty() && ports.containsValue("HTTPS")) {
            // the controller would discover a certificate in ACM by host name; name it as an input instead
            String input = "certificate_arn_" + group.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
            List<String> hosts = routes.stream().map(Route::host).filter(h -> h != null && !h.isEmpty()).distinct().toList();
            model.declare(new EnvironmentInput(input, "ACM certificate for the HTTPS listener of Ingress group " + group
                    + (hosts.isEmpty() ? "" : " (hosts " + String.join(", ", hosts) + ")"), EnvironmentInput.Type.STRING, false, List.of()));
            certificates.add(model.input(input));
        }
        String sslPolicy = annotations.text(ALB + "ssl-policy").orElse(DEFAULT_SSL_POLICY);
        Optional<String> redirectPort = annotations.text(ALB + "ssl-redirect");
        boolean redirect = redirectPort.isPresent() && ports.containsValue("HTTPS");
        for (Map.Entry<Integer, String> port : ports.entrySet()) {
            boolean https = port.getValue().equals("HTTPS");
            if (!https && redirect) {
                String to = redirectPort.get().trim().matches("\\d+") ? redirectPort.get().trim() : "443";
                balancer.listeners().add(new LoadBalancer.Listener(port.getKey(), "HTTP", List.of(), null,
                        new LoadBalancer.Action(LoadBalancer.ActionType.REDIRECT, null, "HTTP_301", "HTTPS", to, "#{host}",
                                "/#{path}", null, null), List.of()));
                continue;
            }
            balancer.listeners().add(new LoadBalancer.Listener(port.getKey(), port.getValue(), https ? certificates : List.of(),
                    https ? sslPolicy : null, fallback, rules));
        }
        Value balancerGroup = SecurityGroups.forLoadBalancer(balancer, inboundCidrs(members, balancer, context), context);
        for (ResourceId id : targetGroups.values()) {
            model.find(id, TargetGroup.class).ifPresent(tg -> SecurityGroups.allowFromLoadBalancer(id.namespace(), "tcp",
                    tg.port(), balancerGroup, "load balancer " + balancer.name(), context));
        }
        model.add(balancer);
    }

    /**
     * @return the client ranges {@code inbound-cidrs} admits, or null when no member of the group sets
     *         it. Members that set different ranges (or some none) would make the AWS Load Balancer
     *         Controller refuse the group; here the load balancer admits only the ranges every member
     *         that sets it allows, so no member's routes are opened wider than its author wrote.
     */
    private static List<String> inboundCidrs(List<SourceObject> members, LoadBalancer balancer, MappingContext context) {
        Set<String> common = null;
        List<String> setters = new ArrayList<>();
        List<String> others = new ArrayList<>();
        Set<Set<String>> distinct = new java.util.HashSet<>();
        SourceNode first = null;
        for (SourceObject member : members) {
            SourceNode annotation = member.root().get("metadata").get("annotations").get(ALB + "inbound-cidrs");
            Optional<String> text = annotation.asText().filter(value -> !value.isBlank());
            if (text.isEmpty()) {
                others.add(member.ref().toString());
                continue;
            }
            SourceRanges.Parsed parsed = SourceRanges.parse(text.get());
            parsed.report(annotation, CODE_SOURCE_RANGES, balancer.name(), balancer.listeners().size(), context.diagnostics());
            setters.add(member.ref().toString());
            distinct.add(new java.util.TreeSet<>(parsed.cidrs()));
            first = first == null ? annotation : first;
            if (common == null) {
                common = new java.util.LinkedHashSet<>(parsed.cidrs());
            } else {
                common.retainAll(parsed.cidrs());
            }
        }
        if (common == null) {
            return null;
        }
        if (distinct.size() > 1 || !others.isEmpty()) {
            context.diagnostics().warning(first, CODE_SOURCE_RANGES, "the Ingresses of load balancer " + balancer.name()
                    + " do not agree on inbound-cidrs (" + String.join(", ", setters) + " set it"
                    + (distinct.size() > 1 ? " to different ranges" : "") + (others.isEmpty() ? "" : "; " + String.join(", ", others)
                    + " do not") + "): it admits only the ranges all of " + String.join(", ", setters) + " allow: "
                    + (common.isEmpty() ? "none" : String.join(", ", common)),
                    "give every Ingress of the group the same inbound-cidrs; the AWS Load Balancer Controller refuses a group "
                            + "whose members disagree");
        }
        return List.copyOf(common);
    }

    private static int hostRank(Route route) {
        if (route.host() == null || route.host().isEmpty()) {
            return 2;
        }
        return route.host().startsWith("*") ? 1 : 0;
    }

    /** Kubernetes path semantics as ALB path patterns. */
    private static List<String> patterns(Route route) {
        String path = route.path();
        switch (route.pathType()) {
            case "Exact":
                return List.of(path);
            case "Prefix": {
                String base = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
                // element-wise: /foo matches /foo and /foo/bar, not /foobar
                return base.isEmpty() ? List.of("/*") : List.of(base, base + "/*");
            }
            default:
                return List.of(path);
        }
    }

    private static int order(SourceObject ingress) {
        return ingress.root().get("metadata").get("annotations").get(ALB + "group.order").asText()
                .map(IngressMapper::parseInt).orElse(0);
    }

    /** Group-wide annotations: the first member in group order that sets one decides it. */
    private static final class GroupSettings {
        private final List<SourceObject> members;

        GroupSettings(List<SourceObject> members) {
            this.members = members;
        }

        Optional<String> text(String key) {
            for (SourceObject member : members) {
                Optional<String> value = member.root().get("metadata").get("annotations").get(key).asText();
                if (value.isPresent()) {
                    return value;
                }
            }
            return Optional.empty();
        }
    }

    private static Map<Integer, String> listenPorts(Optional<String> text, boolean https) {
        Map<Integer, String> out = new TreeMap<>();
        if (text.isPresent()) {
            try {
                for (JsonNode entry : Json.MAPPER.readTree(text.get())) {
                    entry.fields().forEachRemaining(f -> out.put(f.getValue().asInt(), f.getKey().toUpperCase(Locale.ROOT)));
                }
                if (!out.isEmpty()) {
                    return out;
                }
            } catch (java.io.IOException e) {
                // fall through to the defaults; the annotation is reported below
            }
        }
        out.put(80, "HTTP");
        if (https) {
            out.put(443, "HTTPS");
        }
        return out;
    }

    private static LoadBalancer.Action action(Route route, String group, Map<String, ResourceId> targetGroups,
                                              MappingContext context) {
        SourceNode annotations = route.owner().root().get("metadata").get("annotations");
        if (route.backend().port().equals("use-annotation")) {
            return annotationAction(annotations.get(ALB + "actions." + route.backend().service()), group, targetGroups, route, context);
        }
        return forward(route, route.backend().service(), route.backend().port(), group, targetGroups, context);
    }

    private static LoadBalancer.Action forward(Route route, String serviceName, String port, String group,
                                               Map<String, ResourceId> targetGroups, MappingContext context) {
        String namespace = route.owner().namespace();
        Optional<SourceObject> service = context.objects().find(new ObjectRef(ServiceRouting.SERVICE, namespace, serviceName));
        if (service.isEmpty()) {
            context.diagnostics().warning(route.backend().at(), CODE_BACKEND, "backend Service '" + serviceName
                    + "' is not in the input; its requests get the default action", "add the Service to the input");
            return null;
        }
        ResourceId id = ModelIds.ingressTargetGroup(group, namespace, serviceName, ServiceRouting.portNumber(service.get(), port));
        if (!targetGroups.containsKey(id.toString())) {
            Optional<SourceNode> servicePort = ServiceRouting.servicePort(service.get(), port);
            List<SourceObject> workloads = ServiceRouting.selectedWorkloads(service.get(), context.objects());
            Optional<ServiceRouting.Target> target = servicePort.flatMap(p -> workloads.stream()
                    .map(w -> ServiceRouting.target(p, w)).flatMap(Optional::stream).findFirst());
            if (servicePort.isEmpty()) {
                context.diagnostics().warning(route.backend().at(), CODE_BACKEND, "Service '" + serviceName + "' has no port '"
                        + port + "'", "use one of the Service's port numbers or names");
                return null;
            }
            SourceNode annotations = route.owner().root().get("metadata").get("annotations");
            String protocol = annotations.get(ALB + "backend-protocol").asText().orElse("HTTP").toUpperCase(Locale.ROOT);
            TargetGroup tg = new TargetGroup(id, Names.elb(context.settings(), namespace, (group.contains("/")
                    ? group.substring(group.indexOf('/') + 1) : group) + "-" + serviceName + "-" + ServiceRouting.portNumber(service.get(), port)),
                    target.map(ServiceRouting.Target::port).orElse(servicePort.get().get("port").asInt().orElse(80)), protocol);
            annotations.get(ALB + "backend-protocol-version").asText().map(v -> v.toUpperCase(Locale.ROOT)).ifPresent(tg::protocolVersion);
            if (!workloads.isEmpty() && target.isPresent()) {
                HealthChecks.fromReadiness(tg, workloads.get(0), target.get());
            }
            HealthChecks.fromIngressAnnotations(tg, annotations);
            tg.addOrigin(route.owner().ref());
            context.model().add(tg);
            targetGroups.put(id.toString(), id);
        }
        return LoadBalancer.Action.forward(id);
    }

    private static LoadBalancer.Action annotationAction(SourceNode annotation, String group, Map<String, ResourceId> targetGroups,
                                                        Route route, MappingContext context) {
        try {
            JsonNode action = Json.MAPPER.readTree(annotation.asText().orElse("{}"));
            String type = action.path("type").asText();
            switch (type) {
                case "redirect": {
                    JsonNode config = action.path("redirectConfig");
                    return new LoadBalancer.Action(LoadBalancer.ActionType.REDIRECT, null, config.path("statusCode").asText("HTTP_301"),
                            config.path("protocol").asText("#{protocol}"), config.path("port").asText("#{port}"),
                            config.path("host").asText("#{host}"), config.path("path").asText("/#{path}"), null, null);
                }
                case "fixed-response": {
                    JsonNode config = action.path("fixedResponseConfig");
                    return new LoadBalancer.Action(LoadBalancer.ActionType.FIXED_RESPONSE, null, config.path("statusCode").asText("200"),
                            null, null, null, null, config.path("contentType").asText("text/plain"),
                            config.path("messageBody").isMissingNode() ? null : config.path("messageBody").asText());
                }
                case "forward": {
                    JsonNode groups = action.path("forwardConfig").path("targetGroups");
                    JsonNode firstGroup = groups.isArray() && groups.size() > 0 ? groups.get(0) : action.path("targetGroupARN");
                    if (firstGroup.has("serviceName")) {
                        if (groups.size() > 1) {
                            context.diagnostics().warning(annotation, CODE_ANNOTATION, "weighted forwarding to several target groups "
                                    + "is converted to the first one only", "set the weights on the listener rule by hand");
                        }
                        return forward(route, firstGroup.path("serviceName").asText(), firstGroup.path("servicePort").asText(),
                                group, targetGroups, context);
                    }
                    break;
                }
                default:
                    break;
            }
        } catch (java.io.IOException e) {
            // reported below
        }
        context.diagnostics().warning(annotation.exists() ? annotation : route.backend().at(), CODE_ANNOTATION,
                "action annotation for '" + route.backend().service() + "' is missing or not understood; the path is left out",
                "write it as the AWS Load Balancer Controller documents (type redirect, fixed-response or forward)");
        return null;
    }
}
