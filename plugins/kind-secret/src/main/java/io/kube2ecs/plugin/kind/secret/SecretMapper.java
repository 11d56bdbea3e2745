package io.kube2ecs.plugin.kind.secret;

import io.kube2ecs.api.diag.Diagnostics;
import io.kube2ecs.api.model.DeploymentModel;
import io.kube2ecs.api.model.EnvironmentInput;
import io.kube2ecs.api.model.ModelIds;
import io.kube2ecs.api.model.ResourceId;
import io.kube2ecs.api.model.SecretsManagerSecret;
import io.kube2ecs.api.model.SsmParameter;
import io.kube2ecs.api.model.Value;
import io.kube2ecs.api.source.ResourceKind;
import io.kube2ecs.api.source.SourceNode;
import io.kube2ecs.api.source.SourceObject;
import io.kube2ecs.api.spi.FieldSupport;
import io.kube2ecs.api.spi.KindMapper;
import io.kube2ecs.api.spi.MappingContext;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A Secret becomes one SSM {@code SecureString} parameter per key (default), or one Secrets
 * Manager secret with a JSON key per Secret key ({@code secrets: secretsmanager}). A
 * {@code kubernetes.io/dockerconfigjson} Secret becomes the Secrets Manager secret ECS
 * {@code repositoryCredentials} expect.
 *
 * <p>No value enters the model: each becomes a sensitive environment input, filled at deploy time;
 * the values go to the core only, which writes them nowhere unless the user asks for
 * {@code --include-secret-values}. Diagnostics name keys, never values.
 */
public final class SecretMapper implements KindMapper {

    static final String CODE_BASE64 = "SEC001";
    static final String CODE_TYPE = "SEC002";
    static final String CODE_JSON_ESCAPE = "SEC003";

    @Override
    public List<FieldSupport> fieldSupport() {
        return List.of(
                FieldSupport.mapped("data.*", "base64-decoded; one SSM SecureString parameter per key, or one Secrets Manager "
                        + "secret with JSON keys (secrets: secretsmanager); values supplied at deploy time, never written"),
                FieldSupport.mapped("stringData.*", "the same; wins over data, as in Kubernetes"),
                FieldSupport.partial("type", "Opaque and basic-auth as above; dockerconfigjson and dockercfg become registry "
                        + "credentials; tls stored as any Secret (warning: a load balancer needs ACM); service-account-token not converted"),
                FieldSupport.ignored("immutable", "SSM and Secrets Manager keep versions"));
    }

    @Override
    public ResourceKind kind() {
        return new ResourceKind("", "Secret");
    }

    @Override
    public void map(SourceObject secret, MappingContext context) {
        Diagnostics diagnostics = context.diagnostics();
        SourceNode typeNode = secret.root().get("type");
        String type = typeNode.asText().orElse("Opaque");
        if (type.equals("kubernetes.io/service-account-token")) {
            diagnostics.info(typeNode, CODE_TYPE, "service-account token Secret '" + secret.name()
                    + "' is not converted: Kubernetes API tokens have no use on ECS", "tasks get AWS credentials from their task role");
            secret.root().markConverted();
            return;
        }
        Map<String, String> values = values(secret, diagnostics);
        if (type.equals("kubernetes.io/dockerconfigjson") || type.equals("kubernetes.io/dockercfg")) {
            registryCredentials(secret, values, context);
            return;
        }
        if (type.equals("kubernetes.io/tls")) {
            diagnostics.warning(typeNode, CODE_TYPE, "TLS Secret '" + secret.name() + "' is stored like any Secret; a load balancer "
                    + "needs the certificate in ACM", "import it: aws acm import-certificate --certificate fileb://tls.crt "
                    + "--private-key fileb://tls.key, and use its ARN on the listener");
        }
        if ("secretsmanager".equals(context.settings().secretStore())) {
            secretsManager(secret, values, context);
        } else {
            parameters(secret, values, context);
        }
        secret.root().get("immutable").ignore("secret versions are kept by SSM and Secrets Manager; there is no immutable flag");
    }

