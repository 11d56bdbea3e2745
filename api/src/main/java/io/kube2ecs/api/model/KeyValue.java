package io.kube2ecs.api.model;

import io.kube2ecs.api.Stable;
import java.util.Objects;

/**
 * A plain environment variable. Immutable.
 *
 * @param name  the variable name, not null
 * @param value the value, not null; never a secret (secrets go through {@link SecretRef})
 */
@Stable
public record KeyValue(String name, String value) {
    public KeyValue {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }
}
