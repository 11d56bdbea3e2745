package io.kube2ecs.plugin.source.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the cleaner drops, and what it must keep because it is not the server's default. */
class ObjectCleanerTest {

    private static final YAMLMapper YAML = new YAMLMapper();

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cleaned(String yaml) throws IOException {
        Map<String, Object> object = YAML.readValue(yaml, Map.class);
        ObjectCleaner.clean(object);
        return object;
    }

    private static String json(Object value) throws IOException {
        return new ObjectMapper().writeValueAsString(value);
    }

    @ParameterizedTest
    @CsvSource({"nginx, Always", "nginx:latest, Always", "nginx:1.25, IfNotPresent", "registry:5000/app, Always",
        "registry:5000/app:v2, IfNotPresent", "app@sha256:abc, IfNotPresent"})
    void thePullPolicyDefaultFollowsTheTag(String image, String policy) {
        assertThat(ObjectCleaner.defaultPullPolicy(image)).isEqualTo(policy);
    }

    @Test
    void valuesThatAreNotTheDefaultAreKept() throws IOException {
        Map<String, Object> deployment = cleaned("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web, namespace: shop, uid: u, resourceVersion: "7", generation: 3,
                  annotations: {deployment.kubernetes.io/revision: "3", team: shop}}
                spec:
                  replicas: 3
                  progressDeadlineSeconds: 120
                  strategy: {type: Recreate}
                  template:
                    metadata: {creationTimestamp: null, labels: {app: web}}
                    spec:
                      terminationGracePeriodSeconds: 60
                      dnsPolicy: ClusterFirst
                      containers:
                      - name: web
                        image: nginx:1.25
                        imagePullPolicy: Always
                        terminationMessagePath: /dev/termination-log
                        ports: [{containerPort: 53, protocol: UDP}, {containerPort: 80, protocol: TCP}]
                        readinessProbe: {httpGet: {path: /, port: 80, scheme: HTTPS}, periodSeconds: 10, timeoutSeconds: 5}
                status: {replicas: 3}
                """);
        assertThat(json(deployment)).isEqualTo(json(YAML.readValue("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web, namespace: shop, annotations: {team: shop}}
                spec:
                  replicas: 3
                  progressDeadlineSeconds: 120
                  strategy: {type: Recreate}
                  template:
                    metadata: {labels: {app: web}}
                    spec:
                      terminationGracePeriodSeconds: 60
                      containers:
                      - name: web
                        image: nginx:1.25
                        imagePullPolicy: Always
                        ports: [{containerPort: 53, protocol: UDP}, {containerPort: 80}]
                        readinessProbe: {httpGet: {path: /, port: 80, scheme: HTTPS}, timeoutSeconds: 5}
                """, Map.class)));
    }

    @Test
    void aHeadlessServiceKeepsClusterIpNoneAndNamedTargetPorts() throws IOException {
        Map<String, Object> service = cleaned("""
                apiVersion: v1
                kind: Service
                metadata: {name: db, namespace: shop}
                spec:
                  clusterIP: None
                  clusterIPs: [None]
                  ipFamilies: [IPv4]
                  ipFamilyPolicy: SingleStack
                  type: ClusterIP
                  sessionAffinity: ClientIP
                  ports: [{port: 5432, targetPort: postgres, protocol: TCP}, {port: 80, targetPort: 80}]
                """);
        assertThat(json(service)).isEqualTo(json(YAML.readValue("""
                apiVersion: v1
                kind: Service
                metadata: {name: db, namespace: shop}
                spec:
                  clusterIP: None
                  sessionAffinity: ClientIP
                  ports: [{port: 5432, targetPort: postgres}, {port: 80}]
                """, Map.class)));
    }

    @Test
    void admissionAdditionsGoFromPodsButAPodTemplateKeepsItsNamedAccount() throws IOException {
        Map<String, Object> pod = cleaned("""
                apiVersion: v1
                kind: Pod
                metadata: {name: job, namespace: shop}
                spec:
                  nodeName: node-1
                  serviceAccountName: default
                  serviceAccount: default
                  priority: 0
                  enableServiceLinks: true
                  tolerations:
                  - {key: node.kubernetes.io/not-ready, operator: Exists, effect: NoExecute, tolerationSeconds: 300}
                  - {key: dedicated, operator: Equal, value: batch, effect: NoSchedule}
                  volumes:
                  - name: kube-api-access-abcde
                    projected: {defaultMode: 420, sources: [{serviceAccountToken: {path: token}}]}
                  - {name: config, configMap: {name: app, defaultMode: 420}}
                  containers:
                  - name: job
                    image: busybox
                    imagePullPolicy: Always
                    env: [{name: NS, valueFrom: {fieldRef: {apiVersion: v1, fieldPath: metadata.namespace}}}]
                    volumeMounts:
                    - {name: kube-api-access-abcde, mountPath: /var/run/secrets/kubernetes.io/serviceaccount, readOnly: true}
                    - {name: config, mountPath: /etc/app}
                """);
        assertThat(json(pod)).isEqualTo(json(YAML.readValue("""
                apiVersion: v1
                kind: Pod
                metadata: {name: job, namespace: shop}
                spec:
                  tolerations:
                  - {key: dedicated, operator: Equal, value: batch, effect: NoSchedule}
                  volumes:
                  - {name: config, configMap: {name: app}}
                  containers:
                  - name: job
                    image: busybox
                    env: [{name: NS, valueFrom: {fieldRef: {fieldPath: metadata.namespace}}}]
                    volumeMounts:
                    - {name: config, mountPath: /etc/app}
                """, Map.class)));
    }

    @Test
    void secretsLoseTheirLastAppliedConfigurationWhichHoldsTheirValues() throws IOException {
        Map<String, Object> secret = cleaned("""
                apiVersion: v1
                kind: Secret
                type: Opaque
                metadata:
                  name: db
                  namespace: shop
                  annotations:
                    kubectl.kubernetes.io/last-applied-configuration: '{"data":{"password":"c2VjcmV0"}}'
                data: {password: c2VjcmV0}
                """);
        assertThat(json(secret)).doesNotContain("last-applied").doesNotContain("Opaque")
                .isEqualTo("{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"metadata\":{\"name\":\"db\",\"namespace\":\"shop\"},"
                        + "\"data\":{\"password\":\"c2VjcmV0\"}}");
    }
}
