package io.kube2ecs.api.model;

import io.kube2ecs.api.Stable;

/**
 * Names of the environment inputs the core declares in every model, filled from the conversion
 * profile when it has them. Use them with {@link DeploymentModel#input(String)}.
 */
@Stable
public final class StandardInputs {

    /** AWS region ({@link EnvironmentInput.Type#STRING}). */
    public static final String REGION = "region";
    /** AWS account id. */
    public static final String ACCOUNT_ID = "account_id";
    /** ECS cluster name or ARN. */
    public static final String CLUSTER = "cluster";
    /** VPC id. */
    public static final String VPC_ID = "vpc_id";
    /** The VPC's CIDR block, the source of internal load balancers' traffic. */
    public static final String VPC_CIDR = "vpc_cidr";
    /** Subnet ids for tasks ({@link EnvironmentInput.Type#STRING_LIST}). */
    public static final String SUBNET_IDS = "subnet_ids";
    /** Security group ids for tasks ({@link EnvironmentInput.Type#STRING_LIST}). */
    public static final String SECURITY_GROUP_IDS = "security_group_ids";
    /** ARN of the ECS task execution role. */
    public static final String EXECUTION_ROLE_ARN = "execution_role_arn";
    /**
     * The EFS file system that holds the data of PersistentVolumeClaims ({@code fs-…}). Like the
     * VPC, the user provides it; it is listed among the values to fill in only when a workload
     * mounts a claim.
     *
     * @since 1.5
     */
    public static final String EFS_FILE_SYSTEM_ID = "efs_file_system_id";

    private StandardInputs() {
    }
}
