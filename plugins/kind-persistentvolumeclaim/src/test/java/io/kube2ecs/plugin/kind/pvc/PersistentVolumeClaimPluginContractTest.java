package io.kube2ecs.plugin.kind.pvc;

import io.kube2ecs.api.spi.Plugin;
import io.kube2ecs.plugin.kind.deployment.DeploymentPlugin;
import io.kube2ecs.testkit.contract.KindMapperContract;
import java.util.List;
import java.util.Map;

/** The claim mapper passes the contract third-party mappers are held to, with a Deployment that mounts the claim. */
class PersistentVolumeClaimPluginContractTest implements KindMapperContract {

    @Override
    public Plugin plugin() {
        return new PersistentVolumeClaimPlugin();
    }

    @Override
    public List<Plugin> collaborators() {
        return List.of(new DeploymentPlugin());
    }

    @Override
    public Map<String, String> fixtures() {
        return Map.of("app.yaml", """
                apiVersion: v1
                kind: PersistentVolumeClaim
                metadata:
                  name: data
                  namespace: shop
                spec:
                  accessModes: [ReadWriteMany]
                  resources: {requests: {storage: 5Gi}}
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                  namespace: shop
                spec:
                  template:
                    spec:
                      containers:
                        - name: web
                          image: nginx:1.27
                          volumeMounts: [{name: data, mountPath: /data}]
                      volumes:
                        - name: data
                          persistentVolumeClaim: {claimName: data}
                """);
    }
}
