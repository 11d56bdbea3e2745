package io.kube2ecs.podtemplate;

import io.kube2ecs.api.diag.Diagnostics;
import io.kube2ecs.api.model.ContainerDefinition;
import io.kube2ecs.api.model.ContainerDependency;
import io.kube2ecs.api.model.IamRole;
import io.kube2ecs.api.model.ModelIds;
import io.kube2ecs.api.model.MountPoint;
import io.kube2ecs.api.model.ResourceId;
import io.kube2ecs.api.model.TaskDefinition;
import io.kube2ecs.api.model.Value;
import io.kube2ecs.api.model.Volume;
import io.kube2ecs.api.source.ObjectRef;
import io.kube2ecs.api.source.ResourceKind;
import io.kube2ecs.api.source.SourceNode;
import io.kube2ecs.api.source.SourceObject;
import io.kube2ecs.api.spi.MappingContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * ConfigMap, Secret and projected volumes: ECS cannot mount them, so a small non-essential init
 * container ("materializer", the AWS CLI image) reads the keys from SSM Parameter Store when the
 * task starts and writes them as files into a task-scoped volume that the app containers mount.
 * App containers start only after it succeeded. Cost: one extra container start (a few seconds)
 * and one SSM call per file; the files are written once, so later parameter changes need a new
 * task, as a changed ConfigMap needs a new pod when mounted with subPath.
 */
final class ConfigFiles {

    /** The materializer's container name. */
    static final String CONTAINER = "kube2ecs-config-files";
    private static final String ROOT = "/kube2ecs-config";
    private static final ResourceKind CONFIG_MAP = new ResourceKind("", "ConfigMap");
    private static final ResourceKind SECRET = new ResourceKind("", "Secret");

    /** One file to write: the parameter holding it, where it goes, and its mode. */
    private record File(String volume, String path, String parameter, ResourceId parameterId, String mode) {
    }

    private final PodContext pod;
    private final Diagnostics diagnostics;
    private final List<File> files = new ArrayList<>();
    private final Map<String, Boolean> volumes = new LinkedHashMap<>();

    ConfigFiles(PodContext pod) {
        this.pod = pod;
        this.diagnostics = pod.context().diagnostics();
    }

    /**
     * @param volume a pod volume with configMap, secret or projected content
     * @return whether its files will be written (the volume then exists in the task)
     */
    boolean add(SourceNode volume) {
        String name = volume.get("name").asText().orElse("");
        if ("secretsmanager".equals(pod.context().settings().secretStore()) && hasSecret(volume)) {
            diagnostics.warning(volume, PodCodes.VOLUME, "Secret volume '" + name + "' is not converted with secrets: secretsmanager",
                    "use env.valueFrom for these keys, or the default SSM store for Secrets mounted as files");
            return false;
        }
        List<SourceNode> sources = new ArrayList<>();
        if (volume.get("projected").exists()) {
            for (SourceNode source : volume.get("projected").get("sources").items()) {
                if (source.get("configMap").exists() || source.get("secret").exists()) {
                    sources.add(source);
                } else {
                    diagnostics.warning(source, PodCodes.VOLUME, "projected source '" + source.keys() + "' is not converted",
                            "service-account tokens and downward-API files have no ECS equivalent");
                }
            }
        } else {
            sources.add(volume);
        }
        String defaultMode = mode(volume.get("projected").exists() ? volume.get("projected").get("defaultMode")
                : volume.get(volume.get("configMap").exists() ? "configMap" : "secret").get("defaultMode"), "0644");
        int before = files.size();
        for (SourceNode source : sources) {
            boolean secret = source.get("secret").exists();
            SourceNode ref = source.get(secret ? "secret" : "configMap");
            String object = (secret ? ref.get("secretName").asText().or(() -> ref.get("name").asText()) : ref.get("name").asText()).orElse("");
            boolean optional = ref.get("optional").asBoolean().orElse(false);
            List<String> keys = keys(object, secret);
            if (keys == null) {
                // a required one is an error of the resolve stage (K2E303); an optional one adds no files
                if (optional) {
                    diagnostics.info(ref, PodCodes.VOLUME, "the optional " + (secret ? "Secret" : "ConfigMap") + " '" + object
                            + "' is not in the input, so volume '" + name + "' gets no files from it, as in Kubernetes", null);
                }
                continue;
            }
            Map<String, SourceNode> items = new LinkedHashMap<>();
            for (SourceNode item : ref.get("items").items()) {
                items.put(item.get("key").asText().orElse(""), item);
            }
            for (String key : items.isEmpty() ? keys : new ArrayList<>(items.keySet())) {
                SourceNode item = items.get(key);
                if (!keys.contains(key)) {
                    if (optional) {
                        diagnostics.info(item, PodCodes.VOLUME, "key '" + key + "' is not in " + object
                                + "; the reference is optional, so the file is left out, as Kubernetes does", null);
                    } else {
                        diagnostics.error(item, PodCodes.VOLUME, "key '" + key + "' is not in " + object
                                + "; Kubernetes would not start this pod", "add the key, or mark the volume optional: true");
                    }
                    continue;
                }
                String path = item == null ? key : item.get("path").asText().orElse(key);
                String mode = item == null ? defaultMode : mode(item.get("mode"), defaultMode);
                String prefix = "/" + pod.context().settings().parameterPrefix() + "/" + pod.namespace() + (secret ? "/secret/" : "/configmap/")
                        + object + "/";
                files.add(new File(name, path, prefix + key.replaceAll("[^a-zA-Z0-9_.\\-]", "_"),
                        secret ? ModelIds.secretKey(pod.namespace(), object, key) : ModelIds.configMapKey(pod.namespace(), object, key),
                        mode));
            }
        }
        volume.markConverted();
        volumes.put(name, files.size() > before);
        return true;
    }

