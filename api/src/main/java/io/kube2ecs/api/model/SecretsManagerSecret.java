package io.kube2ecs.api.model;

import io.kube2ecs.api.Stable;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A Secrets Manager secret. Its value is never in the model: each key's value is a sensitive
 * {@link Value.Input} the user fills in at deploy time.
 */
@Stable
public final class SecretsManagerSecret extends AwsResource {

    /** The {@link ResourceId#type()} of secrets. */
    public static final String TYPE = "secretsmanager-secret";

    private final String name;
    private final Map<String, Value> values;

    /**
     * @param id     identity; type {@link #TYPE}
     * @param name   the secret name
     * @param values the keys of its JSON value, each with the sensitive input that supplies it
     * @throws IllegalArgumentException when a value is a literal: secret values never enter the model
     */
    public SecretsManagerSecret(ResourceId id, String name, Map<String, Value> values) {
        super(id);
        for (Value value : values.values()) {
            if (value instanceof Value.Literal) {
                throw new IllegalArgumentException("a secret never holds a literal value: " + name);
            }
        }
        this.name = name;
        this.values = Collections.unmodifiableMap(new TreeMap<>(values));
    }

    /** @return the secret name */
    public String name() { return name; }
    /** @return the JSON keys, sorted */
    public List<String> jsonKeys() { return List.copyOf(values.keySet()); }
    /** @return each JSON key's value: a sensitive input, sorted by key */
    public Map<String, Value> values() { return values; }
}
