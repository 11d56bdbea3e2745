package io.kube2ecs.podtemplate;

import io.kube2ecs.api.diag.Diagnostics;
import io.kube2ecs.api.model.ContainerDefinition;
import io.kube2ecs.api.model.ContainerDependency;
import io.kube2ecs.api.model.DeploymentModel;
import io.kube2ecs.api.model.LogConfiguration;
import io.kube2ecs.api.model.LogGroup;
import io.kube2ecs.api.model.ModelIds;
import io.kube2ecs.api.model.ResourceId;
import io.kube2ecs.api.model.StandardInputs;
import io.kube2ecs.api.model.TaskDefinition;
import io.kube2ecs.api.model.Value;
import io.kube2ecs.api.model.Volume;
import io.kube2ecs.api.source.ObjectRef;
import io.kube2ecs.api.source.ResourceKind;
import io.kube2ecs.api.source.SourceNode;
import io.kube2ecs.api.source.SourceObject;
import io.kube2ecs.api.spi.ConversionSettings;
import io.kube2ecs.api.spi.MappingContext;
import io.kube2ecs.api.spi.Reference;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Maps a pod template (metadata and spec) to a Fargate task definition: containers, init and
 * sidecar containers, environment, probes, security context, volumes, sizing, logging and the
 * task role. Shared by every workload plugin (Deployment, ReplicaSet, Pod), each of which bundles
 * this library, so they map pods the same way without depending on each other.
 *
 * <p>Every field of the pod spec is converted, deliberately ignored with a reason, or reported with
 * a diagnostic that says what to do on ECS; the rest falls to the core's field-coverage report.
 */
public final class PodTemplateMapper {

    /** Annotation of a ServiceAccount naming the IAM role its pods assume (IRSA). */
    public static final String ROLE_ANNOTATION = "eks.amazonaws.com/role-arn";

    private static final ResourceKind SERVICE_ACCOUNT = new ResourceKind("", "ServiceAccount");
    private static final ResourceKind CLAIM = new ResourceKind("", "PersistentVolumeClaim");
    private static final int FARGATE_MAX_STOP_TIMEOUT = 120;

    private final UnaryOperator<SourceNode> template;
    private final Function<SourceNode, List<SourceNode>> claimTemplates;

    /**
     * @param template from an object's root to its pod template, the node holding {@code metadata}
     *                 and {@code spec} ({@code spec.template} for controllers, the root for a Pod)
     */
    public PodTemplateMapper(UnaryOperator<SourceNode> template) {
        this(template, root -> List.of());
    }

    /**
     * @param template       as above
     * @param claimTemplates from an object's root to its volume claim templates (a StatefulSet's
     *                       {@code spec.volumeClaimTemplates}): each becomes task storage of its
     *                       size, which the containers mount by the claim's name, with a warning
     *                       that its data does not outlive the task
     */
    public PodTemplateMapper(UnaryOperator<SourceNode> template, Function<SourceNode, List<SourceNode>> claimTemplates) {
        this.template = template;
        this.claimTemplates = claimTemplates;
    }

    /**
     * @param owner the workload
     * @return the ServiceAccount, ConfigMaps and Secrets its pods refer to by name
     */
    public List<Reference> references(SourceObject owner) {
        return PodReferences.of(template.apply(owner.root()).get("spec"), owner.namespace());
    }

