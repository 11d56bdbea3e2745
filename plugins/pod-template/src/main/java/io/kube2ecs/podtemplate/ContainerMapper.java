package io.kube2ecs.podtemplate;

import io.kube2ecs.api.diag.Diagnostics;
import io.kube2ecs.api.model.ContainerDefinition;
import io.kube2ecs.api.model.MountPoint;
import io.kube2ecs.api.model.PortMapping;
import io.kube2ecs.api.source.SourceNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * One Kubernetes container to one ECS container definition.
 */
final class ContainerMapper {

    /** Fargate lets a task add this capability and no other. */
    private static final Set<String> FARGATE_CAPABILITIES = Set.of("SYS_PTRACE");
    /** What every container on Fargate starts with (Docker's default set). */
    private static final Set<String> DOCKER_DEFAULTS = Set.of("AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID",
            "KILL", "MKNOD", "NET_BIND_SERVICE", "NET_RAW", "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT");

    private final PodContext pod;
    private final Diagnostics diagnostics;
    private final SourceNode podSecurity;
    private final Map<String, String> ownedPorts;
    private final Set<String> scratchVolumes;
    private final Set<String> readOnlyVolumes;
    private final Sizing sizing;
    private final ConfigFiles configFiles;

    ContainerMapper(PodContext pod, SourceNode podSecurity, Map<String, String> ownedPorts, Set<String> scratchVolumes,
                    Set<String> readOnlyVolumes, Sizing sizing, ConfigFiles configFiles) {
        this.configFiles = configFiles;
        this.pod = pod;
        this.diagnostics = pod.context().diagnostics();
        this.podSecurity = podSecurity;
        this.ownedPorts = ownedPorts;
        this.scratchVolumes = scratchVolumes;
        this.readOnlyVolumes = readOnlyVolumes;
        this.sizing = sizing;
    }

    ContainerDefinition map(SourceNode node) {
        String name = node.get("name").asText().orElse(null);
        String image = node.get("image").asText().orElse(null);
        if (name == null) {
            diagnostics.error(node, PodCodes.NO_IMAGE, "container has no name", "every container needs a name");
            return null;
        }
        if (image == null || image.isBlank()) {
            diagnostics.error(node.get("image").exists() ? node.get("image") : node, PodCodes.NO_IMAGE,
                    "container '" + name + "' has no image",
                    "Kubernetes lets a controller inject images (e.g. a mutating webhook); ECS needs it in the task definition");
            return null;
        }
        ContainerDefinition container = new ContainerDefinition(name, image);
        for (SourceNode port : node.get("ports").items()) {
            PortMapping mapping = port(port, name);
            if (mapping != null) {
                container.portMappings().add(mapping);
            }
        }
        node.get("imagePullPolicy").ignore("Fargate pulls the image at every task start, as with imagePullPolicy: Always");
        EnvironmentMapper environment = new EnvironmentMapper(pod);
        environment.map(node, container);
        container.entryPoint(expanded(node.get("command"), environment));
        container.command(expanded(node.get("args"), environment));
        node.get("workingDir").asText().ifPresent(container::workingDirectory);
        node.get("stdin").asBoolean().filter(b -> b).ifPresent(container::interactive);
        node.get("tty").asBoolean().filter(b -> b).ifPresent(container::pseudoTerminal);
        node.get("stdinOnce").ignore("ECS keeps stdin open for the container's life when interactive");
        node.get("terminationMessagePath").ignore("ECS records the stop reason and exit code of every container");
        node.get("terminationMessagePolicy").ignore("ECS records the stop reason and exit code of every container");
        sizing.container(node.get("resources"), container);
        new ProbeMapper(diagnostics).map(node, container);
        security(node.get("securityContext"), container);
        mounts(node, container);
        SourceNode lifecycle = node.get("lifecycle");
        if (lifecycle.exists()) {
            diagnostics.warning(lifecycle, PodCodes.NOT_ON_FARGATE, "lifecycle hooks (postStart, preStop) have no ECS equivalent "
                    + "and are not converted", "ECS sends SIGTERM and waits stopTimeout seconds: handle SIGTERM in the "
                    + "process, or wrap the entry point in a script that runs the hook");
            lifecycle.markConverted();
        }
        return container;
    }

