package io.kube2ecs.podtemplate;

import static io.kube2ecs.api.spi.FieldSupport.ignored;
import static io.kube2ecs.api.spi.FieldSupport.mapped;
import static io.kube2ecs.api.spi.FieldSupport.partial;

import io.kube2ecs.api.spi.FieldSupport;
import java.util.ArrayList;
import java.util.List;

/**
 * What the pod-template library does with the fields of a pod spec, for the support matrix of
 * every workload mapper built on it (Deployment, ReplicaSet, Pod). docs/mapping/workloads.md has
 * the details behind each line.
 */
public final class PodTemplateSupport {

    private PodTemplateSupport() {
    }

    /**
     * @param owner prefix of the workload's own metadata ({@code metadata.}), where its labels are tags
     * @param pod   prefix of the pod template ({@code spec.template.} for controllers, empty for a Pod)
     * @return the declarations, with paths under those prefixes
     */
    public static List<FieldSupport> fields(String owner, String pod) {
        String spec = pod + "spec.";
        List<FieldSupport> out = new ArrayList<>();
        out.add(mapped(owner + "labels.*", "tags of the task definition and service (AWS tag rules applied, POD017 otherwise)"));
        if (!pod.isEmpty()) {
            out.add(ignored(pod + "metadata.labels", "used to match Services and policies; the service owns its tasks"));
        }
        for (String containers : List.of("containers[]", "initContainers[]")) {
            String c = spec + containers + ".";
            out.add(mapped(c + "name", "containerDefinitions[].name"));
            out.add(mapped(c + "image", "image"));
            out.add(ignored(c + "imagePullPolicy", "Fargate pulls the image at every task start"));
            out.add(mapped(c + "command", "entryPoint, with $(VAR) expanded as Kubernetes does"));
            out.add(mapped(c + "args", "command"));
            out.add(mapped(c + "workingDir", "workingDirectory"));
            out.add(mapped(c + "env[].name", "environment[] / secrets[] name"));
            out.add(mapped(c + "env[].value", "environment[] value, $(VAR) expanded"));
            out.add(mapped(c + "env[].valueFrom.configMapKeyRef", "secrets[] from the SSM parameter of the key; missing object K2E303, key POD011"));
            out.add(mapped(c + "env[].valueFrom.secretKeyRef", "secrets[] from the SecureString parameter or Secrets Manager key"));
            out.add(partial(c + "env[].valueFrom.fieldRef", "values known at conversion (namespace, names, labels); runtime ones POD011"));
            out.add(partial(c + "env[].valueFrom.resourceFieldRef", "the container's requests and limits"));
            out.add(mapped(c + "envFrom[].configMapRef", "one secrets[] entry per key"));
            out.add(mapped(c + "envFrom[].secretRef", "one secrets[] entry per key"));
            out.add(mapped(c + "envFrom[].prefix", "prepended to each variable"));
            out.add(mapped(c + "ports[].containerPort", "portMappings[].containerPort"));
            out.add(mapped(c + "ports[].protocol", "portMappings[].protocol"));
            out.add(mapped(c + "ports[].name", "portMappings[].name, and targetPort by name"));
            out.add(partial(c + "ports[].hostPort", "awsvpc: must equal containerPort; another value is an error"));
            out.add(ignored(c + "ports[].hostIP", "Fargate tasks have their own network interface"));
            out.add(mapped(c + "resources.requests", "container cpu and memoryReservation; the task's Fargate size (POD005)"));
            out.add(mapped(c + "resources.limits", "container memory (hard limit); the Fargate size with the max policy"));
            out.add(partial(c + "livenessProbe", "healthCheck: exec as CMD, httpGet and tcpSocket as a curl or nc command (POD012), timing clamped to ECS ranges (POD016)"));
            out.add(partial(c + "readinessProbe", "the target group health check behind a load balancer; otherwise left out (ECS has no readiness)"));
            out.add(partial(c + "startupProbe", "with a liveness probe: the health check's start period"));
            out.add(partial(c + "securityContext", "user, readonlyRootFilesystem, privileged (refused on Fargate), capabilities; the rest POD015"));
            out.add(partial(c + "volumeMounts", "mountPoints[] of converted volumes; subPath mounts the whole volume (POD014)"));
            out.add(ignored(c + "lifecycle", "postStart and preStop hooks have no ECS equivalent (warning)"));
            out.add(mapped(c + "stdin", "interactive"));
            out.add(mapped(c + "tty", "pseudoTerminal"));
            out.add(ignored(c + "terminationMessagePath", "ECS keeps the stopped reason instead"));
            out.add(ignored(c + "terminationMessagePolicy", "ECS keeps the stopped reason instead"));
        }
        out.add(mapped(spec + "initContainers[].restartPolicy", "Always: a sidecar that starts before the app (dependsOn START)"));
        out.add(mapped(spec + "serviceAccountName", "the ServiceAccount's IRSA role becomes the task role"));
        out.add(mapped(spec + "serviceAccount", "the same, deprecated spelling"));
        out.add(mapped(spec + "imagePullSecrets", "repositoryCredentials from the dockerconfigjson Secret"));
        out.add(mapped(spec + "volumes[].name", "volumes[].name"));
        out.add(partial(spec + "volumes[].emptyDir", "task storage; medium Memory becomes disk (POD014), sizeLimit ephemeral storage"));
        out.add(mapped(spec + "volumes[].configMap", "files written by the kube2ecs-config-files container from SSM"));
        out.add(mapped(spec + "volumes[].secret", "the same, from SecureString parameters"));
        out.add(partial(spec + "volumes[].projected", "configMap and secret sources; other sources POD014"));
        out.add(mapped(spec + "volumes[].persistentVolumeClaim", "an EFS volume through the claim's access point (kind-persistentvolumeclaim), "
                + "transit encryption on, readOnly on every mount; a claim not in the input POD014"));
        out.add(ignored(spec + "volumes[].hostPath", "refused on Fargate (POD014 error)"));
        out.add(partial(spec + "securityContext", "runAsUser, runAsGroup, runAsNonRoot as the containers' user; fsGroup as the group of "
                + "mounted claims' access points; otherwise fsGroup, and sysctls, seccomp, SELinux, AppArmor, "
                + "are reported (Fargate cannot set them)"));
        out.add(mapped(spec + "terminationGracePeriodSeconds", "stopTimeout of each container (at most 120)"));
        out.add(ignored(spec + "hostname", "Fargate sets the hostname of awsvpc tasks itself (warning)"));
        out.add(ignored(spec + "subdomain", "per-pod DNS names come from Cloud Map (warning)"));
        out.add(ignored(spec + "hostAliases", "Fargate does not support extraHosts (warning)"));
        out.add(ignored(spec + "dnsConfig", "tasks use the VPC's DNS settings (warning)"));
        out.add(partial(spec + "nodeSelector", "kubernetes.io/arch and kubernetes.io/os become runtimePlatform; other labels are reported"));
        out.add(ignored(spec + "affinity", "Fargate places tasks itself; spread them over subnets in several zones (warning)"));
        out.add(ignored(spec + "tolerations", "Fargate has no nodes to taint (warning)"));
        out.add(ignored(spec + "topologySpreadConstraints", "ECS spreads tasks across the subnets' zones (warning)"));
        out.add(mapped(spec + "shareProcessNamespace", "pidMode: task"));
        out.add(ignored(spec + "dnsPolicy", "tasks use the VPC resolver, which answers Cloud Map names"));
        out.add(partial(spec + "hostNetwork", "false is the awsvpc default; true is refused on Fargate (error)"));
        out.add(partial(spec + "hostPID", "false is the default; true is refused on Fargate (error)"));
        out.add(partial(spec + "hostIPC", "false is the default; true is refused on Fargate (error)"));
        out.add(ignored(spec + "restartPolicy", "ECS services restart stopped tasks; a one-off task is not restarted"));
        out.add(ignored(spec + "schedulerName", "ECS schedules Fargate tasks itself (warning)"));
        out.add(ignored(spec + "enableServiceLinks", "ECS injects no service variables; services are found by their Cloud Map names"));
        out.add(ignored(spec + "automountServiceAccountToken", "there is no Kubernetes API on ECS; the task role gives AWS credentials"));
        out.add(ignored(spec + "priorityClassName", "Fargate does not preempt tasks (warning)"));
        out.add(ignored(spec + "runtimeClassName", "every Fargate task runs in its own micro-VM (warning)"));
        out.add(ignored(spec + "nodeName", "Fargate has no nodes (warning)"));
        out.add(ignored(spec + "activeDeadlineSeconds", "ECS does not stop tasks after a deadline (warning)"));
        return out;
    }
}
