package io.kube2ecs.plugin.emit.ecsjson;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kube2ecs.api.model.ContainerDefinition;
import io.kube2ecs.api.model.DeploymentModel;
import io.kube2ecs.api.model.IamRole;
import io.kube2ecs.api.model.SecretRef;
import io.kube2ecs.api.model.SecretsManagerSecret;
import io.kube2ecs.api.model.SsmParameter;
import io.kube2ecs.api.model.TaskDefinition;
import io.kube2ecs.api.model.Value;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the ECS JSON target adds so its task definitions can start: the execution role's least-
 * privilege policy per task definition, and {@code parameters.sh}, which creates the SSM
 * parameters and secrets. Secret values never appear: the script reads them from environment
 * variables named after the model's sensitive inputs.
 */
final class DeployScripts {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private DeployScripts() {
    }

    /**
     * @return the IAM policy document the task's execution role needs to read its secrets, or null
     *         when the task reads none
     */
    static ObjectNode executionRolePolicy(TaskDefinition task, DeploymentModel model, ValueRenderer values, String kmsKey) {
        Set<String> parameters = new TreeSet<>();
        Set<String> secrets = new TreeSet<>();
        for (ContainerDefinition container : task.containers()) {
            for (SecretRef secret : container.secrets()) {
                String arn = values.text(secret.valueFrom());
                if (arn.contains(":secretsmanager:")) {
                    secrets.add(secretResource(arn));
                } else {
                    parameters.add(arn);
                }
            }
            if (container.repositoryCredentials() != null) {
                secrets.add(secretResource(values.text(container.repositoryCredentials())));
            }
        }
        if (parameters.isEmpty() && secrets.isEmpty()) {
            return null;
        }
        ObjectNode policy = JSON.objectNode().put("Version", "2012-10-17");
        ArrayNode statements = policy.putArray("Statement");
        if (!parameters.isEmpty()) {
            statement(statements, "ReadParameters", "ssm:GetParameters", parameters);
        }
        if (!secrets.isEmpty()) {
            statement(statements, "ReadSecrets", "secretsmanager:GetSecretValue", secrets);
        }
        if (kmsKey != null) {
            statement(statements, "DecryptSecrets", "kms:Decrypt", Set.of(kmsKey));
        }
        return policy;
    }

    /**
     * @return the policy of a task role the conversion creates (read access for config files), or
     *         null when the task has no such role
     */
    static ObjectNode taskRolePolicy(TaskDefinition task, DeploymentModel model, ValueRenderer values) {
        if (!(task.taskRole() instanceof Value.Ref ref)) {
            return null;
        }
        IamRole role = model.find(ref.target(), IamRole.class).orElse(null);
        if (role == null || role.existingArn() != null || role.statements().isEmpty()) {
            return null;
        }
        ObjectNode policy = JSON.objectNode().put("Version", "2012-10-17");
        ArrayNode statements = policy.putArray("Statement");
        for (IamRole.PolicyStatement statement : role.statements()) {
            ObjectNode node = statements.addObject().put("Effect", "Allow");
            ArrayNode actions = node.putArray("Action");
            statement.actions().forEach(actions::add);
            ArrayNode resources = node.putArray("Resource");
            statement.resources().forEach(r -> resources.add(values.text(r)));
        }
        return policy;
    }

    /** A secret's ARN as a policy resource: the JSON key and version are not part of it, the random suffix is matched. */
    private static String secretResource(String arn) {
        int secretAt = arn.indexOf(":secret:");
        if (secretAt < 0) {
            return arn;
        }
        int keyAt = arn.indexOf(':', secretAt + ":secret:".length());
        return (keyAt < 0 ? arn : arn.substring(0, keyAt)) + "-??????";
    }

    private static void statement(ArrayNode statements, String sid, String action, Set<String> resources) {
        ObjectNode statement = statements.addObject().put("Sid", sid).put("Effect", "Allow").put("Action", action);
        ArrayNode list = statement.putArray("Resource");
        resources.forEach(list::add);
    }