    /**
     * Maps the owner's pod template and adds the task definition (and its log group) to the model.
     *
     * @param owner   the workload, with recorded reads
     * @param context the mapping context
     * @return the task definition, or empty when errors prevented one
     */
    public Optional<TaskDefinition> map(SourceObject owner, MappingContext context) {
        Diagnostics diagnostics = context.diagnostics();
        DeploymentModel model = context.model();
        ConversionSettings settings = context.settings();
        SourceNode pod = template.apply(owner.root());
        SourceNode spec = pod.get("spec");
        if (spec.get("containers").items().isEmpty()) {
            diagnostics.error(spec.get("containers").exists() ? spec.get("containers") : spec, PodCodes.NO_CONTAINERS,
                    owner.kind().kind() + " '" + owner.name() + "' has no containers", "a pod needs at least one container");
            return Optional.empty();
        }
        String namespace = owner.namespace();
        if (model.find(ModelIds.taskDefinition(namespace, owner.name()), TaskDefinition.class).isPresent()) {
            diagnostics.error(owner.root().get("metadata").get("name"), PodCodes.BAD_VALUE, "another workload named '" + owner.name()
                    + "' in namespace '" + namespace + "' already becomes a task definition of that name",
                    "rename one of them; ECS names come from the namespace and the name, not the kind");
            return Optional.empty();
        }
        PodContext podContext = new PodContext(owner, template, context);
        TaskDefinition task = new TaskDefinition(ModelIds.taskDefinition(namespace, owner.name()),
                settings.awsName(namespace, owner.name(), 255));
        task.addOrigin(owner.ref());
        task.executionRole(model.input(StandardInputs.EXECUTION_ROLE_ARN));

        ConfigFiles configFiles = new ConfigFiles(podContext);
        Set<String> readOnlyVolumes = new HashSet<>();
        Set<String> scratchVolumes = volumes(spec, task, podContext, configFiles, readOnlyVolumes);
        Sizing sizing = new Sizing(diagnostics, settings.sizingPolicy());
        for (SourceNode volume : spec.get("volumes").items()) {
            if (scratchVolumes.contains(volume.get("name").asText().orElse(""))) {
                sizing.scratch(volume.get("emptyDir").get("sizeLimit"));
            }
        }
        for (SourceNode claim : claimTemplates.apply(owner.root())) {
            claimStorage(claim, task, scratchVolumes, sizing, diagnostics);
        }
        SourceNode podSecurity = spec.get("securityContext");
        ContainerMapper containers = new ContainerMapper(podContext, podSecurity, new HashMap<>(), scratchVolumes, readOnlyVolumes,
                sizing, configFiles);

        List<ContainerDefinition> initOrder = new ArrayList<>();
        List<String> sidecars = new ArrayList<>();
        String lastInit = null;
        boolean lastInitIsSidecar = false;
        for (SourceNode node : spec.get("initContainers").items()) {
            ContainerDefinition init = containers.map(node);
            if (init == null) {
                continue;
            }
            init.essential(false);
            boolean sidecar = node.get("restartPolicy").asText().map("Always"::equals).orElse(false);
            if (lastInit != null) {
                init.dependsOn().add(new ContainerDependency(lastInit, lastInitIsSidecar ? "START" : "SUCCESS"));
            }
            if (sidecar) {
                sidecars.add(init.name());
            }
            lastInit = init.name();
            lastInitIsSidecar = sidecar;
            initOrder.add(init);
        }
        task.containers().addAll(initOrder);
        for (SourceNode node : spec.get("containers").items()) {
            ContainerDefinition app = containers.map(node);
            if (app == null) {
                continue;
            }
            node.get("restartPolicy").ignore("only init containers can be sidecars");
            for (String sidecar : sidecars) {
                app.dependsOn().add(new ContainerDependency(sidecar, "START"));
            }
            if (lastInit != null && !lastInitIsSidecar) {
                app.dependsOn().add(new ContainerDependency(lastInit, "SUCCESS"));
            }
            task.containers().add(app);
        }
        if (task.containers().stream().noneMatch(ContainerDefinition::essential)) {
            return Optional.empty();
        }
        markPodSecurity(podSecurity, diagnostics, task.volumes().stream().anyMatch(v -> v.efsAccessPointId() != null));
        podFields(spec, task, podContext, diagnostics);
        configFiles.apply(task, task.taskRole());
        logging(owner, task, context);
        sizing.apply(task, spec.get("containers"));
        task.tags().putAll(Tags.of(owner.root().get("metadata"), settings, diagnostics));
        if (!pod.path().isEmpty()) {
            pod.get("metadata").get("labels").ignore(
                    "pod labels only let Services and policies select pods; in ECS the service itself owns its tasks");
        }
        model.add(task);
        return Optional.of(task);
    }

