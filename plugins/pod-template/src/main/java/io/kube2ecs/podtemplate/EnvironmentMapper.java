package io.kube2ecs.podtemplate;

import io.kube2ecs.api.diag.Diagnostics;
import io.kube2ecs.api.model.ContainerDefinition;
import io.kube2ecs.api.model.KeyValue;
import io.kube2ecs.api.model.ModelIds;
import io.kube2ecs.api.model.SecretRef;
import io.kube2ecs.api.model.Value;
import io.kube2ecs.api.source.ObjectRef;
import io.kube2ecs.api.source.Quantity;
import io.kube2ecs.api.source.ResourceKind;
import io.kube2ecs.api.source.SourceNode;
import io.kube2ecs.api.source.SourceObject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A container's environment: {@code envFrom} first, then {@code env}, later definitions winning, as
 * the kubelet builds it. Plain values become {@code environment}; ConfigMap and Secret keys become
 * {@code secrets} that ECS reads from SSM Parameter Store at start; downward-API values become
 * constants where they are known at conversion.
 */
final class EnvironmentMapper {

    private static final ResourceKind CONFIG_MAP = new ResourceKind("", "ConfigMap");
    private static final ResourceKind SECRET = new ResourceKind("", "Secret");
    /** Kubernetes' rule for names taken from envFrom keys. */
    private static final Pattern ENV_NAME = Pattern.compile("[-._a-zA-Z][-._a-zA-Z0-9]*");

    /** Values known at conversion, by name, for {@code $(VAR)} expansion; null marks a runtime-only value. */
    private final Map<String, String> known = new LinkedHashMap<>();
    private final Map<String, Object> entries = new LinkedHashMap<>();
    private final Set<String> runtimeOnly = new LinkedHashSet<>();

    private final PodContext pod;
    private final Diagnostics diagnostics;

    EnvironmentMapper(PodContext pod) {
        this.pod = pod;
        this.diagnostics = pod.context().diagnostics();
    }

    /** Reads {@code envFrom} and {@code env} of one container and writes them into the definition. */
    void map(SourceNode container, ContainerDefinition definition) {
        for (SourceNode source : container.get("envFrom").items()) {
            envFrom(source);
        }
        for (SourceNode variable : container.get("env").items()) {
            env(variable, definition.name());
        }
        for (Map.Entry<String, Object> entry : entries.entrySet()) {
            if (entry.getValue() instanceof String value) {
                definition.environment().add(new KeyValue(entry.getKey(), value));
            } else {
                definition.secrets().add(new SecretRef(entry.getKey(), (Value) entry.getValue(), null));
            }
        }
    }

    /** @return values known at conversion, for expanding {@code $(VAR)} in command and args */
    Map<String, String> known() {
        return known;
    }

    /** @return names whose value ECS fills in only when the task starts */
    Set<String> runtimeOnly() {
        return runtimeOnly;
    }

    private void envFrom(SourceNode source) {
        String prefix = source.get("prefix").asText().orElse("");
        SourceNode configMap = source.get("configMapRef");
        SourceNode secret = source.get("secretRef");
        boolean isSecret = secret.exists();
        SourceNode ref = isSecret ? secret : configMap;
        String name = ref.get("name").asText().orElse(null);
        boolean optional = ref.get("optional").asBoolean().orElse(false);
        if (name == null) {
            diagnostics.error(source, PodCodes.ENV, "envFrom needs configMapRef.name or secretRef.name", null);
            return;
        }
        Optional<SourceObject> target = pod.context().objects().find(new ObjectRef(isSecret ? SECRET : CONFIG_MAP,
                pod.namespace(), name));
        if (target.isEmpty()) {
            // a required one is an error of the resolve stage (K2E303); an optional one sets nothing, as in Kubernetes
            if (optional) {
                diagnostics.info(ref.get("name"), PodCodes.ENV, "the optional " + (isSecret ? "Secret" : "ConfigMap") + " '" + name
                        + "' is not in the input, so no variables are set from it, as Kubernetes does", null);
            }
            return;
        }
        for (String key : keys(target.get(), isSecret)) {
            String variable = prefix + key;
            if (!ENV_NAME.matcher(variable).matches()) {
                diagnostics.warning(ref.get("name"), PodCodes.ENV, "key '" + key + "' of " + (isSecret ? "Secret" : "ConfigMap")
                        + " '" + name + "' is not a valid variable name and is skipped, as Kubernetes does", null);
                continue;
            }
            put(variable, Value.ref(isSecret ? ModelIds.secretKey(pod.namespace(), name, key)
                    : ModelIds.configMapKey(pod.namespace(), name, key), Value.Attribute.ARN));
        }
    }

    private static List<String> keys(SourceObject object, boolean secret) {
        // the kubelet takes a ConfigMap's data only (binaryData does not become variables)
        Set<String> keys = new LinkedHashSet<>(object.root().get("data").keys());
        if (secret) {
            keys.addAll(object.root().get("stringData").keys());
        }
        return keys.stream().sorted().toList();
    }

