package io.kube2ecs.api.model;

import io.kube2ecs.api.Stable;

/**
 * A Cloud Map discovery service: DNS records for the tasks of an ECS service.
 */
@Stable
public final class CloudMapService extends AwsResource {

    /** The {@link ResourceId#type()} of discovery services. */
    public static final String TYPE = "cloudmap-service";

    private final String name;
    private final ResourceId namespace;
    private String recordType = "A";
    private int ttlSeconds = 10;

    /**
     * @param id        identity; type {@link #TYPE}
     * @param name      the service's DNS label
     * @param namespace the namespace it belongs to
     */
    public CloudMapService(ResourceId id, String name, ResourceId namespace) {
        super(id);
        this.name = name;
        this.namespace = namespace;
    }

    /** @return the DNS label */
    public String name() { return name; }
    /** @return the namespace */
    public ResourceId namespace() { return namespace; }
    /** @return {@code A} or {@code SRV} */
    public String recordType() { return recordType; }
    /** @param value {@code A} or {@code SRV} */
    public void recordType(String value) { this.recordType = value; }
    /** @return record TTL in seconds */
    public int ttlSeconds() { return ttlSeconds; }
    /** @param value seconds */
    public void ttlSeconds(int value) { this.ttlSeconds = value; }
}