    /**
     * A volume claim template as task storage: Fargate has no per-task persistent block storage, so
     * the honest counterpart of "each replica its own disk" is each task its own ephemeral volume,
     * sized from the claim, and a warning that the data goes with the task.
     */
    private static void claimStorage(SourceNode claim, TaskDefinition task, Set<String> scratchVolumes, Sizing sizing,
                                     Diagnostics diagnostics) {
        String name = claim.get("metadata").get("name").asText().orElse("");
        if (name.isEmpty() || scratchVolumes.contains(name)) {
            diagnostics.error(claim.get("metadata").exists() ? claim.get("metadata") : claim, PodCodes.VOLUME,
                    name.isEmpty() ? "a volume claim template has no name" : "volume claim template '" + name
                            + "' has the name of a pod volume", "give each claim template a name of its own, as Kubernetes requires");
            return;
        }
        claim.get("metadata").get("name").markConverted();
        task.volumes().add(Volume.scratch(name));
        scratchVolumes.add(name);
        SourceNode storage = claim.get("spec").get("resources").get("requests").get("storage");
        sizing.scratch(storage);
        SourceNode spec = claim.get("spec");
        spec.get("accessModes").ignore("task storage belongs to one task, as a ReadWriteOnce volume belongs to one pod");
        spec.get("storageClassName").ignore("task storage is Fargate's ephemeral storage; there is no class to choose");
        spec.get("volumeMode").ignore("task storage is a file system");
        spec.get("resources").get("limits").ignore("task storage is sized from the request");
        spec.get("selector").ignore("no PersistentVolume is bound to task storage");
        spec.get("dataSource").ignore("task storage starts empty");
        spec.get("dataSourceRef").ignore("task storage starts empty");
        claim.get("metadata").get("labels").ignore("nothing selects task storage by its labels");
        claim.get("metadata").get("annotations").ignore("annotations of a claim configure its provisioner, which task storage has none of");
        diagnostics.warning(claim, PodCodes.VOLUME, "volume claim template '" + name + "' becomes task storage"
                + storage.asText().map(size -> " (" + size + ")").orElse("") + ": each task gets its own empty volume, "
                + "and its data is lost when the task stops or is replaced, where a StatefulSet's pods keep theirs",
                "keep the data outside the task: a managed database or cache (RDS, Aurora, ElastiCache), "
                        + "or an EFS access point per replica mounted as an EFS volume");
    }

    /**
     * @param readOnly receives the volumes every mount of which is read-only
     * @return the volumes that became task volumes, by name
     */
    private static Set<String> volumes(SourceNode spec, TaskDefinition task, PodContext pod, ConfigFiles configFiles,
                                       Set<String> readOnly) {
        Diagnostics diagnostics = pod.context().diagnostics();
        Set<String> scratch = new LinkedHashSet<>();
        for (SourceNode volume : spec.get("volumes").items()) {
            String name = volume.get("name").asText().orElse("");
            if (volume.get("emptyDir").exists()) {
                SourceNode medium = volume.get("emptyDir").get("medium");
                if (medium.asText().map("Memory"::equals).orElse(false)) {
                    diagnostics.warning(medium, PodCodes.VOLUME, "Fargate has no memory-backed (tmpfs) volumes; '" + name
                            + "' becomes task storage on disk", "if the data must not touch disk, keep it in the process");
                }
                task.volumes().add(Volume.scratch(name));
                scratch.add(name);
            } else if ((volume.get("configMap").exists() || volume.get("secret").exists() || volume.get("projected").exists())
                    && configFiles.add(volume)) {
                scratch.add(name);
            } else if (volume.get("persistentVolumeClaim").exists()) {
                if (claimVolume(volume, task, pod)) {
                    scratch.add(name);
                    if (volume.get("persistentVolumeClaim").get("readOnly").asBoolean().orElse(false)) {
                        readOnly.add(name);
                    }
                }
            } else if (volume.get("hostPath").exists()) {
                diagnostics.error(volume.get("hostPath"), PodCodes.VOLUME, "Fargate does not allow hostPath volumes ('" + name + "')",
                        "use task storage (emptyDir) or EFS, or run this workload on ECS with EC2 capacity");
                volume.get("hostPath").markConverted();
            } else {
                String type = volume.keys().stream().filter(k -> !k.equals("name")).findFirst().orElse("unknown");
                diagnostics.warning(volume, PodCodes.VOLUME, type + " volume '" + name + "' is not converted yet; its mounts are left out",
                        switch (type) {
                            case "configMap", "secret", "projected", "downwardAPI" ->
                                    "pass the values as environment variables (env.valueFrom), or fetch them at start from SSM";
                            case "nfs", "csi" -> "create an EFS file system and mount it as an EFS volume";
                            default -> "provide the data another way (EFS, S3, or baked into the image)";
                        });
                volume.get(type).markConverted();
                volume.get("name").markConverted();
            }
        }
        return scratch;
    }

