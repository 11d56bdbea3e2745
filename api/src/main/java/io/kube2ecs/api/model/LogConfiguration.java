package io.kube2ecs.api.model;

import io.kube2ecs.api.Stable;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a container's output goes (ECS {@code logConfiguration}). Immutable.
 *
 * @param logDriver e.g. {@code awslogs}
 * @param options   driver options; values may be environment inputs (the region) or references
 *                  (a log group's name); sorted by key
 */
@Stable
public record LogConfiguration(String logDriver, Map<String, Value> options) {
    public LogConfiguration {
        options = java.util.Collections.unmodifiableMap(new TreeMap<>(options));
    }
}
