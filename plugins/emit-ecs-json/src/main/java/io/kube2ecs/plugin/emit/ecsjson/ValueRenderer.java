package io.kube2ecs.plugin.emit.ecsjson;

import io.kube2ecs.api.model.AwsResource;
import io.kube2ecs.api.model.DeploymentModel;
import io.kube2ecs.api.model.EnvironmentInput;
import io.kube2ecs.api.model.IamRole;
import io.kube2ecs.api.model.LogGroup;
import io.kube2ecs.api.model.SecretsManagerSecret;
import io.kube2ecs.api.model.SsmParameter;
import io.kube2ecs.api.model.StandardInputs;
import io.kube2ecs.api.model.Value;
import java.util.ArrayList;
import java.util.List;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.kube2ecs.api.model.ResourceId;
import io.kube2ecs.ecsshapes.ValueFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Renders model values as the literal strings the AWS CLI expects. Environment inputs take their
 * profile value or a {@code ${NAME}} placeholder; references to resources that the ECS JSON
 * output does not create either become the ARN built from their name or, when AWS assigns the
 * identifier (target groups, Cloud Map services), a named placeholder. Every placeholder is
 * collected so the run can list what to fill in.
 */
final class ValueRenderer {

    private final DeploymentModel model;
    private final Set<String> placeholders = new TreeSet<>();
    /** The placeholders of {@link #placeholder(String, String, String)} by their names, with what to fill in. */
    private final Map<String, String> derived = new TreeMap<>();

    ValueRenderer(DeploymentModel model) {
        this.model = model;
    }

    String text(Value value) {
        if (value instanceof Value.Literal literal) {
            return literal.value();
        }
        if (value instanceof Value.Input input) {
            List<String> values = list(value);
            return values.isEmpty() ? placeholder(input.name()) : String.join(",", values);
        }
        Value.Ref ref = (Value.Ref) value;
        AwsResource target = model.find(ref.target(), AwsResource.class).orElse(null);
        if (target instanceof LogGroup group && ref.attribute() == Value.Attribute.NAME) {
            return group.name();
        }
        if (target instanceof IamRole role) {
            if (role.existingArn() != null) {
                return text(role.existingArn());
            }
            if (ref.attribute() == Value.Attribute.NAME) {
                return role.name();
            }
            return roleArn(role.name());
        }
        if (target instanceof SsmParameter parameter && ref.attribute() == Value.Attribute.ARN) {
            String name = parameter.name().startsWith("/") ? parameter.name().substring(1) : parameter.name();
            return "arn:" + partition() + ":ssm:" + inputText(StandardInputs.REGION) + ":" + inputText(StandardInputs.ACCOUNT_ID)
                    + ":parameter/" + name;
        }
        if (target instanceof SecretsManagerSecret secret) {
            return secretArn(secret);
        }
        if (target == null && ref.target().type().equals(SsmParameter.TYPE) && ref.target().name().startsWith("secret/")) {
            // with secrets: secretsmanager a Secret's keys are JSON keys of one secret, not parameters
            String rest = ref.target().name().substring("secret/".length());
            int slash = rest.lastIndexOf('/');
            if (slash > 0) {
                Optional<SecretsManagerSecret> stored = model.find(new ResourceId(SecretsManagerSecret.TYPE, ref.target().namespace(),
                        "secret/" + rest.substring(0, slash)), SecretsManagerSecret.class);
                if (stored.isPresent()) {
                    return secretArn(stored.get()) + ":" + rest.substring(slash + 1) + "::";
                }
            }
        }
        String name = (ref.target().type() + "_" + ref.target().namespace() + "_" + ref.target().name() + "_"
                + ref.attribute()).toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_");
        placeholders.add("${" + name + "}");
        return "${" + name + "}";
    }

    /**
     * ECS accepts a secret's ARN without the random suffix AWS appends, which is all a conversion
     * can know before the secret exists.
     */
    String secretArn(SecretsManagerSecret secret) {
        return "arn:" + partition() + ":secretsmanager:" + inputText(StandardInputs.REGION) + ":"
                + inputText(StandardInputs.ACCOUNT_ID) + ":secret:" + secret.name();
    }

