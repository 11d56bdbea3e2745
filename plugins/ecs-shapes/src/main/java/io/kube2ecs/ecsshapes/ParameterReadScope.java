package io.kube2ecs.ecsshapes;

import io.kube2ecs.api.model.DeploymentModel;
import io.kube2ecs.api.model.ResourceId;
import io.kube2ecs.api.model.SecretsManagerSecret;
import io.kube2ecs.api.model.SsmParameter;
import io.kube2ecs.api.model.Value;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * How the created execution role's read access to SSM parameters and Secrets Manager secrets is
 * written. Listing every parameter's and secret's ARN is the least privilege, but IAM caps the
 * inline policies of one role at 10,240 characters together (whitespace aside): past about a
 * hundred ARNs the role cannot be created. One budget covers everything the policies list. When
 * the single ARNs do not fit, each Kubernetes namespace's parameter path is granted instead
 * ({@code /kube2ecs/shop/*}); when those paths and the single secrets still do not fit, the secrets
 * the model creates are granted by their namespace's name prefix too ({@code kube2ecs/shop/*}); past
 * a hundred or so namespaces even one path and prefix each do not fit, and the whole prefix is
 * granted ({@code /kube2ecs/*}, then {@code kube2ecs/*} for the secrets).
 * Every task already shares the one execution role, so that widens what the tasks can read only to
 * the other parameters and secrets under the same paths: ones no task reads, and ones created
 * later. ARNs the model does not create stay listed one by one: nothing says which path would
 * hold them, so enough of them still overflow the role, which {@link Scope#fits()} tells.
 */
public final class ParameterReadScope {

    /** IAM's limit for the inline policies of one role, together. */
    public static final int ROLE_INLINE_POLICY_CHARS = 10_240;
    /**
     * What the listed ARNs (parameters, secrets, the KMS key) may take of it together: the rest is
     * the statements around them (about 330 characters for one policy document).
     */
    static final int BUDGET = 8_000;
    /** The statements around the ARNs of one policy document, to tell how large the policies would be. */
    private static final int STATEMENTS_CHARS = 330;
    /**
     * The statements around the ARNs that each further policy document repeats (the nested stacks'
     * {@code read-secrets-<ns>} policies): version, reads and {@code kms:Decrypt} statements.
     */
    private static final int POLICY_STATEMENTS_CHARS = 200;
    /** An ARN without its name: {@code "arn:aws-us-gov:ssm:us-gov-west-1:123456789012:parameter",}, quotes and comma included. */
    private static final int PARAMETER_ARN_OVERHEAD = 64;
    /**
     * A secret's ARN without its name: {@code "arn:aws-us-gov:secretsmanager:us-gov-west-1:123456789012:secret:}
     * (64), the {@code -AbCdEf} suffix Secrets Manager appends (7), quotes and comma (3).
     */
    private static final int SECRET_ARN_OVERHEAD = 74;
    /**
     * What an ARN the model does not create is taken to need (a Secret missing from the input, an
     * ARN given as is): its name is unknown, so a generous guess.
     */
    private static final int UNKNOWN_ARN_CHARS = 128;

    private ParameterReadScope() {
    }

    /**
     * How wide the role's reads are granted, narrowest first; each level widens what the one before
     * it granted and keeps the rest.
     */
    public enum Level {
        /** Each parameter and secret by its ARN. */
        ARNS,
        /** Parameters by their namespace's path, {@code /kube2ecs/shop/*}; secrets by ARN. */
        PARAMETER_PATHS,
        /** Also the secrets the model creates by their namespace's name prefix, {@code kube2ecs/shop/*}. */
        SECRET_PREFIXES,
        /** Parameters by the whole parameter prefix, {@code /kube2ecs/*}; secrets by namespace prefix. */
        PARAMETER_PREFIX,
        /** Parameters and the secrets the model creates by the whole prefix, {@code /kube2ecs/*} and {@code kube2ecs/*}. */
        WHOLE_PREFIX
    }

    /**
     * What the role's policies grant.
     *
     * @param level          how wide
     * @param parameters     how many parameters the model creates that the role reads
     * @param parameterPaths the paths granted instead of those parameters, sorted; empty when they are listed
     * @param secrets        how many secrets the model creates that the role reads
     * @param secretPrefixes the name prefixes granted instead of single secrets, sorted; empty when they are listed
     * @param prefixed       how many of those secrets a prefix grants (the others' names do not follow
     *                       {@code <prefix>/<namespace>/…}, so they stay listed)
     * @param unknownArns    how many ARNs the model does not create, listed one by one in any case
     * @param chars          the estimated size of what the policies list at this level, the fixed costs
     *                       (unknown ARNs, KMS key, further policy documents) included; compare with {@link #fits()}
     */
    public record Scope(Level level, int parameters, List<String> parameterPaths, int secrets, List<String> secretPrefixes,
            int prefixed, int unknownArns, long chars) {

        /** @return whether the parameters are granted by path */
        public boolean parametersByPath() {
            return !parameterPaths.isEmpty();
        }

        /** @return whether the secrets the model creates are granted by name prefix */
        public boolean secretsByPrefix() {
            return !secretPrefixes.isEmpty();
        }

        /** @return whether anything is granted wider than one ARN each */
        public boolean widened() {
            return parametersByPath() || secretsByPrefix();
        }

        /**
         * @return whether the policies fit IAM's size for one role; when not, even the widest level
         *         lists too much (ARNs no path or prefix covers) and the role cannot be created
         */
        public boolean fits() {
            return chars <= BUDGET;
        }

        /** @return the policies' estimated size in characters, statements included */
        private long estimate() {
            return chars + STATEMENTS_CHARS;
        }

        /**
         * @return whether the estimated size passes IAM's limit itself, so the role cannot be created; a scope that
         *         does not {@link #fits() fit} but stays within the limit only may not be
         */
        public boolean exceedsIam() {
            return estimate() > ROLE_INLINE_POLICY_CHARS;
        }

        /**
         * @param parameterName the name of a parameter the model creates that the role reads
         * @return the path that grants it ({@code /kube2ecs/shop/*} or {@code /kube2ecs/*}; the name
         *         itself when it has no path to widen to), or empty when it is listed by its ARN
         */
        public Optional<String> pathOf(String parameterName) {
            if (level.compareTo(Level.PARAMETER_PREFIX) >= 0) {
                return Optional.of(wholePath(parameterName));
            }
            return level.compareTo(Level.PARAMETER_PATHS) >= 0 ? Optional.of(wildcard(parameterName)) : Optional.empty();
        }

        /**
         * @param secret a secret the role reads
         * @return the prefix that grants it, or empty when it is listed by its ARN
         */
        public Optional<String> prefixOf(SecretsManagerSecret secret) {
            if (level == Level.WHOLE_PREFIX) {
                return secretPrefix(secret).map(ParameterReadScope::wholePrefix);
            }
            return secretsByPrefix() ? secretPrefix(secret) : Optional.empty();
        }

        /** @return the note an emitter reports when {@link #widened()}: what is granted wider, and how many ARNs that replaces */
        public String note() {
            List<String> reads = new ArrayList<>();
            if (parameters > 0) {
                reads.add(parameters + " SSM parameters");
            }
            if (secrets > 0) {
                reads.add(secrets + " Secrets Manager secrets");
            }
            List<String> instead = new ArrayList<>();
            if (parametersByPath()) {
                instead.add((parameterPaths.size() == 1 ? "the parameter path " : "the parameter paths ") + String.join(", ", parameterPaths)
                        + (level.compareTo(Level.PARAMETER_PREFIX) >= 0 ? " (the whole prefix: a path per namespace does not fit either)"
                        : "") + " instead of the " + parameters + " parameters");
            }
            if (secretsByPrefix()) {
                instead.add((secretPrefixes.size() == 1 ? "the secret name prefix " : "the secret name prefixes ")
                        + String.join(", ", secretPrefixes) + (level == Level.WHOLE_PREFIX
                        ? " (the whole prefix: a prefix per namespace does not fit either)" : "") + " instead of " + prefixed
                        + " of the secrets");
            }
            String note = "the created execution role reads " + String.join(" and ", reads) + ", too many to list in its policies "
                    + "(IAM allows a role " + ROLE_INLINE_POLICY_CHARS + " characters of inline policy): it reads "
                    + String.join(", and ", instead);
            int listed = secrets - prefixed;
            if (secretsByPrefix() && listed > 0) {
                note += "; " + listed + " secrets whose names do not follow <prefix>/<namespace>/ stay listed";
            }
            if (unknownArns > 0) {
                note += "; " + unknownArns + " ARNs of parameters or secrets the input does not define stay listed";
            }
            return note;
        }

        /**
         * @return what an emitter reports when the policies do not {@link #fits() fit}: their estimated size, that the
         *         role cannot be created only when that passes IAM's limit (else that it may), and what stays listed
         *         one by one however wide the rest is granted
         */
        public String overflow() {
            List<String> listed = new ArrayList<>();
            if (unknownArns > 0) {
                listed.add(unknownArns + " ARNs of parameters or secrets the input does not define");
            }
            if (secrets > prefixed && level == Level.WHOLE_PREFIX) {
                listed.add((secrets - prefixed) + " secrets whose names do not follow <prefix>/<namespace>/");
            }
            long estimate = estimate();
            // the budget keeps a margin below IAM's limit for what the estimate does not count: between the two,
            // the role may still be created, so only an estimate past IAM's limit says it cannot
            String size = exceedsIam()
                    ? "the created execution role cannot be created: its policies would take about " + estimate
                    + " characters, more than IAM allows a role (" + ROLE_INLINE_POLICY_CHARS + " characters of inline policy, "
                    + "all its policies together)"
                    : "the created execution role may exceed IAM's size for a role: its policies are estimated at " + estimate
                    + " characters against IAM's " + ROLE_INLINE_POLICY_CHARS + " (inline policy, all its policies together), "
                    + "beyond the " + BUDGET + " this tool keeps as a margin";
            return size + ", with everything a parameter path or secret name prefix can cover granted by one"
                    + (listed.isEmpty() ? "" : "; what none covers stays listed one by one: " + String.join(", ", listed));
        }
    }

    /**
     * Decides what the role's policies grant, within one budget for all the ARNs they list: the
     * narrowest {@link Level} that fits, or the widest when none does (see {@link Scope#fits()}).
     *
     * @param parameterNames the names of every parameter the model creates that the execution role
     *                       reads, across all its policies, e.g. {@code /kube2ecs/shop/configmap/web/LOG_LEVEL}
     * @param secrets        every secret the model creates that the role reads (duplicates are counted once)
     * @param unknownArns    how many ARNs the policies list that the model does not create
     * @param kmsKeyArn      the key the policies grant {@code kms:Decrypt} on, or null
     * @param policies       how many policy documents hold the reads (each repeats the statements and the KMS key)
     * @return what to grant
     */
    public static Scope decide(Collection<String> parameterNames, Collection<SecretsManagerSecret> secrets, int unknownArns,
            String kmsKeyArn, int policies) {
        List<SecretsManagerSecret> distinct = List.copyOf(new LinkedHashSet<>(secrets));
        long fixed = (long) unknownArns * UNKNOWN_ARN_CHARS + (kmsKeyArn == null ? 0 : (long) (kmsKeyArn.length() + 3) * policies)
                + (long) Math.max(0, policies - 1) * POLICY_STATEMENTS_CHARS;
        long parameterArns = 0;
        for (String name : parameterNames) {
            parameterArns += name.length() + PARAMETER_ARN_OVERHEAD;
        }
        long secretArns = 0;
        for (SecretsManagerSecret secret : distinct) {
            secretArns += secret.name().length() + SECRET_ARN_OVERHEAD;
        }
        if (fixed + parameterArns + secretArns <= BUDGET) {
            return new Scope(Level.ARNS, parameterNames.size(), List.of(), distinct.size(), List.of(), 0, unknownArns,
                    fixed + parameterArns + secretArns);
        }
        TreeSet<String> paths = new TreeSet<>();
        for (String name : parameterNames) {
            paths.add(wildcard(name));
        }
        long pathArns = parameterArns(paths);
        if (fixed + pathArns + secretArns <= BUDGET) {
            return new Scope(Level.PARAMETER_PATHS, parameterNames.size(), List.copyOf(paths), distinct.size(), List.of(), 0,
                    unknownArns, fixed + pathArns + secretArns);
        }
        // past the budget even so: each namespace's secrets by their name prefix; a secret whose name
        // the model did not build from the prefix and namespace has no prefix that is safe to grant
        TreeSet<String> prefixes = new TreeSet<>();
        TreeSet<String> wholePrefixes = new TreeSet<>();
        int prefixed = 0;
        long unprefixedArns = 0;
        for (SecretsManagerSecret secret : distinct) {
            Optional<String> prefix = secretPrefix(secret);
            if (prefix.isPresent()) {
                prefixes.add(prefix.get());
                wholePrefixes.add(wholePrefix(prefix.get()));
                prefixed++;
            } else {
                unprefixedArns += secret.name().length() + SECRET_ARN_OVERHEAD;
            }
        }
        long prefixArns = unprefixedArns + secretArns(prefixes);
        if (fixed + pathArns + prefixArns <= BUDGET) {
            return new Scope(Level.SECRET_PREFIXES, parameterNames.size(), List.copyOf(paths), distinct.size(), List.copyOf(prefixes),
                    prefixed, unknownArns, fixed + pathArns + prefixArns);
        }
        // a path per namespace is itself too much past a hundred or so namespaces: the whole prefix,
        // first for the parameters (the more numerous), then for the secrets too
        TreeSet<String> wholePaths = new TreeSet<>();
        for (String name : parameterNames) {
            wholePaths.add(wholePath(name));
        }
        long wholePathArns = parameterArns(wholePaths);
        if (fixed + wholePathArns + prefixArns <= BUDGET) {
            return new Scope(Level.PARAMETER_PREFIX, parameterNames.size(), List.copyOf(wholePaths), distinct.size(),
                    List.copyOf(prefixes), prefixed, unknownArns, fixed + wholePathArns + prefixArns);
        }
        long wholePrefixArns = unprefixedArns + secretArns(wholePrefixes);
        return new Scope(Level.WHOLE_PREFIX, parameterNames.size(), List.copyOf(wholePaths), distinct.size(),
                List.copyOf(wholePrefixes), prefixed, unknownArns, fixed + wholePathArns + wholePrefixArns);
    }

    private static long parameterArns(Collection<String> paths) {
        long chars = 0;
        for (String path : paths) {
            chars += path.length() + PARAMETER_ARN_OVERHEAD;
        }
        return chars;
    }

    private static long secretArns(Collection<String> prefixes) {
        long chars = 0;
        for (String prefix : prefixes) {
            chars += prefix.length() + SECRET_ARN_OVERHEAD;
        }
        return chars;
    }

    /**
     * @param model the model
     * @param read  what a container reads: a parameter's or secret's ARN, or one key of a secret
     * @return the Secrets Manager secret of the model it reads (the whole secret: {@code GetSecretValue}
     *         returns all its keys), or empty when it reads none the model creates
     */
    public static Optional<SecretsManagerSecret> secretOf(DeploymentModel model, Value read) {
        if (!(read instanceof Value.Ref ref)) {
            return Optional.empty();
        }
        Optional<SecretsManagerSecret> whole = model.find(ref.target(), SecretsManagerSecret.class);
        if (whole.isPresent() || !ref.target().type().equals(SsmParameter.TYPE) || !ref.target().name().startsWith("secret/")
                || model.find(ref.target(), SsmParameter.class).isPresent()) {
            return whole;
        }
        // with secrets: secretsmanager a Secret key is read as secret/<name>/<key> of the secret secret/<name>
        String rest = ref.target().name().substring("secret/".length());
        int slash = rest.lastIndexOf('/');
        return slash > 0 ? model.find(new ResourceId(SecretsManagerSecret.TYPE, ref.target().namespace(), "secret/"
                + rest.substring(0, slash)), SecretsManagerSecret.class) : Optional.empty();
    }

    /**
     * @return {@code <prefix>/<namespace>/*} when the secret's name is {@code <prefix>/<namespace>/…}
     *         with its own namespace (the names this tool gives), else empty
     */
    static Optional<String> secretPrefix(SecretsManagerSecret secret) {
        String namespace = secret.id().namespace();
        String name = secret.name();
        int first = name.indexOf('/');
        if (namespace.isEmpty() || first <= 0) {
            return Optional.empty();
        }
        String start = name.substring(0, first + 1) + namespace + "/";
        return name.startsWith(start) && name.length() > start.length() ? Optional.of(start + "*") : Optional.empty();
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

    /**
     * @return {@code /<prefix>/*} of a parameter {@link #wildcard} would grant by namespace path
     *         ({@code /kube2ecs/*}: every parameter this tool names with that prefix), else the name itself
     */
    static String wholePath(String parameterName) {
        String wildcard = wildcard(parameterName);
        return wildcard.equals(parameterName) ? parameterName : wildcard.substring(0, wildcard.indexOf('/', 1)) + "/*";
    }

    /** @return {@code <prefix>/*} of a namespace prefix {@code <prefix>/<namespace>/*} */
    private static String wholePrefix(String namespacePrefix) {
        return namespacePrefix.substring(0, namespacePrefix.indexOf('/') + 1) + "*";
    }
}
