package io.kube2ecs.api.model;

import java.util.List;

/**
 * A Secrets Manager secret. Its value is never in the model: each key's value is a sensitive
 * {@link Value.Input} the user fills in at deploy time.
 */
public final class SecretsManagerSecret extends AwsResource {

    /** The {@link ResourceId#type()} of secrets. */
    public static final String TYPE = "secretsmanager-secret";

    private final String name;
    private final List<String> jsonKeys;

    /**
     * @param id       identity; type {@link #TYPE}
     * @param name     the secret name
     * @param jsonKeys the keys of its JSON value, or empty for a plain string secret
     */
    public SecretsManagerSecret(ResourceId id, String name, List<String> jsonKeys) {
        super(id);
        this.name = name;
        this.jsonKeys = List.copyOf(jsonKeys);
    }

    /** @return the secret name */
    public String name() { return name; }
    /** @return the JSON keys, sorted as given */
    public List<String> jsonKeys() { return jsonKeys; }
}
