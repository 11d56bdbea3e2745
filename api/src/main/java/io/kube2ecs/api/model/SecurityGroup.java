package io.kube2ecs.api.model;

import io.kube2ecs.api.Stable;
import java.util.ArrayList;
import java.util.List;

/**
 * A VPC security group created for tasks or load balancers, with its ingress rules.
 */
@Stable
public final class SecurityGroup extends AwsResource {

    /** The {@link ResourceId#type()} of security groups. */
    public static final String TYPE = "ec2-security-group";

    private final String name;
    private final String description;
    private final List<IngressRule> ingress = new ArrayList<>();

    /**
     * @param id          identity; type {@link #TYPE}
     * @param name        the group name
     * @param description what it protects
     */
    public SecurityGroup(ResourceId id, String name, String description) {
        super(id);
        this.name = name;
        this.description = description;
    }

    /** @return the group name */
    public String name() { return name; }
    /** @return the description */
    public String description() { return description; }
    /** @return ingress rules; egress is open */
    public List<IngressRule> ingress() { return ingress; }

    /**
     * One ingress rule: from a CIDR or from another security group.
     *
     * @param protocol    {@code tcp}, {@code udp} or {@code -1}
     * @param fromPort    first port
     * @param toPort      last port
     * @param cidr        source CIDR (a literal such as {@code 0.0.0.0/0}, or an input), or null
     * @param sourceGroup source security group (a reference or input), or null
     * @param description why the rule exists
     */
    public record IngressRule(String protocol, int fromPort, int toPort, Value cidr, Value sourceGroup,
                              String description) {
    }

    /**
     * Adds a rule unless one allowing the same traffic is there (descriptions aside).
     *
     * @param rule the rule
     */
    public void allow(IngressRule rule) {
        for (IngressRule existing : ingress) {
            if (existing.protocol().equals(rule.protocol()) && existing.fromPort() == rule.fromPort()
                    && existing.toPort() == rule.toPort() && java.util.Objects.equals(existing.cidr(), rule.cidr())
                    && java.util.Objects.equals(existing.sourceGroup(), rule.sourceGroup())) {
                return;
            }
        }
        ingress.add(rule);
    }
}