    /** @return the ARN of a role of this account by its name, as the task roles the conversion adds are named */
    String roleArn(String name) {
        return "arn:" + partition() + ":iam::" + inputText(StandardInputs.ACCOUNT_ID) + ":role/" + name;
    }

    /** @return {@code arn:<partition>:ecs:<region>:<account>:<resource>} */
    String ecsArn(String resource) {
        return "arn:" + partition() + ":ecs:" + inputText(StandardInputs.REGION) + ":" + inputText(StandardInputs.ACCOUNT_ID) + ":"
                + resource;
    }

    /** @return the account id, or its placeholder */
    String accountId() {
        return inputText(StandardInputs.ACCOUNT_ID);
    }

    /** Renders a value that may stand for several strings (a list-typed input). */
    List<String> list(Value value) {
        if (value instanceof Value.Input input) {
            EnvironmentInput declared = model.inputNamed(input.name()).orElseThrow();
            if (declared.sensitive() || !declared.isKnown()) {
                return List.of();
            }
            return declared.value();
        }
        return List.of(text(value));
    }

    List<String> listOrPlaceholder(List<Value> values) {
        List<String> out = new ArrayList<>();
        for (Value value : values) {
            List<String> rendered = list(value);
            if (rendered.isEmpty() && value instanceof Value.Input input) {
                out.add(placeholder(input.name()));
            } else {
                out.addAll(rendered);
            }
        }
        return out;
    }

    private String inputText(String name) {
        // through model.input so the run lists the input among the values to fill in
        return text(model.input(name));
    }

    /** The ARN partition of the profile's region: China and GovCloud regions have their own. */
    String partition() {
        String region = model.inputNamed(StandardInputs.REGION).map(i -> i.value().isEmpty() ? "" : i.value().get(0)).orElse("");
        if (region.startsWith("cn-")) {
            return "aws-cn";
        }
        return region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
    }

    /**
     * A placeholder of its own for another form of an input's value, e.g. {@code ${CLUSTER_ARN}} beside
     * {@code ${CLUSTER}}: where only one form is valid, a distinct name cannot be filled in with the other.
     * No input stands for it, so it is kept in {@link #derived()} for the run's list of values to fill in.
     *
     * @param suffix      upper case, e.g. {@code _ARN}
     * @param description what to fill in, as an input's description
     */
    String placeholder(String inputName, String suffix, String description) {
        String base = model.inputNamed(inputName).map(EnvironmentInput::placeholder)
                .orElse("${" + inputName.toUpperCase(Locale.ROOT) + "}");
        String placeholder = base.substring(0, base.length() - 1) + suffix + "}";
        placeholders.add(placeholder);
        // the name an input would have for this placeholder (EnvironmentInput.placeholder is its upper case)
        derived.putIfAbsent(placeholder.substring(2, placeholder.length() - 1).toLowerCase(Locale.ROOT), description);
        return placeholder;
    }

    private String placeholder(String inputName) {
        String placeholder = model.inputNamed(inputName).map(EnvironmentInput::placeholder)
                .orElse("${" + inputName.toUpperCase(Locale.ROOT) + "}");
        placeholders.add(placeholder);
        return placeholder;
    }

    /** @return this renderer as the shared builder's value format: plain text nodes */
    ValueFormat format() {
        return new ValueFormat() {
            @Override
            public JsonNode value(Value value) {
                return TextNode.valueOf(text(value));
            }

            @Override
            public JsonNode suffixed(Value value, String suffix) {
                return TextNode.valueOf(text(value) + suffix);
            }
        };
    }

    Set<String> placeholders() {
        return placeholders;
    }

    /** @return the placeholders of other forms of inputs' values, by the names of inputs that would stand for them, with what to fill in */
    Map<String, String> derived() {
        return derived;
    }
}