    /**
     * A claim's volume becomes an EFS volume through the access point kind-persistentvolumeclaim makes
     * of the claim, in the file system the user provides. ECS requires transit encryption with an
     * access point; the access point's root directory stands in for the claim's volume, so the task
     * names no root directory of its own.
     *
     * @return whether the volume was added to the task
     */
    private static boolean claimVolume(SourceNode volume, TaskDefinition task, PodContext pod) {
        Diagnostics diagnostics = pod.context().diagnostics();
        String name = volume.get("name").asText().orElse("");
        SourceNode source = volume.get("persistentVolumeClaim");
        SourceNode claimName = source.get("claimName");
        String claim = claimName.asText().orElse("");
        source.get("readOnly").markConverted();
        if (claim.isEmpty()) {
            diagnostics.error(claimName.exists() ? claimName : source, PodCodes.VOLUME, "persistentVolumeClaim volume '" + name
                    + "' names no claim", "set claimName, as Kubernetes requires");
            source.markConverted();
            return false;
        }
        claimName.markConverted();
        if (pod.context().objects().find(new ObjectRef(CLAIM, pod.namespace(), claim)).isEmpty()) {
            diagnostics.warning(claimName, PodCodes.VOLUME, "PersistentVolumeClaim '" + claim + "' is not in the input, so volume '"
                    + name + "' is left out, and its mounts with it", "add the claim's manifest to the input (it becomes an EFS "
                    + "access point), or add an EFS volume to the task definition by hand");
            return false;
        }
        DeploymentModel model = pod.context().model();
        task.volumes().add(new Volume(name, model.input(StandardInputs.EFS_FILE_SYSTEM_ID), null,
                Value.ref(ModelIds.efsAccessPoint(pod.namespace(), claim), Value.Attribute.ID), true));
        return true;
    }

    private static void markPodSecurity(SourceNode security, Diagnostics diagnostics, boolean mountsClaims) {
        for (String field : new String[] {"runAsUser", "runAsGroup", "runAsNonRoot"}) {
            security.get(field).markConverted(); // applied to every container that did not override it
        }
        if (mountsClaims) {
            // kind-persistentvolumeclaim makes it the group of the claims' access points: their directories' group and
            // the group every task writes as through them (Fargate has no supplementary groups to carry it otherwise)
            security.get("fsGroup").ignore("the group of the claims' EFS access points, which own their directories and "
                    + "write through them as it (see the claims' PVC003 notes); other volumes cannot be given a group on Fargate");
        } else {
            notOnFargate(security.get("fsGroup"), diagnostics, "volume ownership (fsGroup) cannot be set on Fargate; "
                    + "give EFS access points a POSIX user instead");
        }
        notOnFargate(security.get("fsGroupChangePolicy"), diagnostics, "volume ownership cannot be set on Fargate");
        notOnFargate(security.get("supplementalGroups"), diagnostics, "ECS sets one user and group per container (user uid:gid)");
        notOnFargate(security.get("supplementalGroupsPolicy"), diagnostics, "ECS sets one user and group per container");
        notOnFargate(security.get("sysctls"), diagnostics, "Fargate accepts only a few namespaced sysctls (systemControls); "
                + "set them in the task definition if they are among those");
        for (String field : new String[] {"seccompProfile", "seLinuxOptions", "appArmorProfile", "windowsOptions"}) {
            notOnFargate(security.get(field), diagnostics, field + " cannot be set on Fargate; Fargate applies its own default profile");
        }
    }

