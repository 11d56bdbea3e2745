package io.kube2ecs.ecsshapes;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * How the execution role's read access to SSM parameters is written. Listing every parameter's
 * ARN is the least privilege, but IAM caps the inline policies of one role at 10,240 characters
 * together (whitespace aside): past about a hundred parameters the role cannot be created. Then
 * each Kubernetes namespace's parameter path is granted instead ({@code /kube2ecs/shop/*}); every
 * task already shares the one execution role, so that widens what the tasks can read only to
 * parameters created later under the same paths.
 */
public final class ParameterReadScope {

    /** IAM's limit for the inline policies of one role, together. */
    public static final int ROLE_INLINE_POLICY_CHARS = 10_240;
    /**
     * What the parameter ARNs may take of it: the rest is the statements around them, the Secrets
     * Manager secrets and the KMS key, which are listed one by one.
     */
    static final int PARAMETER_BUDGET = 8_000;
    /** An ARN without its name: {@code "arn:aws-us-gov:ssm:us-gov-west-1:123456789012:parameter",}, quotes and comma included. */
    private static final int ARN_OVERHEAD = 64;

    private ParameterReadScope() {
    }

    /**
     * @param parameterNames the names of every parameter the execution role reads, across all its
     *                       policies, e.g. {@code /kube2ecs/shop/configmap/web/LOG_LEVEL}
     * @return the path wildcards to grant instead of the single parameters, e.g.
     *         {@code /kube2ecs/shop/*}, sorted; empty when the single ARNs fit the role's policy size
     */
    public static Optional<List<String>> wildcardsIfTooLarge(Collection<String> parameterNames) {
        long size = 0;
        for (String name : parameterNames) {
            size += name.length() + ARN_OVERHEAD;
        }
        if (size <= PARAMETER_BUDGET) {
            return Optional.empty();
        }
        TreeSet<String> wildcards = new TreeSet<>();
        for (String name : parameterNames) {
            wildcards.add(wildcard(name));
        }
        return Optional.of(List.copyOf(wildcards));
    }

    /**
     * @param parameterCount how many parameters the role reads
     * @param wildcards      what {@link #wildcardsIfTooLarge} returned
     * @return the note an emitter reports when its role reads paths instead of single parameters
     */
    public static String note(int parameterCount, List<String> wildcards) {
        return "the created execution role reads " + parameterCount + " SSM parameters, too many to list in its policies "
                + "(IAM allows a role " + ROLE_INLINE_POLICY_CHARS + " characters of inline policy): it reads the paths "
                + String.join(", ", wildcards) + " instead";
    }

    /**
     * @return the parameter's first two path segments and {@code /*} ({@code /kube2ecs/shop/*}: the
     *         prefix and the namespace of the names this tool gives), or the name itself when it has
     *         no deeper path, so a wildcard never grants a whole first-level path
     */
    public static String wildcard(String parameterName) {
        String name = parameterName.startsWith("/") ? parameterName : "/" + parameterName;
        int first = name.indexOf('/', 1);
        int second = first < 0 ? -1 : name.indexOf('/', first + 1);
        if (second < 0 || second == name.length() - 1) {
            return parameterName;
        }
        return name.substring(0, second) + "/*";
    }
}