    private static boolean hasSecret(SourceNode volume) {
        return volume.get("secret").exists()
                || volume.get("projected").get("sources").items().stream().anyMatch(s -> s.get("secret").exists());
    }

    private List<String> keys(String object, boolean secret) {
        Optional<SourceObject> target = pod.context().objects().find(new ObjectRef(secret ? SECRET : CONFIG_MAP, pod.namespace(), object));
        if (target.isEmpty()) {
            return null;
        }
        TreeSet<String> keys = new TreeSet<>(target.get().root().get("data").keys());
        if (secret) {
            keys.addAll(target.get().root().get("stringData").keys());
        }
        return new ArrayList<>(keys);
    }

    private String mode(SourceNode node, String fallback) {
        if (!node.exists()) {
            return fallback;
        }
        // YAML writes modes in octal (0644) or decimal (420); both are the same bits
        String text = node.asText().orElse("").toLowerCase(java.util.Locale.ROOT);
        try {
            int value = text.startsWith("0o") ? Integer.parseInt(text.substring(2), 8)
                    : text.startsWith("0") && text.length() > 1 ? Integer.parseInt(text.substring(1), 8)
                    : Integer.parseInt(text);
            return String.format("%04o", value & 0777);
        } catch (NumberFormatException e) {
            diagnostics.warning(node, PodCodes.VOLUME, "file mode '" + text + "' is not a number; " + fallback + " is used", null);
            return fallback;
        }
    }

    /** @return whether a volume of this name is materialized */
    boolean has(String volume) {
        return volumes.containsKey(volume);
    }

    /** @return where the materializer writes a volume, inside its own container */
    static String staging(String volume) {
        return ROOT + "/" + volume;
    }

    /** Adds the volumes, the materializer container, the app containers' dependency and the task role's read access. */
    void apply(TaskDefinition task, Value existingRole) {
        if (volumes.isEmpty()) {
            return;
        }
        volumes.keySet().forEach(v -> task.volumes().add(Volume.scratch(v)));
        ContainerDefinition writer = new ContainerDefinition(CONTAINER, pod.context().options().text("configFilesImage")
                .orElse("public.ecr.aws/aws-cli/aws-cli:2.17.0"));
        writer.essential(false);
        writer.entryPoint(List.of("/bin/sh", "-c"));
        StringBuilder script = new StringBuilder("set -eu");
        for (File file : files) {
            String target = staging(file.volume()) + "/" + file.path();
            script.append("\nmkdir -p \"$(dirname ").append(ProbeMapper.shellQuote(target)).append(")\"")
                    .append("\naws ssm get-parameter --with-decryption --name ").append(ProbeMapper.shellQuote(file.parameter()))
                    .append(" --query Parameter.Value --output text > ").append(ProbeMapper.shellQuote(target))
                    .append("\nchmod ").append(file.mode()).append(' ').append(ProbeMapper.shellQuote(target));
        }
        writer.command(List.of(script.toString()));
        volumes.keySet().forEach(v -> writer.mountPoints().add(new MountPoint(v, staging(v), false)));
        task.containers().stream().filter(ContainerDefinition::essential)
                .forEach(c -> c.dependsOn().add(new ContainerDependency(CONTAINER, "SUCCESS")));
        task.containers().add(0, writer);
        if (files.isEmpty()) {
            return;
        }
        List<Value> parameters = files.stream().map(f -> Value.ref(f.parameterId(), Value.Attribute.ARN)).distinct().toList();
        IamRole.PolicyStatement read = new IamRole.PolicyStatement(List.of("ssm:GetParameter"), parameters);
        String kmsKey = pod.context().settings().kmsKeyArn();
        if (existingRole != null) {
            diagnostics.warning(pod.owner().root().get("metadata").get("name"), PodCodes.VOLUME, "the task role is an existing role; "
                    + "it needs ssm:GetParameter on the " + parameters.size() + " parameters the config files come from",
                    "add that permission to the role (and kms:Decrypt for SecureString parameters under a customer key)");
            return;
        }
        ResourceId roleId = new ResourceId(IamRole.TYPE, pod.namespace(), "task/" + pod.owner().name());
        IamRole role = pod.context().model().find(roleId, IamRole.class).orElseGet(() -> pod.context().model().add(
                new IamRole(roleId, pod.context().settings().awsName(pod.namespace(), pod.owner().name() + "-task", 64), null)));
        role.statements().add(read);
        if (kmsKey != null) {
            role.statements().add(new IamRole.PolicyStatement(List.of("kms:Decrypt"), List.of(Value.of(kmsKey))));
        }
        role.addOrigin(pod.owner().ref());
        task.taskRole(Value.ref(roleId, Value.Attribute.ARN));
    }
}
