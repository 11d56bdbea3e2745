package io.kube2ecs.api.model;

import io.kube2ecs.api.Stable;
import java.util.List;
import java.util.Objects;

/**
 * A value of the target environment that Kubernetes manifests do not carry (region, subnets,
 * cluster, execution role …) or a secret value that must never be written to an output.
 *
 * <p>Emitters turn inputs into Terraform variables or CloudFormation parameters, or write the
 * profile value (or a clearly named placeholder) into ECS JSON. Immutable and thread-safe.
 *
 * @param name        stable identifier in snake case, e.g. {@code subnet_ids}; not null
 * @param description what to fill in, shown next to the variable; not null
 * @param type        the shape of the value, not null
 * @param sensitive   true for secret values: emitters never write a value, only declare the input
 * @param value       the value from the profile, empty when the user must still provide it; a
 *                    {@link Type#STRING} has at most one element
 */
@Stable
public record EnvironmentInput(String name, String description, Type type, boolean sensitive, List<String> value) {

    public EnvironmentInput {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(type, "type");
        value = List.copyOf(value);
        if (sensitive && !value.isEmpty()) {
            throw new IllegalArgumentException("a sensitive input never carries a value in the model: " + name);
        }
    }

    /** @return true when the profile gave a value */
    public boolean isKnown() {
        return !value.isEmpty();
    }

    /** @return the placeholder written where the value is unknown, e.g. {@code ${SUBNET_IDS}} */
    public String placeholder() {
        return "${" + name.toUpperCase(java.util.Locale.ROOT) + "}";
    }

    /** The shape of an input's value. */
    public enum Type {
        /** One string. */
        STRING,
        /** A list of strings, e.g. subnet ids. */
        STRING_LIST,
        /** A whole number. */
        NUMBER
    }
}
