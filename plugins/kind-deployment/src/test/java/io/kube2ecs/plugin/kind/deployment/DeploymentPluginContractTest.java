package io.kube2ecs.plugin.kind.deployment;

import io.kube2ecs.api.spi.Plugin;
import io.kube2ecs.testkit.contract.KindMapperContract;
import java.util.Map;

/** The built-in Deployment mapper passes the same contract third-party mappers are held to. */
class DeploymentPluginContractTest implements KindMapperContract {

    @Override
    public Plugin plugin() {
        return new DeploymentPlugin();
    }

    @Override
    public Map<String, String> fixtures() {
        return Map.of("web.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                  namespace: shop
                spec:
                  replicas: 2
                  template:
                    spec:
                      containers:
                        - name: web
                          image: nginx:1.27
                          ports: [{containerPort: 80}]
                          resources: {requests: {cpu: 100m, memory: 128Mi}}
                """);
    }
}
