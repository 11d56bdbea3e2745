package io.kube2ecs.core.load;

import io.kube2ecs.api.source.ObjectRef;
import java.util.Map;

/**
 * One Kubernetes object read from the input, before any plugin saw it.
 *
 * @param file       the input it came from, as the user named it
 * @param root       its parsed content, positions included
 * @param ref        kind, namespace and name
 * @param apiVersion the {@code apiVersion} as written
 * @param labels     {@code metadata.labels}
 */
public record LoadedObject(String file, YamlNode root, ObjectRef ref, String apiVersion, Map<String, String> labels) {
    public LoadedObject {
        labels = Map.copyOf(labels);
    }
}
