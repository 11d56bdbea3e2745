package io.kube2ecs.api.model;

import io.kube2ecs.api.Stable;
import java.util.ArrayList;
import java.util.List;

/**
 * An Application or Network Load Balancer, with its listeners.
 */
@Stable
public final class LoadBalancer extends AwsResource {

    /** The {@link ResourceId#type()} of load balancers. */
    public static final String TYPE = "elbv2-load-balancer";

    private final String name;
    private final String type;
    private final boolean internetFacing;
    private final List<Value> securityGroups = new ArrayList<>();
    private String ipAddressType = "ipv4";
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
    /** @return {@code ipv4} or {@code dualstack} */
    public String ipAddressType() { return ipAddressType; }
    /** @param value {@code ipv4} or {@code dualstack} */
    public void ipAddressType(String value) { this.ipAddressType = value; }
    /** @return its listeners */
    public List<Listener> listeners() { return listeners; }

    /**
     * A listener and its rules.
     *
     * @param port          the listening port
     * @param protocol      {@code HTTP}, {@code HTTPS}, {@code TCP}, {@code UDP}, {@code TLS}
     * @param certificates  certificate ARNs for HTTPS/TLS (usually inputs or literals from annotations)
     * @param sslPolicy     the TLS policy for HTTPS/TLS, or null
     * @param defaultAction what unmatched requests get
     * @param rules         host and path rules, in priority order
     */
    public record Listener(int port, String protocol, List<Value> certificates, String sslPolicy, Action defaultAction,
                           List<Rule> rules) {
        public Listener {
            certificates = List.copyOf(certificates);
            rules = List.copyOf(rules);
        }
    }

    /**
     * A listener rule: requests matching every given condition get the action.
     *
     * @param priority 1–50000, unique per listener; lower wins
     * @param hosts    host-header values (wildcards allowed), possibly empty
     * @param paths    path-pattern values, possibly empty
     * @param action   what matching requests get
     */
    public record Rule(int priority, List<String> hosts, List<String> paths, Action action) {
        public Rule {
            hosts = List.copyOf(hosts);
            paths = List.copyOf(paths);
        }
    }

    /**
     * What a listener or rule does with a request.
     *
     * @param type        the kind of action
     * @param targetGroup for {@link ActionType#FORWARD}: the target group
     * @param statusCode  for redirects ({@code HTTP_301}/{@code HTTP_302}) and fixed responses ({@code 404} …)
     * @param protocol    for redirects: {@code HTTPS}, {@code HTTP} or {@code #{protocol}}
     * @param port        for redirects: the port, or {@code #{port}}
     * @param host        for redirects: the host, or {@code #{host}}
     * @param path        for redirects: the path, or {@code /#{path}}
     * @param contentType for fixed responses
     * @param body        for fixed responses, possibly null
     */
    public record Action(ActionType type, ResourceId targetGroup, String statusCode, String protocol, String port,
                         String host, String path, String contentType, String body) {

        /**
         * @param targetGroup the target group
         * @return a forward action
         */
        public static Action forward(ResourceId targetGroup) {
            return new Action(ActionType.FORWARD, targetGroup, null, null, null, null, null, null, null);
        }

        /**
         * @param statusCode the HTTP status
         * @param body       the body, or null
         * @return a fixed response
         */
        public static Action fixedResponse(String statusCode, String body) {
            return new Action(ActionType.FIXED_RESPONSE, null, statusCode, null, null, null, null, "text/plain", body);
        }

        /** @return a permanent redirect to HTTPS on port 443, keeping host, path and query */
        public static Action redirectToHttps() {
            return new Action(ActionType.REDIRECT, null, "HTTP_301", "HTTPS", "443", "#{host}", "/#{path}", null, null);
        }
    }

    /** The kinds of listener actions. */
    public enum ActionType {
        /** Send to a target group. */
        FORWARD,
        /** Answer with a redirect. */
        REDIRECT,
        /** Answer with a fixed status and body. */
        FIXED_RESPONSE
    }
}