    /**
     * @return a shell script creating every parameter and secret of the model, or null when there
     *         are none. Values travel as JSON on standard input ({@code --cli-input-json
     *         file:///dev/stdin}), built by jq from the environment, so no value is ever a command
     *         argument: none shows in process listings (a private temporary file carries the
     *         request), and values starting with {@code -} or
     *         {@code file://} are stored as they are.
     */
    static String parametersScript(DeploymentModel model, ValueRenderer values, String kmsKey) {
        StringBuilder script = new StringBuilder();
        for (SsmParameter parameter : model.all(SsmParameter.class)) {
            String source = parameter.secure() ? variable(parameter.value()) : null;
            if (source != null) {
                script.append("require ").append(source).append('\n');
            }
            StringBuilder jq = new StringBuilder("jq -n --arg name ").append(quote(parameter.name()));
            String value;
            if (source == null) {
                jq.append(" --arg value ").append(quote(values.text(parameter.value())));
                value = "$value";
            } else {
                value = "env." + source;
            }
            jq.append(" '{Name: $name, Value: ").append(value).append(", Type: \"").append(parameter.secure() ? "SecureString" : "String")
                    .append("\", Overwrite: true").append(parameter.advancedTier() ? ", Tier: \"Advanced\"" : "")
                    .append(parameter.secure() && kmsKey != null ? ", KeyId: " + jsonString(kmsKey) : "").append("}'");
            script.append(jq).append(" | aws_json ssm put-parameter\n");
        }
        for (SecretsManagerSecret secret : model.all(SecretsManagerSecret.class)) {
            StringBuilder object = new StringBuilder("{");
            for (java.util.Map.Entry<String, Value> entry : secret.values().entrySet()) {
                String variable = variable(entry.getValue());
                script.append("require ").append(variable).append('\n');
                object.append(object.length() > 1 ? ", " : "").append(jsonString(entry.getKey())).append(": env.").append(variable);
            }
            object.append('}');
            script.append("put_secret ").append(quote(secret.name())).append(' ').append(quote(object.toString())).append('\n');
        }
        if (script.length() == 0) {
            return null;
        }
        return "#!/usr/bin/env bash\n"
                + "# Creates the SSM parameters and Secrets Manager secrets the task definitions read; safe to run again.\n"
                + "# Secret values are not in this file: export the variables it names first (or\n"
                + "# `set -a; . secret-values.env; set +a` with the file kube2ecs --include-secret-values writes).\n"
                + "# Needs the AWS CLI and jq.\n"
                + "set -euo pipefail\n"
                + "require() { [[ -n \"${!1:-}\" ]] || { echo \"set $1 to the secret value\" >&2; exit 1; }; }\n"
                + "# the request goes through a private temporary file: never a command argument, and the AWS CLI v1\n"
                + "# reads --cli-input-json twice, which a pipe cannot serve\n"
                + "aws_json() {\n"
                + "  local file status=0\n"
                + "  file=$(mktemp)\n"
                + "  chmod 600 \"$file\"\n"
                + "  cat >\"$file\"\n"
                + "  aws \"$@\" --cli-input-json \"file://$file\" >/dev/null || status=$?\n"
                + "  rm -f \"$file\"\n"
                + "  return $status\n"
                + "}\n"
                + "put_secret() {\n"
                + "  local string\n"
                + "  string=$(jq -n \"$2\")\n"
                + "  if aws secretsmanager describe-secret --secret-id \"$1\" >/dev/null 2>&1; then\n"
                + "    SECRET_STRING=\"$string\" jq -n --arg id \"$1\" '{SecretId: $id, SecretString: env.SECRET_STRING}' | aws_json secretsmanager put-secret-value\n"
                + "  else\n"
                + "    SECRET_STRING=\"$string\" jq -n --arg name \"$1\"" + (kmsKey == null ? "" : " --arg key " + quote(kmsKey))
                + " '{Name: $name, SecretString: env.SECRET_STRING" + (kmsKey == null ? "" : ", KmsKeyId: $key") + "}' | aws_json secretsmanager create-secret\n"
                + "  fi\n"
                + "}\n" + script;
    }

    private static String jsonString(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String variable(Value value) {
        return value instanceof Value.Input input ? input.name().toUpperCase(Locale.ROOT) : "VALUE";
    }


    static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
