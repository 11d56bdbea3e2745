package io.kube2ecs.api.model;

import io.kube2ecs.api.Stable;

/**
 * An SSM Parameter Store parameter. A {@code SecureString}'s value is always a sensitive
 * {@link Value.Input}, never a literal.
 */
@Stable
public final class SsmParameter extends AwsResource {

    /** The {@link ResourceId#type()} of parameters. */
    public static final String TYPE = "ssm-parameter";

    private final String name;
    private final boolean secure;
    private final Value value;
    private boolean advancedTier;

    /**
     * @param id     identity; type {@link #TYPE}
     * @param name   the parameter name, e.g. {@code /app/shop/configmap/cfg/KEY}
     * @param secure whether it is a {@code SecureString}
     * @param value  the value: a literal for {@code String}, a sensitive input for {@code SecureString}
     * @throws IllegalArgumentException when a secure parameter is given a literal value
     */
    public SsmParameter(ResourceId id, String name, boolean secure, Value value) {
        super(id);
        if (secure && value instanceof Value.Literal) {
            throw new IllegalArgumentException("a SecureString parameter never holds a literal value: " + name);
        }
        this.name = name;
        this.secure = secure;
        this.value = value;
    }

    /** @return the parameter name */
    public String name() { return name; }
    /** @return whether it is a {@code SecureString} */
    public boolean secure() { return secure; }
    /** @return the value */
    public Value value() { return value; }
    /** @return whether the Advanced tier (values up to 8 KB) is needed */
    public boolean advancedTier() { return advancedTier; }
    /** @param value whether the Advanced tier is needed */
    public void advancedTier(boolean value) { this.advancedTier = value; }
}
