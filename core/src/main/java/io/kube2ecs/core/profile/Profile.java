package io.kube2ecs.core.profile;

import java.util.List;
import java.util.Map;

/**
 * The conversion profile: what Kubernetes manifests do not say about the target environment, and
 * how the user wants the conversion done. Every field is optional; what is missing becomes a
 * named placeholder in the output. The shape is checked against {@code profile.schema.json}.
 *
 * @param region           AWS region, e.g. {@code eu-west-1}
 * @param accountId        12-digit AWS account id
 * @param cluster          ECS cluster name or ARN
 * @param createCluster    whether the Terraform and CloudFormation targets create the cluster
 * @param vpcId            VPC the tasks run in
 * @param vpcCidr          the VPC's CIDR block, allowed to reach internal load balancers
 * @param subnets          subnet ids for the tasks
 * @param securityGroups   security group ids for the tasks
 * @param assignPublicIp   whether tasks get a public IP (public subnets without NAT)
 * @param executionRoleArn ECS task execution role
 * @param namePrefix       prefix for every AWS name
 * @param platformVersion  Fargate platform version
 * @param sizing           task sizing policy: {@code max} (default), {@code requests} or {@code limits}
 * @param serviceDiscovery {@code cloudmap} (default) or {@code service-connect}
 * @param secrets          where Secrets go: {@code ssm} (default) or {@code secretsmanager}
 * @param parameterPrefix  first path element of parameter and secret names, default {@code kube2ecs}
 * @param kmsKeyArn        KMS key for SecureString parameters and secrets, default the AWS-managed key
 * @param loadBalancerScheme default scheme of load balancers: {@code internal} (default) or {@code internet-facing}
 * @param logging          container logging
 * @param tags             tags for every resource
 * @param plugins          which plugin handles a kind or target when several could
 * @param options          per-plugin options, keyed by plugin id
 * @param efsFileSystemId  the EFS file system that holds PersistentVolumeClaims' data ({@code fs-…})
 */
public record Profile(String region, String accountId, String cluster, Boolean createCluster, String vpcId, String vpcCidr, List<String> subnets,
                      List<String> securityGroups, Boolean assignPublicIp, String executionRoleArn, String namePrefix,
                      String platformVersion, String sizing, String serviceDiscovery,
                      String loadBalancerScheme, String secrets, String parameterPrefix, String kmsKeyArn, Logging logging, Map<String, String> tags, Plugins plugins,
                      Map<String, Map<String, Object>> options, String efsFileSystemId) {

    /** The profile used when the user gives none. */
    public static final Profile EMPTY = new Profile(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
            null, null, null, null, null, null, null, null);

    public Profile {
        subnets = subnets == null ? List.of() : List.copyOf(subnets);
        securityGroups = securityGroups == null ? List.of() : List.copyOf(securityGroups);
        namePrefix = namePrefix == null ? "" : namePrefix;
        platformVersion = platformVersion == null ? "LATEST" : platformVersion;
        sizing = sizing == null ? "max" : sizing;
        serviceDiscovery = serviceDiscovery == null ? "cloudmap" : serviceDiscovery;
        loadBalancerScheme = loadBalancerScheme == null ? "internal" : loadBalancerScheme;
        secrets = secrets == null ? "ssm" : secrets;
        parameterPrefix = parameterPrefix == null ? "kube2ecs" : parameterPrefix;
        logging = logging == null ? new Logging(null, null, null) : logging;
        tags = tags == null ? Map.of() : Map.copyOf(tags);
        plugins = plugins == null ? new Plugins(null, null, null) : plugins;
        options = options == null ? Map.of() : Map.copyOf(options);
    }

    /**
     * Container logging.
     *
     * @param driver        {@code awslogs} (default) or {@code none}
     * @param groupPrefix   log group prefix, default {@code /ecs}
     * @param retentionDays log retention, default 30
     */
    public record Logging(String driver, String groupPrefix, Integer retentionDays) {
        public Logging {
            driver = driver == null ? "awslogs" : driver;
            groupPrefix = groupPrefix == null ? "/ecs" : groupPrefix.replaceAll("/+$", "");
            retentionDays = retentionDays == null ? 30 : retentionDays;
        }
    }

    /**
     * Explicit plugin choices.
     *
     * @param mappers  kind (e.g. {@code apps/Deployment}) to plugin id
     * @param emitters target (e.g. {@code ecs-json}) to plugin id
     * @param dirs     plugin folders to load, relative to the profile's folder
     */
    public record Plugins(Map<String, String> mappers, Map<String, String> emitters, List<String> dirs) {
        public Plugins {
            mappers = mappers == null ? Map.of() : Map.copyOf(mappers);
            emitters = emitters == null ? Map.of() : Map.copyOf(emitters);
            dirs = dirs == null ? List.of() : List.copyOf(dirs);
        }
    }

    /**
     * @param extra plugin options by plugin id, overriding this profile's keys one by one
     * @return a copy with the options merged
     */
    public Profile withOptions(Map<String, Map<String, Object>> extra) {
        if (extra.isEmpty()) {
            return this;
        }
        Map<String, Map<String, Object>> merged = new java.util.TreeMap<>(options);
        extra.forEach((plugin, values) -> {
            Map<String, Object> one = new java.util.TreeMap<>(merged.getOrDefault(plugin, Map.of()));
            one.putAll(values);
            merged.put(plugin, one);
        });
        return new Profile(region, accountId, cluster, createCluster, vpcId, vpcCidr, subnets, securityGroups, assignPublicIp,
                executionRoleArn, namePrefix, platformVersion, sizing, serviceDiscovery, loadBalancerScheme, secrets, parameterPrefix,
                kmsKeyArn, logging, tags, plugins, merged, efsFileSystemId);
    }
}
