package io.kube2ecs.api.model;

import io.kube2ecs.api.Stable;
import java.util.ArrayList;
import java.util.List;

/**
 * An IAM role assumed by ECS tasks ({@code ecs-tasks.amazonaws.com}), either created by the
 * conversion or an existing one referred to by ARN.
 */
@Stable
public final class IamRole extends AwsResource {

    /** The {@link ResourceId#type()} of roles. */
    public static final String TYPE = "iam-role";

    private final String name;
    private final Value existingArn;
    private final List<String> managedPolicyArns = new ArrayList<>();
    private final List<PolicyStatement> statements = new ArrayList<>();

    /**
     * @param id          identity; type {@link #TYPE}
     * @param name        the role name to create, or the name of the existing role
     * @param existingArn the ARN of an existing role (nothing is created), or null to create it
     */
    public IamRole(ResourceId id, String name, Value existingArn) {
        super(id);
        this.name = name;
        this.existingArn = existingArn;
    }

    /** @return the role name */
    public String name() { return name; }
    /** @return the existing role's ARN, or null when the role is created */
    public Value existingArn() { return existingArn; }
    /** @return AWS-managed or customer-managed policies to attach */
    public List<String> managedPolicyArns() { return managedPolicyArns; }
    /** @return the statements of its inline policy (least privilege) */
    public List<PolicyStatement> statements() { return statements; }

    /**
     * One {@code Allow} statement.
     *
     * @param actions   e.g. {@code ssm:GetParameters}
     * @param resources ARNs, usually references to other resources of the model
     */
    public record PolicyStatement(List<String> actions, List<Value> resources) {
        public PolicyStatement {
            actions = List.copyOf(actions);
            resources = List.copyOf(resources);
        }
    }
}
