package io.kube2ecs.plugin.kind.configmap;

import io.kube2ecs.api.model.ModelIds;
import io.kube2ecs.api.model.SsmParameter;
import io.kube2ecs.api.model.Value;
import io.kube2ecs.api.source.ResourceKind;
import io.kube2ecs.api.source.SourceNode;
import io.kube2ecs.api.source.SourceObject;
import io.kube2ecs.api.spi.FieldSupport;
import io.kube2ecs.api.spi.KindMapper;
import io.kube2ecs.api.spi.MappingContext;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One SSM {@code String} parameter per ConfigMap key, named
 * {@code /<prefix>/<namespace>/configmap/<name>/<key>}; tasks read them through container
 * {@code secrets}. Values over 4 KB need the Advanced tier (up to 8 KB); larger ones do not fit.
 */
public final class ConfigMapMapper implements KindMapper {

    static final String CODE_SIZE = "CM001";
    static final String CODE_BINARY = "CM002";
    static final String CODE_NAME = "CM003";
    static final String CODE_OBJECT_SIZE = "CM004";

    /** The API server's limit on a ConfigMap's keys and values together (as for Secrets). */
    private static final int KUBERNETES_LIMIT = 1024 * 1024;

    private static final int STANDARD_LIMIT = 4096;
    private static final int ADVANCED_LIMIT = 8192;
    private static final Pattern SSM_NAME = Pattern.compile("[a-zA-Z0-9_.\\-/]+");

    @Override
    public List<FieldSupport> fieldSupport() {
        return List.of(
                FieldSupport.mapped("data.*", "one SSM String parameter per key, /<prefix>/<namespace>/configmap/<name>/<key>; over 4 KB "
                        + "Advanced tier, over 8 KB an error"),
                FieldSupport.ignored("binaryData", "SSM parameters hold text (warning): put the files in S3 or the image"),
                FieldSupport.ignored("immutable", "SSM parameters keep a version history"),
                FieldSupport.ignored("metadata.labels", "labels only select objects in Kubernetes; parameters get the profile's tags"));
    }

    @Override
    public ResourceKind kind() {
        return new ResourceKind("", "ConfigMap");
    }

    @Override
    public void map(SourceObject configMap, MappingContext context) {
        if (configMap.name().equals("kube-root-ca.crt")) {
            configMap.root().ignore("the cluster's CA bundle, which Kubernetes puts in every namespace");
            return;
        }
        long size = size(configMap);
        if (size > KUBERNETES_LIMIT) {
            // no cluster can hold it, so it is not what the user runs; converting it would mean thousands of parameters
            context.diagnostics().error(configMap.root(), CODE_OBJECT_SIZE, "ConfigMap '" + configMap.name() + "' holds " + size
                    + " bytes of keys and values; Kubernetes refuses more than " + KUBERNETES_LIMIT,
                    "check that the file was generated correctly; large files belong in S3 or in the image");
            configMap.root().markConverted();
            return;
        }
        String prefix = "/" + context.settings().parameterPrefix() + "/" + configMap.namespace() + "/configmap/" + configMap.name() + "/";
        for (Map.Entry<String, SourceNode> entry : configMap.root().get("data").entries().entrySet()) {
            String key = entry.getKey();
            SourceNode node = entry.getValue();
            String value = node.asText().orElse("");
            String name = prefix + key;
            if (!SSM_NAME.matcher(key).matches()) {
                String clean = key.replaceAll("[^a-zA-Z0-9_.\\-]", "_");
                context.diagnostics().warning(node, CODE_NAME, "key '" + key + "' is not a valid SSM parameter name; the parameter is named '"
                        + clean + "'", "the environment variable keeps its name; only the parameter is renamed");
                name = prefix + clean;
            }
            int bytes = value.getBytes(StandardCharsets.UTF_8).length;
            SsmParameter parameter = new SsmParameter(ModelIds.configMapKey(configMap.namespace(), configMap.name(), key), name,
                    false, Value.of(value));
            if (bytes > ADVANCED_LIMIT) {
                context.diagnostics().error(node, CODE_SIZE, "value of '" + key + "' is " + bytes + " bytes; SSM parameters hold at most "
                        + ADVANCED_LIMIT, "put the file in S3 and load it with an environmentFiles entry, or split the value");
                continue;
            }
            if (bytes > STANDARD_LIMIT) {
                parameter.advancedTier(true);
                context.diagnostics().info(node, CODE_SIZE, "value of '" + key + "' is " + bytes
                        + " bytes, over the 4 KB Standard tier; the parameter uses the Advanced tier (charged per parameter and month)", null);
            }
            parameter.addOrigin(configMap.ref());
            parameter.tags().putAll(context.settings().tags());
            context.model().add(parameter);
        }
        SourceNode binary = configMap.root().get("binaryData");
        if (binary.exists()) {
            context.diagnostics().warning(binary, CODE_BINARY, "binaryData is not converted: SSM parameters hold text",
                    "store the files in S3 (or in the image) and fetch them at start");
        }
        configMap.root().get("immutable").ignore("SSM parameters keep a version history; there is no immutable flag");
        configMap.root().get("metadata").get("labels").ignore("labels only select objects in Kubernetes; the parameters get "
                + "the profile's tags");
    }

    /** Counted as the API server counts: every key plus its value, binaryData decoded. */
    private static long size(SourceObject configMap) {
        long total = 0;
        for (Map.Entry<String, SourceNode> entry : configMap.root().get("data").entries().entrySet()) {
            total += entry.getKey().getBytes(StandardCharsets.UTF_8).length
                    + entry.getValue().asText().orElse("").getBytes(StandardCharsets.UTF_8).length;
        }
        for (Map.Entry<String, SourceNode> entry : configMap.root().get("binaryData").entries().entrySet()) {
            total += entry.getKey().getBytes(StandardCharsets.UTF_8).length
                    + entry.getValue().asText().orElse("").replaceAll("\\s", "").length() * 3L / 4;
        }
        return total;
    }
}
