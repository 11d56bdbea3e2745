package io.kube2ecs.plugin.kind.configmap;

import io.kube2ecs.api.spi.KindMapper;
import io.kube2ecs.api.spi.Plugin;
import java.util.List;

/**
 * Maps {@code ConfigMap} keys to SSM Parameter Store String parameters.
 */
public final class ConfigMapPlugin implements Plugin {

    @Override
    public String id() {
        return "kind-configmap";
    }

    @Override
    public String description() {
        return "ConfigMap -> SSM String parameters (one per key)";
    }

    @Override
    public List<KindMapper> kindMappers() {
        return List.of(new ConfigMapMapper());
    }
}
