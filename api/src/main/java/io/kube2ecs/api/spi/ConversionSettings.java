package io.kube2ecs.api.spi;

import io.kube2ecs.api.Stable;
import java.util.Map;

/**
 * The parts of the conversion profile that shape what mappers produce. Immutable and thread-safe.
 */
@Stable
public interface ConversionSettings {

    /** @return the prefix for every AWS name this run creates, possibly empty */
    String namePrefix();

    /** @return whether containers send their logs to CloudWatch Logs ({@code awslogs}) */
    boolean awsLogs();

    /** @return the log group name prefix, e.g. {@code /ecs}; no trailing slash */
    String logGroupPrefix();

    /** @return log retention in days */
    int logRetentionDays();

    /** @return whether tasks get a public IP address (public subnets without NAT) */
    boolean assignPublicIp();

    /** @return the Fargate platform version, {@code LATEST} unless the profile says otherwise */
    String platformVersion();

    /**
     * @return how tasks are sized: {@code max} (default: the larger of the summed requests and the
     *         summed limits), {@code requests} or {@code limits}
     */
    default String sizingPolicy() {
        return "max";
    }

    /**
     * @return how Services are found: {@code cloudmap} (default: Cloud Map DNS names
     *         {@code <service>.<namespace>.svc.cluster.local}) or {@code service-connect} (ECS Service
     *         Connect, which also resolves the short name)
     */
    default String serviceDiscovery() {
        return "cloudmap";
    }

    /** @return whether load balancers are internet-facing unless a manifest says otherwise */
    default boolean internetFacingByDefault() {
        return false;
    }

    /** @return where Secrets go: {@code ssm} (SecureString parameters, default) or {@code secretsmanager} */
    default String secretStore() {
        return "ssm";
    }

    /** @return the first path element of every parameter and secret this run creates, without slashes */
    default String parameterPrefix() {
        return "kube2ecs";
    }

    /** @return the KMS key that encrypts SecureString parameters and secrets, or null for the AWS-managed key */
    default String kmsKeyArn() {
        return null;
    }

    /** @return whether targets that create resources also create the ECS cluster (named by the cluster input) */
    default boolean createCluster() {
        return false;
    }

    /** @return tags to add to every resource that takes tags, never null */
    Map<String, String> tags();

    /**
     * Builds a name for an AWS resource from a Kubernetes object: the profile's prefix, the
     * namespace and the name, joined by {@code -}, with characters AWS refuses replaced and the
     * result shortened deterministically to {@code maxLength}.
     *
     * @param namespace the Kubernetes namespace
     * @param name      the Kubernetes name
     * @param maxLength the AWS limit for this kind of name
     * @return a valid, deterministic name
     */
    String awsName(String namespace, String name, int maxLength);
}