    /** Keys and decoded values; {@code stringData} wins over {@code data}, as in Kubernetes. */
    private static Map<String, String> values(SourceObject secret, Diagnostics diagnostics) {
        Map<String, String> out = new TreeMap<>();
        for (Map.Entry<String, SourceNode> entry : secret.root().get("data").entries().entrySet()) {
            String encoded = entry.getValue().asText().orElse("").replaceAll("\\s", "");
            try {
                out.put(entry.getKey(), new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                // the message names the key only: the text may be a secret written without encoding
                diagnostics.error(entry.getValue(), CODE_BASE64, "value of key '" + entry.getKey() + "' is not valid base64",
                        "values under data must be base64-encoded; put plain text under stringData instead");
            }
        }
        for (Map.Entry<String, SourceNode> entry : secret.root().get("stringData").entries().entrySet()) {
            out.put(entry.getKey(), entry.getValue().asText().orElse(""));
        }
        return out;
    }

    /** A variable name per key; keys that differ only in case or punctuation get a stable hash to stay apart. */
    private static String input(SourceObject secret, String key, DeploymentModel model) {
        String raw = "secret_" + secret.namespace() + "_" + secret.name() + "_" + key;
        String name = raw.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", "_");
        if (model.inputNamed(name).isPresent()) {
            name = name + "_" + Integer.toHexString(raw.hashCode() & 0xfffffff);
        }
        return name;
    }

    private static void parameters(SourceObject secret, Map<String, String> values, MappingContext context) {
        DeploymentModel model = context.model();
        String prefix = "/" + context.settings().parameterPrefix() + "/" + secret.namespace() + "/secret/" + secret.name() + "/";
        for (Map.Entry<String, String> entry : values.entrySet()) {
            String name = input(secret, entry.getKey(), model);
            model.declare(new EnvironmentInput(name, "value of key '" + entry.getKey() + "' of Secret " + secret.namespace() + "/"
                    + secret.name(), EnvironmentInput.Type.STRING, true, List.of()));
            context.secretValue(name, entry.getValue());
            SsmParameter parameter = new SsmParameter(ModelIds.secretKey(secret.namespace(), secret.name(), entry.getKey()),
                    prefix + entry.getKey().replaceAll("[^a-zA-Z0-9_.\\-]", "_"), true, model.input(name));
            parameter.addOrigin(secret.ref());
            parameter.tags().putAll(context.settings().tags());
            if (entry.getValue().getBytes(StandardCharsets.UTF_8).length > 4096) {
                parameter.advancedTier(true);
            }
            model.add(parameter);
        }
    }

    private static void secretsManager(SourceObject secret, Map<String, String> values, MappingContext context) {
        DeploymentModel model = context.model();
        Map<String, Value> keys = new TreeMap<>();
        for (Map.Entry<String, String> entry : values.entrySet()) {
            String name = input(secret, entry.getKey(), model);
            model.declare(new EnvironmentInput(name, "value of key '" + entry.getKey() + "' of Secret " + secret.namespace() + "/"
                    + secret.name(), EnvironmentInput.Type.STRING, true, List.of()));
            keys.put(entry.getKey(), model.input(name));
            context.secretValue(name, entry.getValue());
            warnIfNeedsJsonEscaping(secret, entry.getKey(), entry.getValue(), context.diagnostics());
        }
        SecretsManagerSecret stored = new SecretsManagerSecret(new ResourceId(SecretsManagerSecret.TYPE, secret.namespace(),
                "secret/" + secret.name()), context.settings().parameterPrefix() + "/" + secret.namespace() + "/" + secret.name(), keys);
        stored.addOrigin(secret.ref());
        stored.tags().putAll(context.settings().tags());
        model.add(stored);
    }

    private static void registryCredentials(SourceObject secret, Map<String, String> values, MappingContext context) {
        DeploymentModel model = context.model();
        // ECS reads {"username": …, "password": …}; the user supplies both at deploy time
        Map<String, Value> keys = new TreeMap<>();
        for (String key : List.of("username", "password")) {
            String name = ("registry_" + secret.namespace() + "_" + secret.name() + "_" + key).toLowerCase(Locale.ROOT)
                    .replaceAll("[^a-z0-9_]+", "_");
            model.declare(new EnvironmentInput(name, key + " for the private registry of pull secret " + secret.namespace() + "/"
                    + secret.name(), EnvironmentInput.Type.STRING, true, List.of()));
            keys.put(key, model.input(name));
        }
        DockerConfig.credentials(values).forEach((key, value) -> {
            context.secretValue(("registry_" + secret.namespace() + "_" + secret.name() + "_" + key).toLowerCase(Locale.ROOT)
                    .replaceAll("[^a-z0-9_]+", "_"), value);
            warnIfNeedsJsonEscaping(secret, key, value, context.diagnostics());
        });
        SecretsManagerSecret stored = new SecretsManagerSecret(ModelIds.registryCredentials(secret.namespace(), secret.name()),
                context.settings().parameterPrefix() + "/" + secret.namespace() + "/registry/" + secret.name(), keys);
        stored.addOrigin(secret.ref());
        stored.tags().putAll(context.settings().tags());
        model.add(stored);
    }

    /**
     * A Secrets Manager secret is one JSON document. The CloudFormation target can only assemble it with
     * {@code Fn::Sub}, which does not escape, so such a value breaks the document unless the user passes it
     * escaped. Only the key is named: the value is secret.
     */
    private static void warnIfNeedsJsonEscaping(SourceObject secret, String key, String value, Diagnostics diagnostics) {
        boolean needsEscaping = value.chars().anyMatch(c -> c == '"' || c == '\\' || c < 0x20);
        if (needsEscaping) {
            SourceNode at = secret.root().get("stringData").get(key);
            if (!at.exists()) {
                at = secret.root().get("data").get(key);
            }
            diagnostics.warning(at.exists() ? at : secret.root(), CODE_JSON_ESCAPE, "value of key '" + key + "' of Secret '"
                    + secret.name() + "' holds a quote, a backslash or a control character (such as a line break); the "
                    + "cloudformation target places it in the secret's JSON without escaping",
                    "pass that CloudFormation parameter JSON-escaped (\\\" for \", \\\\ for \\, \\n for a line break); "
                    + "ecs-json and terraform escape it themselves");
        }
    }
}