    private void env(SourceNode variable, String containerName) {
        String name = variable.get("name").asText().orElse(null);
        if (name == null) {
            diagnostics.error(variable, PodCodes.ENV, "environment variable has no name", null);
            return;
        }
        SourceNode valueFrom = variable.get("valueFrom");
        if (!valueFrom.exists()) {
            SourceNode value = variable.get("value");
            String raw = value.asText().orElse("");
            if (value.isAbsent()) {
                value.markConverted();
            }
            putPlain(name, expand(raw, value));
            return;
        }
        SourceNode configMapKey = valueFrom.get("configMapKeyRef");
        SourceNode secretKey = valueFrom.get("secretKeyRef");
        if (configMapKey.exists() || secretKey.exists()) {
            boolean isSecret = secretKey.exists();
            SourceNode ref = isSecret ? secretKey : configMapKey;
            String object = ref.get("name").asText().orElse("");
            String key = ref.get("key").asText().orElse("");
            boolean optional = ref.get("optional").asBoolean().orElse(false);
            Optional<SourceObject> target = pod.context().objects().find(
                    new ObjectRef(isSecret ? SECRET : CONFIG_MAP, pod.namespace(), object));
            if (optional && (target.isEmpty() || !keys(target.get(), isSecret).contains(key))) {
                diagnostics.info(ref, PodCodes.ENV, name + " is not set: the optional " + (isSecret ? "Secret" : "ConfigMap")
                        + " key '" + object + "/" + key + "' is not in the input, and Kubernetes leaves the variable unset", null);
                ref.markConverted();
                return;
            }
            if (target.isPresent() && !keys(target.get(), isSecret).contains(key)) {
                diagnostics.error(ref.get("key"), PodCodes.ENV, (isSecret ? "Secret" : "ConfigMap") + " '" + object
                        + "' has no key '" + key + "'; Kubernetes would not start this container",
                        "add the key, or mark the reference optional: true");
                return;
            }
            put(name, Value.ref(isSecret ? ModelIds.secretKey(pod.namespace(), object, key)
                    : ModelIds.configMapKey(pod.namespace(), object, key), Value.Attribute.ARN));
            return;
        }
        SourceNode field = valueFrom.get("fieldRef");
        if (field.exists()) {
            fieldRef(name, field);
            return;
        }
        SourceNode resource = valueFrom.get("resourceFieldRef");
        if (resource.exists()) {
            resourceFieldRef(name, resource, containerName);
        }
    }

    private void fieldRef(String name, SourceNode field) {
        String path = field.get("fieldPath").asText().orElse("");
        field.get("apiVersion").markConverted();
        String constant = null;
        if (path.equals("metadata.namespace")) {
            constant = pod.namespace();
        } else if (path.equals("spec.serviceAccountName")) {
            constant = pod.serviceAccount();
        } else if (path.startsWith("metadata.labels['") && path.endsWith("']")) {
            constant = pod.labels().getOrDefault(path.substring(17, path.length() - 2), "");
        } else if (path.startsWith("metadata.annotations['") && path.endsWith("']")) {
            constant = pod.annotations().getOrDefault(path.substring(22, path.length() - 2), "");
        } else if (path.equals("metadata.name") && pod.owner().kind().kind().equals("Pod")) {
            constant = pod.owner().name(); // a bare Pod's name is its own; a controller's pods get generated names
        }
        if (constant != null) {
            putPlain(name, constant);
            return;
        }
        runtimeOnly.add(name);
        known.put(name, null);
        diagnostics.warning(field.get("fieldPath"), PodCodes.ENV, "'" + path + "' is only known when the task runs; "
                + name + " is not set",
                "read it from the ECS task metadata endpoint ($ECS_CONTAINER_METADATA_URI_V4/task: TaskARN, Containers[].Networks[].IPv4Addresses) "
                        + "or use the task's hostname");
    }

    private void resourceFieldRef(String name, SourceNode resource, String containerName) {
        String what = resource.get("resource").asText().orElse("");
        String container = resource.get("containerName").asText().orElse(containerName);
        Quantity divisor = resource.get("divisor").asText().flatMap(Quantity::parse).orElse(new Quantity(BigDecimal.ONE));
        Map<String, Quantity> resources = pod.resourcesOf(container);
        // Kubernetes defaults a request to its limit
        Quantity value = resources.getOrDefault(what, what.startsWith("requests.")
                ? resources.get("limits." + what.substring("requests.".length())) : null);
        if (value == null || divisor.value().signum() <= 0) {
            runtimeOnly.add(name);
            known.put(name, null);
            diagnostics.warning(resource, PodCodes.ENV, "'" + what + "' is not set on container '" + container
                    + "', so Kubernetes would use the node's capacity; " + name + " is not set",
                    "set the resource on the container, or read the task size from the ECS task metadata endpoint");
            return;
        }
        putPlain(name, value.value().divide(divisor.value(), 0, RoundingMode.CEILING).toPlainString());
    }

    private String expand(String raw, SourceNode at) {
        for (String reference : VariableExpansion.references(raw)) {
            if (known.containsKey(reference) && known.get(reference) == null) {
                diagnostics.warning(at, PodCodes.EXPANSION, "$(" + reference + ") refers to a value ECS sets only when "
                        + "the task starts, so it cannot be expanded here; it stays as written",
                        "start the process through a shell (sh -c) and use ${" + reference + "} instead");
            } else if (!known.containsKey(reference)) {
                diagnostics.warning(at, PodCodes.EXPANSION, "$(" + reference + ") is not defined before this variable; "
                        + "Kubernetes leaves it as written, and so does the conversion", null);
            }
        }
        return VariableExpansion.expand(raw, known);
    }

    private void putPlain(String name, String value) {
        entries.remove(name);
        entries.put(name, value);
        known.put(name, value);
        runtimeOnly.remove(name);
    }

    private void put(String name, Value secretValue) {
        entries.remove(name);
        entries.put(name, secretValue);
        known.put(name, null);
        runtimeOnly.add(name);
    }
}