    private void podFields(SourceNode spec, TaskDefinition task, PodContext pod, Diagnostics diagnostics) {
        for (String host : new String[] {"hostNetwork", "hostPID", "hostIPC"}) {
            SourceNode node = spec.get(host);
            if (node.asBoolean().orElse(false)) {
                diagnostics.error(node, PodCodes.SECURITY, "Fargate does not allow " + host,
                        "run this workload on ECS with EC2 capacity, or drop " + host);
            }
        }
        if (spec.get("shareProcessNamespace").asBoolean().orElse(false)) {
            task.pidMode("task");
        }
        SourceNode grace = spec.get("terminationGracePeriodSeconds");
        grace.asInt().ifPresent(seconds -> {
            int stop = Math.min(seconds, FARGATE_MAX_STOP_TIMEOUT);
            if (stop < seconds) {
                diagnostics.warning(grace, PodCodes.CLAMPED, "terminationGracePeriodSeconds " + seconds
                        + " is cut to " + FARGATE_MAX_STOP_TIMEOUT + ", the longest stopTimeout Fargate allows", null);
            }
            task.containers().forEach(c -> c.stopTimeout(stop));
        });
        runtimePlatform(spec, task, diagnostics);
        pullSecrets(spec, task, pod, diagnostics);
        taskRole(spec, task, pod);
        spec.get("automountServiceAccountToken").ignore("there is no Kubernetes API on ECS; the task role gives AWS credentials");
        spec.get("enableServiceLinks").ignore("ECS injects no service variables; services are found by their Cloud Map DNS names");
        spec.get("dnsPolicy").ignore("tasks use the VPC resolver, which answers Cloud Map names");
        notOnFargate(spec.get("dnsConfig"), diagnostics, "Fargate tasks use the VPC's DNS settings; set resolver rules on the VPC");
        notOnFargate(spec.get("hostAliases"), diagnostics, "Fargate does not support extraHosts; add the names to a Route 53 private zone");
        notOnFargate(spec.get("hostname"), diagnostics, "Fargate sets the hostname of awsvpc tasks itself");
        notOnFargate(spec.get("subdomain"), diagnostics, "per-pod DNS names come from Cloud Map service discovery on ECS");
        notOnFargate(spec.get("setHostnameAsFQDN"), diagnostics, "Fargate sets the hostname of awsvpc tasks itself");
        notOnFargate(spec.get("affinity"), diagnostics, "Fargate places tasks itself; spread them with several subnets in different availability zones");
        notOnFargate(spec.get("tolerations"), diagnostics, "Fargate has no nodes to taint");
        notOnFargate(spec.get("topologySpreadConstraints"), diagnostics, "ECS spreads Fargate tasks across the service's subnets' availability zones");
        notOnFargate(spec.get("priorityClassName"), diagnostics, "Fargate does not preempt tasks; capacity is per task");
        notOnFargate(spec.get("priority"), diagnostics, "Fargate does not preempt tasks; capacity is per task");
        notOnFargate(spec.get("preemptionPolicy"), diagnostics, "Fargate does not preempt tasks");
        notOnFargate(spec.get("schedulerName"), diagnostics, "ECS schedules Fargate tasks itself");
        notOnFargate(spec.get("runtimeClassName"), diagnostics, "Fargate runs every task in its own micro-VM; there is no runtime class");
        notOnFargate(spec.get("nodeName"), diagnostics, "Fargate has no nodes to pin a task to");
        notOnFargate(spec.get("overhead"), diagnostics, "Fargate accounts for its own overhead");
        notOnFargate(spec.get("readinessGates"), diagnostics, "ECS has no readiness gates; use the load balancer health check");
        notOnFargate(spec.get("activeDeadlineSeconds"), diagnostics, "ECS does not stop tasks after a deadline; stop them from the process or a scheduler");
        notOnFargate(spec.get("schedulingGates"), diagnostics, "ECS has no scheduling gates");
        notOnFargate(spec.get("resourceClaims"), diagnostics, "Fargate has no dynamic resource allocation");
        notOnFargate(spec.get("hostUsers"), diagnostics, "Fargate runs every task in its own micro-VM; user namespaces are not configurable");
    }

    private static void runtimePlatform(SourceNode spec, TaskDefinition task, Diagnostics diagnostics) {
        SourceNode selector = spec.get("nodeSelector");
        for (Map.Entry<String, SourceNode> entry : selector.entries().entrySet()) {
            String value = entry.getValue().asText().orElse("");
            switch (entry.getKey()) {
                case "kubernetes.io/arch", "beta.kubernetes.io/arch" -> {
                    if (value.equals("arm64")) {
                        task.cpuArchitecture("ARM64");
                    } else if (value.equals("amd64")) {
                        task.cpuArchitecture("X86_64");
                    } else {
                        diagnostics.error(entry.getValue(), PodCodes.NOT_ON_FARGATE, "Fargate runs amd64 and arm64, not " + value, null);
                    }
                }
                case "kubernetes.io/os", "beta.kubernetes.io/os" -> os(entry.getValue(), value, task, diagnostics);
                default -> notOnFargate(entry.getValue(), diagnostics, "Fargate has no nodes to select ("
                        + entry.getKey() + "); choose subnets, architecture and size in the task definition instead");
            }
        }
        SourceNode os = spec.get("os").get("name");
        os.asText().ifPresent(value -> os(os, value, task, diagnostics));
    }