    private List<String> expanded(SourceNode list, EnvironmentMapper environment) {
        if (!list.exists()) {
            return null;
        }
        List<String> out = new ArrayList<>();
        List<SourceNode> items = list.items();
        for (SourceNode item : items) {
            String raw = item.asText().orElse("");
            for (String reference : VariableExpansion.references(raw)) {
                if (environment.runtimeOnly().contains(reference)) {
                    diagnostics.warning(item, PodCodes.EXPANSION, "$(" + reference + ") refers to a value ECS sets only when "
                            + "the task starts; ECS does not expand it here",
                            "run the command through a shell, e.g. [\"sh\", \"-c\", \"… ${" + reference + "}\"]");
                } else if (!environment.known().containsKey(reference)) {
                    diagnostics.warning(item, PodCodes.EXPANSION, "$(" + reference + ") is not a variable of this container; "
                            + "Kubernetes leaves it as written, and so does the conversion", null);
                }
            }
            out.add(VariableExpansion.expand(raw, environment.known()));
        }
        return out;
    }

    private PortMapping port(SourceNode port, String container) {
        OptionalInt number = port.get("containerPort").asInt();
        if (number.isEmpty() || number.getAsInt() < 1 || number.getAsInt() > 65535) {
            diagnostics.error(port.get("containerPort"), PodCodes.PORT, "containerPort must be a number from 1 to 65535",
                    "fix the port number");
            return null;
        }
        int containerPort = number.getAsInt();
        String protocol = port.get("protocol").asText().orElse("TCP");
        if (protocol.equals("SCTP")) {
            diagnostics.error(port.get("protocol"), PodCodes.PORT, "ECS has no SCTP port mappings",
                    "carry the traffic over TCP or UDP, or keep this workload on Kubernetes");
            return null;
        }
        String key = containerPort + "/" + protocol;
        String previousOwner = ownedPorts.putIfAbsent(key, container);
        if (previousOwner != null) {
            diagnostics.error(port.get("containerPort"), PodCodes.PORT, "port " + key + " is declared by containers '"
                    + previousOwner + "' and '" + container + "'",
                    "in an awsvpc task all containers share one network namespace, so each port can be declared once");
            return null;
        }
        SourceNode hostPort = port.get("hostPort");
        OptionalInt host = hostPort.asInt();
        if (host.isPresent() && host.getAsInt() != containerPort) {
            diagnostics.error(hostPort, PodCodes.PORT, "hostPort " + host.getAsInt() + " differs from containerPort "
                    + containerPort + "; in awsvpc mode ECS requires them to be equal",
                    "drop hostPort (clients then use " + containerPort + "), or change containerPort to " + host.getAsInt());
        }
        port.get("hostIP").ignore("Fargate tasks have their own network interface; there is no host IP to bind");
        String portName = port.get("name").asText().orElse(null);
        return new PortMapping(containerPort, protocol.toLowerCase(Locale.ROOT), portName, null);
    }

    private void security(SourceNode context, ContainerDefinition container) {
        Long user = first(context.get("runAsUser"), podSecurity.get("runAsUser"));
        Long group = first(context.get("runAsGroup"), podSecurity.get("runAsGroup"));
        if (user != null) {
            container.user(group == null ? Long.toString(user) : user + ":" + group);
        } else if (group != null) {
            diagnostics.warning(context.get("runAsGroup").exists() ? context.get("runAsGroup") : podSecurity.get("runAsGroup"),
                    PodCodes.SECURITY, "runAsGroup without runAsUser cannot be expressed in ECS (user is uid or uid:gid)",
                    "set runAsUser too");
        }
        SourceNode nonRoot = context.get("runAsNonRoot").exists() ? context.get("runAsNonRoot") : podSecurity.get("runAsNonRoot");
        if (nonRoot.asBoolean().orElse(false) && user != null && user == 0) {
            diagnostics.error(nonRoot, PodCodes.SECURITY, "runAsNonRoot is set but runAsUser is 0; Kubernetes would not start "
                    + "this container", "run as a non-zero uid");
        } else if (nonRoot.asBoolean().orElse(false) && user == null) {
            diagnostics.warning(nonRoot, PodCodes.SECURITY, "runAsNonRoot is not enforced by ECS; the image's user applies",
                    "set runAsUser to a non-zero uid so the task definition names the user");
        }
        context.get("readOnlyRootFilesystem").asBoolean().ifPresent(container::readonlyRootFilesystem);
        if (context.get("privileged").asBoolean().orElse(false)) {
            diagnostics.error(context.get("privileged"), PodCodes.SECURITY, "Fargate does not run privileged containers",
                    "drop privileged, or run this workload on ECS with EC2 capacity");
        }
        capabilities(context.get("capabilities"), container);
        SourceNode escalation = context.get("allowPrivilegeEscalation");
        if (escalation.exists()) {
            if (escalation.asBoolean().orElse(true)) {
                escalation.markConverted(); // allowing escalation is the ECS behaviour
            } else {
                diagnostics.warning(escalation, PodCodes.SECURITY, "allowPrivilegeEscalation: false (no_new_privs) cannot be set on ECS",
                        "keep the container non-root with runAsUser and drop capabilities to limit what escalation could gain");
                escalation.markConverted();
            }
        }
        for (String field : new String[] {"seccompProfile", "seLinuxOptions", "appArmorProfile", "procMount", "windowsOptions"}) {
            if (context.get(field).exists()) {
                diagnostics.warning(context.get(field), PodCodes.SECURITY, field + " cannot be set on Fargate; "
                        + "Fargate applies its own default profile", null);
                context.get(field).markConverted();
            }
        }
    }

