package io.kube2ecs.core.profile;

import io.kube2ecs.api.model.DeploymentModel;
import io.kube2ecs.api.model.EnvironmentInput;
import io.kube2ecs.api.model.StandardInputs;
import java.util.List;

/** The environment inputs every model starts with, filled from the profile. */
public final class EnvironmentInputs {

    private EnvironmentInputs() {
    }

    /**
     * Declares the standard inputs of {@link StandardInputs} in a new model, with the profile's values.
     *
     * @param model   the model
     * @param profile the profile
     */
    public static void declare(DeploymentModel model, Profile profile) {
        declare(model, StandardInputs.REGION, "AWS region to deploy to", EnvironmentInput.Type.STRING, profile.region());
        declare(model, StandardInputs.ACCOUNT_ID, "AWS account id", EnvironmentInput.Type.STRING, profile.accountId());
        declare(model, StandardInputs.CLUSTER, "ECS cluster name or ARN", EnvironmentInput.Type.STRING, profile.cluster());
        declare(model, StandardInputs.VPC_ID, "VPC the tasks run in", EnvironmentInput.Type.STRING, profile.vpcId());
        declare(model, StandardInputs.VPC_CIDR, "CIDR block of the VPC, allowed to reach internal load balancers",
                EnvironmentInput.Type.STRING, profile.vpcCidr());
        model.declare(new EnvironmentInput(StandardInputs.SUBNET_IDS, "subnets the tasks run in (private subnets with NAT or VPC endpoints)",
                EnvironmentInput.Type.STRING_LIST, false, profile.subnets()));
        model.declare(new EnvironmentInput(StandardInputs.SECURITY_GROUP_IDS, "security groups of the tasks",
                EnvironmentInput.Type.STRING_LIST, false, profile.securityGroups()));
        declare(model, StandardInputs.EXECUTION_ROLE_ARN,
                "ECS task execution role (pulls images, writes logs, reads secrets)", EnvironmentInput.Type.STRING,
                profile.executionRoleArn());
        declare(model, StandardInputs.EFS_FILE_SYSTEM_ID, "EFS file system holding the data of PersistentVolumeClaims "
                + "(its mount targets must accept NFS, TCP 2049, from the tasks)", EnvironmentInput.Type.STRING, profile.efsFileSystemId());
    }

    private static void declare(DeploymentModel model, String name, String description, EnvironmentInput.Type type,
                                String value) {
        model.declare(new EnvironmentInput(name, description, type, false, value == null ? List.of() : List.of(value)));
    }
}
