package io.kube2ecs.api.model;

import io.kube2ecs.api.Stable;

/**
 * A CloudWatch Logs log group containers write to.
 */
@Stable
public final class LogGroup extends AwsResource {

    /** The {@link ResourceId#type()} of log groups. */
    public static final String TYPE = "logs-log-group";

    private final String name;
    private Integer retentionDays;

    /**
     * @param id   identity; type {@link #TYPE}
     * @param name the log group name
     */
    public LogGroup(ResourceId id, String name) {
        super(id);
        this.name = name;
    }

    /** @return the log group name */
    public String name() { return name; }
    /** @return retention in days, or null to keep logs forever */
    public Integer retentionDays() { return retentionDays; }
    /** @param days retention in days, or null */
    public void retentionDays(Integer days) { this.retentionDays = days; }
}
