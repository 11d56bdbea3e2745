package io.kube2ecs.plugin.kind.secret;

import io.kube2ecs.api.spi.KindMapper;
import io.kube2ecs.api.spi.Plugin;
import java.util.List;

/**
 * Maps {@code Secret} to SSM SecureString parameters or Secrets Manager secrets, never carrying a
 * value into any output.
 */
public final class SecretPlugin implements Plugin {

    @Override
    public String id() {
        return "kind-secret";
    }

    @Override
    public String description() {
        return "Secret -> SSM SecureString parameters or Secrets Manager secrets (values supplied at deploy time)";
    }

    @Override
    public List<KindMapper> kindMappers() {
        return List.of(new SecretMapper());
    }
}
