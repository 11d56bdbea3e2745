package io.kube2ecs.plugin.source.cluster;

import io.kube2ecs.api.ApiVersion;
import io.kube2ecs.api.spi.InputSource;
import io.kube2ecs.api.spi.Plugin;
import java.util.List;

/**
 * Contributes the {@code cluster} input source: reads the objects of a live cluster through
 * kubeconfig with the fabric8 Kubernetes client.
 */
public final class ClusterSourcePlugin implements Plugin {

    private final ClusterInputSource source = new ClusterInputSource();

    /** Creates the plugin; does no work. */
    public ClusterSourcePlugin() {
    }

    @Override
    public String id() {
        return "source-cluster";
    }

    @Override
    public String description() {
        return "reads the objects of a live cluster through kubeconfig (kube2ecs convert --cluster)";
    }

    /** @return 1.4: the source reads {@code InputRequest.kinds()} and {@code reportedKinds()} and talks through the sink */
    @Override
    public ApiVersion requiredApiVersion() {
        return new ApiVersion(1, 4);
    }

    @Override
    public List<InputSource> inputSources() {
        return List.of(source);
    }
}
