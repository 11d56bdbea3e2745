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
 * the model creates are granted by their namespace's name prefix too ({@code kube2ecs/shop/*}).
 * Every task already shares the one execution role, so that widens what the tasks can read only to
 * the other parameters and secrets under the same paths: ones no task reads, and ones created
 * later. ARNs the model does not create stay listed one by one: nothing says which path would
 * hold them.
 */
public final class ParameterReadScope {

    /** IAM's limit for the inline policies of one role, together. */
    public static final int ROLE_INLINE_POLICY_CHARS = 10_240;
    /**
     * What the listed ARNs (parameters, secrets, the KMS key) may take of it together: the rest is
     * the statements around them (about 330 characters for one policy document).
     */
    static final int BUDGET = 8_000;
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
     * What the role's policies grant.
     *
     * @param parameters     how many parameters the model creates that the role reads
     * @param parameterPaths the paths granted instead of those parameters, sorted; empty when they are listed
     * @param secrets        how many secrets the model creates that the role reads
     * @param secretPrefixes the name prefixes granted instead of single secrets, sorted; empty when they are listed
     * @param prefixed       how many of those secrets a prefix grants (the others' names do not follow
     *                       {@code <prefix>/<namespace>/…}, so they stay listed)
     * @param unknownArns    how many ARNs the model does not create, listed one by one in any case
     */
    public record Scope(int parameters, List<String> parameterPaths, int secrets, List<String> secretPrefixes, int prefixed,
            int unknownArns) {

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
         * @param secret a secret the role reads
         * @return the prefix that grants it, or empty when it is listed by its ARN
         */
        public Optional<String> prefixOf(SecretsManagerSecret secret) {
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
                instead.add("the parameter paths " + String.join(", ", parameterPaths) + " instead of the " + parameters + " parameters");
            }
            if (secretsByPrefix()) {
                instead.add("the secret name prefixes " + String.join(", ", secretPrefixes) + " instead of " + prefixed + " of the secrets");
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
    }

    /**
     * Decides what the role's policies grant, within one budget for all the ARNs they list: single
     * ARNs when they fit; else parameter paths; else parameter paths and secret name prefixes.
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
            return new Scope(parameterNames.size(), List.of(), distinct.size(), List.of(), 0, unknownArns);
        }
        TreeSet<String> paths = new TreeSet<>();
        for (String name : parameterNames) {
            paths.add(wildcard(name));
        }
        long pathArns = 0;
        for (String path : paths) {
            pathArns += path.length() + PARAMETER_ARN_OVERHEAD;
        }
        if (fixed + pathArns + secretArns <= BUDGET) {
            return new Scope(parameterNames.size(), List.copyOf(paths), distinct.size(), List.of(), 0, unknownArns);
        }
        // past the budget even so: each namespace's secrets by their name prefix; a secret whose name
        // the model did not build from the prefix and namespace has no prefix that is safe to grant
        TreeSet<String> prefixes = new TreeSet<>();
        int prefixed = 0;
        for (SecretsManagerSecret secret : distinct) {
            Optional<String> prefix = secretPrefix(secret);
            if (prefix.isPresent()) {
                prefixes.add(prefix.get());
                prefixed++;
            }
        }
        return new Scope(parameterNames.size(), List.copyOf(paths), distinct.size(), List.copyOf(prefixes), prefixed, unknownArns);
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
}
