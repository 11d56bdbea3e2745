package io.kube2ecs.api.model;

import java.util.ArrayList;
import java.util.List;

/**
 * An Application or Network Load Balancer, with its listeners.
 */
public final class LoadBalancer extends AwsResource {

    /** The {@link ResourceId#type()} of load balancers. */
    public static final String TYPE = "elbv2-load-balancer";

    private final String name;
    private final String type;
    private final boolean internetFacing;
    private final List<Value> securityGroups = new ArrayList<>();
    private final List<Listener> listeners = new ArrayList<>();

    /**
     * @param id             identity; type {@link #TYPE}
     * @param name           the name (up to 32 characters)
     * @param type           {@code application} or {@code network}
     * @param internetFacing whether it is internet-facing (else internal)
     */
    public LoadBalancer(ResourceId id, String name, String type, boolean internetFacing) {
        super(id);
        this.name = name;
        this.type = type;
        this.internetFacing = internetFacing;
    }

    /** @return the name */
    public String name() { return name; }
    /** @return {@code application} or {@code network} */
    public String type() { return type; }
    /** @return whether it is internet-facing */
    public boolean internetFacing() { return internetFacing; }
    /** @return its security groups (ALB only) */
    public List<Value> securityGroups() { return securityGroups; }
    /** @return its listeners */
    public List<Listener> listeners() { return listeners; }

    /**
     * A listener and its rules.
     *
     * @param port               the listening port
     * @param protocol           {@code HTTP}, {@code HTTPS}, {@code TCP}, {@code UDP}, {@code TLS}
     * @param certificates       certificate ARNs for HTTPS/TLS (usually inputs)
     * @param defaultTargetGroup where unmatched requests go, or null for a fixed 404
     * @param rules              path and host rules, in priority order
     */
    public record Listener(int port, String protocol, List<Value> certificates, ResourceId defaultTargetGroup,
                           List<Rule> rules) {
        public Listener {
            certificates = List.copyOf(certificates);
            rules = List.copyOf(rules);
        }
    }

    /**
     * A listener rule forwarding matching requests to a target group.
     *
     * @param priority    1–50000, unique per listener
     * @param hosts       host-header values, possibly empty
     * @param paths       path-pattern values, possibly empty
     * @param targetGroup where matching requests go
     */
    public record Rule(int priority, List<String> hosts, List<String> paths, ResourceId targetGroup) {
        public Rule {
            hosts = List.copyOf(hosts);
            paths = List.copyOf(paths);
        }
    }
}
