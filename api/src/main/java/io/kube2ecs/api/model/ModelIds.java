package io.kube2ecs.api.model;

import io.kube2ecs.api.Stable;

/**
 * The ids by which mappers of different kinds refer to each other's resources, so a Deployment
 * can point at the parameter a ConfigMap mapper creates without either knowing the other. A
 * reference is resolved when emitting, after every mapper ran; an id nobody created is rendered
 * as a placeholder.
 */
@Stable
public final class ModelIds {

    private ModelIds() {
    }

    /**
     * @param namespace the namespace
     * @param name      the workload's name
     * @return the id of its task definition
     */
    public static ResourceId taskDefinition(String namespace, String name) {
        return new ResourceId(TaskDefinition.TYPE, namespace, name);
    }

    /**
     * @param namespace the namespace
     * @param name      the workload's name
     * @return the id of its ECS service
     */
    public static ResourceId service(String namespace, String name) {
        return new ResourceId(EcsService.TYPE, namespace, name);
    }

    /**
     * @param namespace the namespace
     * @param configMap the ConfigMap's name
     * @param key       the key
     * @return the id of the SSM parameter that holds one key of a ConfigMap
     */
    public static ResourceId configMapKey(String namespace, String configMap, String key) {
        return new ResourceId(SsmParameter.TYPE, namespace, "configmap/" + configMap + "/" + key);
    }

    /**
     * @param namespace the namespace
     * @param secret    the Secret's name
     * @param key       the key
     * @return the id of the parameter (or secret) that holds one key of a Secret
     */
    public static ResourceId secretKey(String namespace, String secret, String key) {
        return new ResourceId(SsmParameter.TYPE, namespace, "secret/" + secret + "/" + key);
    }

    /**
     * @param namespace the namespace
     * @param secret    the {@code kubernetes.io/dockerconfigjson} Secret's name
     * @return the id of the Secrets Manager secret with the registry credentials
     */
    public static ResourceId registryCredentials(String namespace, String secret) {
        return new ResourceId(SecretsManagerSecret.TYPE, namespace, "registry/" + secret);
    }

    /**
     * @param namespace      the namespace
     * @param serviceAccount the ServiceAccount's name
     * @return the id of the IAM role tasks running as that account assume
     */
    public static ResourceId serviceAccountRole(String namespace, String serviceAccount) {
        return new ResourceId(IamRole.TYPE, namespace, "serviceaccount/" + serviceAccount);
    }

    /**
     * @param namespace the Kubernetes namespace
     * @return the id of its Cloud Map private DNS namespace, {@code <namespace>.svc.cluster.local}
     */
    public static ResourceId cloudMapNamespace(String namespace) {
        return new ResourceId(CloudMapNamespace.TYPE, namespace, namespace + ".svc.cluster.local");
    }

    /**
     * @param namespace the namespace
     * @param service   the Kubernetes Service's name
     * @return the id of its Cloud Map discovery service
     */
    public static ResourceId cloudMapService(String namespace, String service) {
        return new ResourceId(CloudMapService.TYPE, namespace, service);
    }

    /**
     * @param namespace the namespace
     * @param service   the Kubernetes Service (type LoadBalancer)
     * @return the id of its load balancer
     */
    public static ResourceId serviceLoadBalancer(String namespace, String service) {
        return new ResourceId(LoadBalancer.TYPE, namespace, "service/" + service);
    }

    /**
     * @param namespace the namespace
     * @param service   the Kubernetes Service (type LoadBalancer)
     * @param port      the Service port
     * @return the id of the target group behind that port's listener
     */
    public static ResourceId serviceTargetGroup(String namespace, String service, int port) {
        return new ResourceId(TargetGroup.TYPE, namespace, "service/" + service + "/" + port);
    }

    /**
     * @param group the Ingress group: {@code alb.ingress.kubernetes.io/group.name}, or
     *              {@code <namespace>/<ingress>} for an Ingress of its own
     * @return the id of the group's Application Load Balancer
     */
    public static ResourceId ingressLoadBalancer(String group) {
        return new ResourceId(LoadBalancer.TYPE, "", "ingress/" + group);
    }

    /**
     * @param group     the Ingress group
     * @param namespace the backend Service's namespace
     * @param service   the backend Service
     * @param port      the backend port (number, or name as written)
     * @return the id of the target group of that backend behind the group's load balancer
     */
    public static ResourceId ingressTargetGroup(String group, String namespace, String service, String port) {
        return new ResourceId(TargetGroup.TYPE, namespace, "ingress/" + group + "/" + service + "/" + port);
    }

    /**
     * @param namespace the Kubernetes namespace
     * @return the id of the security group of its tasks (used when the profile names none)
     */
    public static ResourceId taskSecurityGroup(String namespace) {
        return new ResourceId(SecurityGroup.TYPE, namespace, "tasks");
    }

    /**
     * @param loadBalancer a load balancer's id
     * @return the id of that load balancer's security group
     */
    public static ResourceId loadBalancerSecurityGroup(ResourceId loadBalancer) {
        return new ResourceId(SecurityGroup.TYPE, loadBalancer.namespace(), "lb/" + loadBalancer.name());
    }

    /**
     * @param namespace the namespace
     * @param claim     the PersistentVolumeClaim's name
     * @return the id of the EFS access point that holds the claim's data
     * @since 1.5
     */
    public static ResourceId efsAccessPoint(String namespace, String claim) {
        return new ResourceId(EfsAccessPoint.TYPE, namespace, claim);
    }
}
