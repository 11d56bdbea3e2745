package io.kube2ecs.podtemplate;

/**
 * Diagnostic codes of the pod-template mapping, shared by every workload plugin. Stable: listed in
 * {@code docs/diagnostics.md}.
 */
public final class PodCodes {

    /** The pod has no containers. */
    public static final String NO_CONTAINERS = "POD001";
    /** A container has no image or no name. */
    public static final String NO_IMAGE = "POD002";
    /** A resource quantity is not valid. */
    public static final String BAD_QUANTITY = "POD003";
    /** The containers need more than the largest Fargate task. */
    public static final String TOO_BIG = "POD004";
    /** The chosen Fargate size and its headroom. */
    public static final String SIZE = "POD005";
    /** A port cannot be mapped. */
    public static final String PORT = "POD006";
    /** A value has the wrong type or range. */
    public static final String BAD_VALUE = "POD007";
    /** A rollout strategy setting cannot be carried over exactly. */
    public static final String STRATEGY = "POD008";
    /** A label cannot become a tag. */
    public static final String TAGS = "POD009";
    /** A {@code $(VAR)} reference cannot be expanded at conversion. */
    public static final String EXPANSION = "POD010";
    /** An environment variable's source has no ECS equivalent or cannot be resolved. */
    public static final String ENV = "POD011";
    /** A probe cannot be carried over exactly. */
    public static final String PROBE = "POD012";
    /** A security setting Fargate does not allow. */
    public static final String SECURITY = "POD013";
    /** A volume or mount that is not converted. */
    public static final String VOLUME = "POD014";
    /** A scheduling or pod-level setting with no ECS equivalent. */
    public static final String NOT_ON_FARGATE = "POD015";
    /** A value was cut to the range ECS allows. */
    public static final String CLAMPED = "POD016";
    /** Private registry credentials. */
    public static final String PULL_SECRET = "POD017";

    private PodCodes() {
    }
}
