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

    /** @return a shell script creating every parameter and secret of the model, or null when there are none */
    static String parametersScript(DeploymentModel model, ValueRenderer values, String kmsKey) {
        StringBuilder script = new StringBuilder();
        for (SsmParameter parameter : model.all(SsmParameter.class)) {
            script.append("aws ssm put-parameter --overwrite --name ").append(quote(parameter.name()));
            if (parameter.secure()) {
                script.append(" --type SecureString").append(kmsKey == null ? "" : " --key-id " + quote(kmsKey))
                        .append(" --value \"${").append(variable(parameter.value())).append(":?set it to the secret value}\"");
            } else {
                script.append(" --type String --value ").append(quote(values.text(parameter.value())));
            }
            if (parameter.advancedTier()) {
                script.append(" --tier Advanced");
            }
            script.append('\n');
        }
        for (SecretsManagerSecret secret : model.all(SecretsManagerSecret.class)) {
            StringBuilder jq = new StringBuilder("jq -n");
            StringBuilder object = new StringBuilder("{");
            for (java.util.Map.Entry<String, Value> entry : secret.values().entrySet()) {
                String key = entry.getKey();
                String variable = variable(entry.getValue());
                jq.append(" --arg ").append(argName(key)).append(" \"${").append(variable).append(":?set it to the secret value}\"");
                object.append(object.length() > 1 ? ", " : "").append('"').append(key.replace("\"", "\\\"")).append("\": $")
                        .append(argName(key));
            }
            object.append('}');
            script.append("aws secretsmanager create-secret --name ").append(quote(secret.name()))
                    .append(kmsKey == null ? "" : " --kms-key-id " + quote(kmsKey))
                    .append(" --secret-string \"$(").append(jq).append(' ').append(quote(object.toString())).append(")\"\n");
        }
        if (script.length() == 0) {
            return null;
        }
        return "#!/usr/bin/env bash\n"
                + "# Creates the SSM parameters and Secrets Manager secrets the task definitions read.\n"
                + "# Secret values are not in this file: export the variables named below before running it\n"
                + "# (or source the file written by kube2ecs --include-secret-values). Needs the AWS CLI and jq.\n"
                + "set -euo pipefail\n" + script;
    }

    private static String variable(Value value) {
        return value instanceof Value.Input input ? input.name().toUpperCase(Locale.ROOT) : "VALUE";
    }

    private static String argName(String key) {
        return "k_" + key.replaceAll("[^A-Za-z0-9_]", "_");
    }

    static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