    /**
     * Fargate lets a task add only SYS_PTRACE, but containers start with Docker's default set, so
     * adding a default capability is already granted, and "drop ALL, add X" becomes dropping every
     * default except X.
     */
    private void capabilities(SourceNode capabilities, ContainerDefinition container) {
        Set<String> added = new java.util.TreeSet<>();
        for (SourceNode add : capabilities.get("add").items()) {
            String capability = capability(add);
            if (FARGATE_CAPABILITIES.contains(capability)) {
                container.capabilitiesAdd().add(capability);
            } else if (DOCKER_DEFAULTS.contains(capability)) {
                added.add(capability);
            } else {
                diagnostics.error(add, PodCodes.SECURITY, "Fargate allows adding only SYS_PTRACE (and keeps Docker's default "
                        + "capabilities), not " + capability, "remove the capability, or run this workload on ECS with EC2 capacity");
            }
        }
        List<String> dropped = new ArrayList<>();
        for (SourceNode drop : capabilities.get("drop").items()) {
            dropped.add(capability(drop));
        }
        if (dropped.contains("ALL")) {
            DOCKER_DEFAULTS.stream().filter(c -> !added.contains(c)).sorted().forEach(container.capabilitiesDrop()::add);
        } else {
            // a capability both added and dropped ends up dropped, as container runtimes apply drop after add
            dropped.forEach(container.capabilitiesDrop()::add);
        }
    }

    private static String capability(SourceNode node) {
        return node.asText().orElse("").toUpperCase(Locale.ROOT).replaceFirst("^CAP_", "");
    }

    private static Long first(SourceNode container, SourceNode pod) {
        if (container.exists()) {
            return container.asLong().isPresent() ? container.asLong().getAsLong() : null;
        }
        return pod.asLong().isPresent() ? pod.asLong().getAsLong() : null;
    }

    private void mounts(SourceNode node, ContainerDefinition container) {
        for (SourceNode mount : node.get("volumeMounts").items()) {
            String volume = mount.get("name").asText().orElse("");
            if (!scratchVolumes.contains(volume)) {
                boolean declared = pod.context().objects().find(pod.owner().ref())
                        .map(o -> ServiceRouting.podTemplate(o).get("spec").get("volumes").items().stream()
                                .anyMatch(v -> v.get("name").asText().map(volume::equals).orElse(false))).orElse(false);
                if (declared) {
                    // the volume itself is reported where it is declared; the mount goes with it
                    mount.ignore("volume '" + volume + "' is not converted (see the diagnostic on the volume)");
                } else {
                    diagnostics.error(mount.get("name"), PodCodes.VOLUME, "no volume named '" + volume + "' is declared in the pod",
                            "add it under spec.volumes; Kubernetes would not start this pod either");
                }
                continue;
            }
            String containerPath = mount.get("mountPath").asText().orElse("/");
            if (mount.get("subPath").exists() || mount.get("subPathExpr").exists()) {
                String subPath = mount.get("subPath").asText().orElse("");
                if (configFiles.has(volume)) {
                    // mounting the folder over a file path would hide the image's own file there; keep it apart instead
                    containerPath = ConfigFiles.staging(volume);
                    diagnostics.warning(mount, PodCodes.VOLUME, "ECS mounts whole folders, not single files: " + subPath + " is at "
                            + containerPath + "/" + subPath + " instead of " + mount.get("mountPath").asText().orElse(""),
                            "point the application at that path, or link it from the entry point (ln -sf " + containerPath + "/"
                                    + subPath + " " + mount.get("mountPath").asText().orElse("") + ")");
                } else {
                    diagnostics.warning(mount, PodCodes.VOLUME, "subPath mounts have no ECS equivalent; volume '" + volume
                            + "' is mounted whole at " + containerPath, "use separate volumes instead of sub-paths of one");
                }
                mount.get("subPath").markConverted();
                mount.get("subPathExpr").markConverted();
            }
            mount.get("mountPropagation").ignore("Fargate volumes do not propagate mounts");
            // readOnly of a claim's volume holds for every mount of it, as the kubelet mounts it read-only
            container.mountPoints().add(new MountPoint(volume, containerPath, mount.get("readOnly").asBoolean().orElse(false)
                    || readOnlyVolumes.contains(volume)));
        }
    }
}
