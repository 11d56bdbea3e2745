package io.kube2ecs.api.model;

import io.kube2ecs.api.Stable;

/**
 * An Elastic Load Balancing target group of type {@code ip} (Fargate tasks register by IP).
 *
 * @see LoadBalancer
 */
@Stable
public final class TargetGroup extends AwsResource {

    /** The {@link ResourceId#type()} of target groups. */
    public static final String TYPE = "elbv2-target-group";

    private final String name;
    private final int port;
    private final String protocol;
    private String protocolVersion;
    private String healthCheckPath;
    private String healthCheckPort;
    private String healthCheckProtocol;
    private String matcher;
    private Integer healthCheckIntervalSeconds;
    private Integer healthCheckTimeoutSeconds;
    private Integer healthyThreshold;
    private Integer unhealthyThreshold;

    /**
     * @param id       identity; type {@link #TYPE}
     * @param name     the name (up to 32 characters)
     * @param port     the target port
     * @param protocol {@code HTTP}, {@code HTTPS}, {@code TCP}, {@code UDP}, {@code TLS}, {@code TCP_UDP}
     */
    public TargetGroup(ResourceId id, String name, int port, String protocol) {
        super(id);
        this.name = name;
        this.port = port;
        this.protocol = protocol;
    }

    /** @return the name */
    public String name() { return name; }
    /** @return the target port */
    public int port() { return port; }
    /** @return the protocol */
    public String protocol() { return protocol; }
    /** @return {@code HTTP1}, {@code HTTP2}, {@code GRPC}, or null */
    public String protocolVersion() { return protocolVersion; }
    /** @param value {@code HTTP1}, {@code HTTP2}, {@code GRPC}, or null */
    public void protocolVersion(String value) { this.protocolVersion = value; }
    /** @return the health check path, or null */
    public String healthCheckPath() { return healthCheckPath; }
    /** @param value the path, or null */
    public void healthCheckPath(String value) { this.healthCheckPath = value; }
    /** @return the health check port ({@code traffic-port} or a number), or null */
    public String healthCheckPort() { return healthCheckPort; }
    /** @param value the port, or null */
    public void healthCheckPort(String value) { this.healthCheckPort = value; }
    /** @return the health check protocol, or null */
    public String healthCheckProtocol() { return healthCheckProtocol; }
    /** @param value the protocol, or null */
    public void healthCheckProtocol(String value) { this.healthCheckProtocol = value; }
    /** @return the success codes, e.g. {@code 200-399}, or null */
    public String matcher() { return matcher; }
    /** @param value the success codes, or null */
    public void matcher(String value) { this.matcher = value; }
    /** @return seconds between health checks (5–300), or null */
    public Integer healthCheckIntervalSeconds() { return healthCheckIntervalSeconds; }
    /** @param value seconds, or null */
    public void healthCheckIntervalSeconds(Integer value) { this.healthCheckIntervalSeconds = value; }
    /** @return seconds before a health check fails (2–120), or null */
    public Integer healthCheckTimeoutSeconds() { return healthCheckTimeoutSeconds; }
    /** @param value seconds, or null */
    public void healthCheckTimeoutSeconds(Integer value) { this.healthCheckTimeoutSeconds = value; }
    /** @return successes before healthy (2–10), or null */
    public Integer healthyThreshold() { return healthyThreshold; }
    /** @param value count, or null */
    public void healthyThreshold(Integer value) { this.healthyThreshold = value; }
    /** @return failures before unhealthy (2–10), or null */
    public Integer unhealthyThreshold() { return unhealthyThreshold; }
    /** @param value count, or null */
    public void unhealthyThreshold(Integer value) { this.unhealthyThreshold = value; }
}
