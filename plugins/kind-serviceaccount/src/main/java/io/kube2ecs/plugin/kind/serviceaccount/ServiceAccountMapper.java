package io.kube2ecs.plugin.kind.serviceaccount;

import io.kube2ecs.api.model.IamRole;
import io.kube2ecs.api.model.ModelIds;
import io.kube2ecs.api.model.Value;
import io.kube2ecs.api.source.ResourceKind;
import io.kube2ecs.api.source.SourceNode;
import io.kube2ecs.api.source.SourceObject;
import io.kube2ecs.api.spi.FieldSupport;
import io.kube2ecs.api.spi.KindMapper;
import io.kube2ecs.api.spi.MappingContext;
import java.util.List;

/**
 * A ServiceAccount annotated with {@code eks.amazonaws.com/role-arn} becomes an existing IAM role
 * in the model; workloads that run as the account (their {@code serviceAccountName}, default
 * {@code default}) take it as their task role. The role's trust policy must allow
 * {@code ecs-tasks.amazonaws.com}, which the run reminds the user of.
 */
public final class ServiceAccountMapper implements KindMapper {

    static final String ROLE_ANNOTATION = "eks.amazonaws.com/role-arn";
    static final String CODE_TRUST = "SA001";

    private static final ResourceKind KIND = new ResourceKind("", "ServiceAccount");

    @Override
    public List<FieldSupport> fieldSupport() {
        return List.of(
                FieldSupport.mapped("metadata.annotations.eks.amazonaws.com/role-arn", "the existing IAM role becomes the task role "
                        + "of the workloads running as this account (its trust policy must allow ecs-tasks.amazonaws.com)"),
                FieldSupport.ignored("metadata.annotations.eks.amazonaws.com/sts-regional-endpoints", "ECS task roles use the regional STS endpoint"),
                FieldSupport.ignored("metadata.annotations.eks.amazonaws.com/token-expiration", "ECS rotates task role credentials itself"),
                FieldSupport.ignored("metadata.annotations.eks.amazonaws.com/audience", "ECS task roles are not web-identity tokens"),
                FieldSupport.ignored("automountServiceAccountToken", "there is no Kubernetes API on ECS"),
                FieldSupport.ignored("secrets", "service-account token secrets have no use on ECS"),
                FieldSupport.ignored("imagePullSecrets", "applied to the workloads that run as this account"),
                FieldSupport.ignored("metadata.labels", "labels only let SecurityGroupPolicies select the account"));
    }

    @Override
    public ResourceKind kind() {
        return KIND;
    }

    @Override
    public void map(SourceObject account, MappingContext context) {
        SourceNode annotations = account.root().get("metadata").get("annotations");
        SourceNode role = annotations.get(ROLE_ANNOTATION);
        role.asText().ifPresent(arn -> {
            IamRole iam = new IamRole(ModelIds.serviceAccountRole(account.namespace(), account.name()),
                    arn.substring(arn.lastIndexOf('/') + 1), Value.of(arn));
            iam.addOrigin(account.ref());
            context.model().add(iam);
            context.diagnostics().info(role, CODE_TRUST, "IAM role " + arn + " becomes the task role of the workloads running as '"
                    + account.name() + "'", "its trust policy must allow ecs-tasks.amazonaws.com to assume it "
                    + "(today it trusts the EKS OIDC provider)");
        });
        annotations.get("eks.amazonaws.com/sts-regional-endpoints").ignore("ECS task roles use the regional STS endpoint");
        annotations.get("eks.amazonaws.com/token-expiration").ignore("ECS rotates task role credentials itself");
        annotations.get("eks.amazonaws.com/audience").ignore("ECS task roles are not web-identity tokens");
        account.root().get("automountServiceAccountToken").ignore("there is no Kubernetes API on ECS");
        account.root().get("secrets").ignore("service-account token secrets have no use on ECS");
        account.root().get("imagePullSecrets").ignore("applied to the workloads that run as this account");
        account.root().get("metadata").get("labels").ignore("labels only let SecurityGroupPolicies select the account");
    }
}
