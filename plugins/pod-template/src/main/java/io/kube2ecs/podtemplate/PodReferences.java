package io.kube2ecs.podtemplate;

import io.kube2ecs.api.source.ObjectRef;
import io.kube2ecs.api.source.ResourceKind;
import io.kube2ecs.api.source.SourceNode;
import io.kube2ecs.api.spi.Reference;
import java.util.ArrayList;
import java.util.List;

/**
 * The objects a pod spec refers to by name: its ServiceAccount, the ConfigMaps and Secrets of
 * {@code env}, {@code envFrom} and volumes, and its image pull secrets. Kubernetes tolerates a
 * missing one only when it is marked {@code optional: true}.
 */
final class PodReferences {

    private static final ResourceKind CONFIG_MAP = new ResourceKind("", "ConfigMap");
    private static final ResourceKind SECRET = new ResourceKind("", "Secret");
    private static final ResourceKind SERVICE_ACCOUNT = new ResourceKind("", "ServiceAccount");

    private PodReferences() {
    }

    static List<Reference> of(SourceNode podSpec, String namespace) {
        List<Reference> out = new ArrayList<>();
        SourceNode account = podSpec.get("serviceAccountName").exists() ? podSpec.get("serviceAccountName")
                : podSpec.get("serviceAccount");
        account.asText().filter(name -> !name.equals("default"))
                .ifPresent(name -> out.add(new Reference(new ObjectRef(SERVICE_ACCOUNT, namespace, name), account, false)));
        List<SourceNode> containers = new ArrayList<>(podSpec.get("initContainers").items());
        containers.addAll(podSpec.get("containers").items());
        for (SourceNode container : containers) {
            for (SourceNode variable : container.get("env").items()) {
                read(out, variable.get("valueFrom").get("configMapKeyRef"), CONFIG_MAP, namespace);
                read(out, variable.get("valueFrom").get("secretKeyRef"), SECRET, namespace);
            }
            for (SourceNode source : container.get("envFrom").items()) {
                read(out, source.get("configMapRef"), CONFIG_MAP, namespace);
                read(out, source.get("secretRef"), SECRET, namespace);
            }
        }
        for (SourceNode volume : podSpec.get("volumes").items()) {
            read(out, volume.get("configMap"), CONFIG_MAP, namespace);
            SourceNode secret = volume.get("secret");
            secret.get("secretName").asText().ifPresent(name -> out.add(new Reference(new ObjectRef(SECRET, namespace, name),
                    secret.get("secretName"), secret.get("optional").asBoolean().orElse(false), true)));
            for (SourceNode projected : volume.get("projected").get("sources").items()) {
                read(out, projected.get("configMap"), CONFIG_MAP, namespace);
                read(out, projected.get("secret"), SECRET, namespace);
            }
        }
        // the kubelet starts the pod without a missing pull secret; only a private image then fails to pull
        for (SourceNode pullSecret : podSpec.get("imagePullSecrets").items()) {
            pullSecret.get("name").asText().ifPresent(name -> out.add(new Reference(new ObjectRef(SECRET, namespace, name),
                    pullSecret.get("name"), false)));
        }
        return out;
    }

    /** A ConfigMap or Secret the containers read: the kubelet does not start them while it is missing. */
    private static void read(List<Reference> out, SourceNode ref, ResourceKind kind, String namespace) {
        ref.get("name").asText().ifPresent(name -> out.add(new Reference(new ObjectRef(kind, namespace, name), ref.get("name"),
                ref.get("optional").asBoolean().orElse(false), true)));
    }
}