    private static void os(SourceNode node, String value, TaskDefinition task, Diagnostics diagnostics) {
        if (value.equals("linux")) {
            task.operatingSystemFamily("LINUX");
        } else {
            diagnostics.error(node, PodCodes.NOT_ON_FARGATE, "operating system '" + value + "' is not converted; "
                    + "Windows tasks on Fargate need a Windows Server family and image", "convert this workload by hand");
        }
    }

    private static void pullSecrets(SourceNode spec, TaskDefinition task, PodContext pod, Diagnostics diagnostics) {
        List<String> secrets = new ArrayList<>();
        SourceNode list = spec.get("imagePullSecrets");
        for (SourceNode secret : list.items()) {
            secret.get("name").asText().ifPresent(secrets::add);
        }
        if (secrets.isEmpty()) {
            // Kubernetes also adds the ServiceAccount's pull secrets to its pods
            pod.context().objects().find(new ObjectRef(SERVICE_ACCOUNT, pod.namespace(), pod.serviceAccount()))
                    .ifPresent(account -> account.root().get("imagePullSecrets").items()
                            .forEach(s -> s.get("name").asText().ifPresent(secrets::add)));
        }
        if (secrets.isEmpty()) {
            return;
        }
        if (secrets.size() > 1) {
            diagnostics.warning(list, PodCodes.PULL_SECRET, "ECS takes one set of registry credentials per container; '"
                    + secrets.get(0) + "' is used for every container and the others are left out",
                    "if containers pull from different private registries, set repositoryCredentials per container by hand");
        }
        Value credentials = Value.ref(ModelIds.registryCredentials(pod.namespace(), secrets.get(0)), Value.Attribute.ARN);
        task.containers().forEach(c -> c.repositoryCredentials(credentials));
    }

    private static void taskRole(SourceNode spec, TaskDefinition task, PodContext pod) {
        spec.get("serviceAccountName").markConverted();
        spec.get("serviceAccount").markConverted();
        Optional<SourceObject> account = pod.context().objects().find(new ObjectRef(SERVICE_ACCOUNT, pod.namespace(),
                pod.serviceAccount()));
        boolean hasRole = account.map(a -> a.root().get("metadata").get("annotations").get(ROLE_ANNOTATION).exists()).orElse(false);
        if (hasRole) {
            task.taskRole(Value.ref(ModelIds.serviceAccountRole(pod.namespace(), pod.serviceAccount()), Value.Attribute.ARN));
        }
    }

    private static void logging(SourceObject owner, TaskDefinition task, MappingContext context) {
        ConversionSettings settings = context.settings();
        if (!settings.awsLogs()) {
            return;
        }
        String namespace = owner.namespace();
        ResourceId id = new ResourceId(LogGroup.TYPE, namespace, owner.name());
        LogGroup group = context.model().find(id, LogGroup.class).orElseGet(() -> context.model().add(new LogGroup(id,
                settings.logGroupPrefix() + "/" + (settings.namePrefix().isEmpty() ? "" : settings.namePrefix() + "/")
                        + namespace + "/" + owner.name())));
        group.retentionDays(settings.logRetentionDays());
        group.addOrigin(owner.ref());
        LogConfiguration configuration = new LogConfiguration("awslogs", Map.of(
                "awslogs-group", Value.ref(group.id(), Value.Attribute.NAME),
                "awslogs-region", context.model().input(StandardInputs.REGION),
                "awslogs-stream-prefix", Value.of("ecs")));
        task.containers().forEach(c -> c.logConfiguration(configuration));
    }

    /** Reports a field with no Fargate equivalent, with the reason and what to do, and marks it handled. */
    static void notOnFargate(SourceNode node, Diagnostics diagnostics, String reason) {
        if (!node.exists()) {
            return;
        }
        diagnostics.warning(node, PodCodes.NOT_ON_FARGATE, "'" + node.path() + "' is not converted: " + reason, null);
        node.markConverted();
    }
}
