package io.kube2ecs.api.model;

import io.kube2ecs.api.Stable;
import java.util.Objects;

/**
 * An environment variable ECS fills from SSM Parameter Store or Secrets Manager at task start
 * (container {@code secrets}). Immutable.
 *
 * @param name      the variable name, not null
 * @param valueFrom the parameter's or secret's ARN (usually a {@link Value.Ref}); for a key of a
 *                  Secrets Manager JSON secret, {@code jsonKey} names the key
 * @param jsonKey   the JSON key inside a Secrets Manager secret, or null
 */
@Stable
public record SecretRef(String name, Value valueFrom, String jsonKey) {
    public SecretRef {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(valueFrom, "valueFrom");
    }
}
