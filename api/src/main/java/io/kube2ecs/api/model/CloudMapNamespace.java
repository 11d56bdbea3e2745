package io.kube2ecs.api.model;

import io.kube2ecs.api.Stable;

/**
 * A Cloud Map private DNS namespace, e.g. {@code shop.svc.cluster.local}, in the environment's VPC.
 */
@Stable
public final class CloudMapNamespace extends AwsResource {

    /** The {@link ResourceId#type()} of namespaces. */
    public static final String TYPE = "cloudmap-namespace";

    private final String dnsName;

    /**
     * @param id      identity; type {@link #TYPE}
     * @param dnsName the DNS name of the namespace
     */
    public CloudMapNamespace(ResourceId id, String dnsName) {
        super(id);
        this.dnsName = dnsName;
    }

    /** @return the DNS name */
    public String dnsName() { return dnsName; }
}
