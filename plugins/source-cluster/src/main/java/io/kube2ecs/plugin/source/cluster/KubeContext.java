package io.kube2ecs.plugin.source.cluster;

import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.Config;
import io.kube2ecs.api.diag.Diagnostic;
import io.kube2ecs.api.diag.Severity;
import io.kube2ecs.api.spi.InputSink;
import java.io.File;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Chooses the kubeconfig context to read and loads its client configuration. All of kubeconfig
 * (merged {@code KUBECONFIG} files, exec credential plugins such as {@code aws eks get-token},
 * client certificates, the in-cluster service account) is fabric8's {@link Config}; this class only
 * decides which context, and says so when the user did not.
 *
 * @param name   the context name ({@code in-cluster} for the pod's service account)
 * @param config the client configuration for it
 */
record KubeContext(String name, Config config) {

    /**
     * @param kubeconfig the {@code --kubeconfig} file, or null for {@code KUBECONFIG} / {@code ~/.kube/config}
     * @param context    the {@code --context} name, or null
     * @param sink       for notices, the question, and CLU001 diagnostics
     * @return the context, or empty after an error diagnostic
     */
    static Optional<KubeContext> choose(String kubeconfig, String context, InputSink sink) {
        File file = kubeconfig == null ? null : new File(kubeconfig);
        String where = kubeconfig == null ? "the kubeconfig" : kubeconfig;
        if (file != null && !file.isFile()) {
            return error(sink, "kubeconfig " + kubeconfig + " does not exist or is not a file",
                    "give the path of a kubeconfig file, e.g. ~/.kube/config; aws eks update-kubeconfig --name CLUSTER writes one");
        }
        Config base;
        try {
            base = load(file, null);
        } catch (RuntimeException e) {
            return error(sink, "cannot read " + where + ": " + message(e), "check that it is a kubeconfig (kubectl config view)");
        }
        List<String> names = base.getContexts() == null ? List.of() : base.getContexts().stream()
                .map(NamedContext::getName).filter(Objects::nonNull).distinct().sorted().toList();
        String current = base.getCurrentContext() == null ? null : base.getCurrentContext().getName();
        if (names.isEmpty()) {
            if (context == null && file == null && System.getenv("KUBERNETES_SERVICE_HOST") != null) {
                sink.notice("no kubeconfig found; reading the cluster this runs in, as its pod's service account");
                return Optional.of(new KubeContext("in-cluster", base));
            }
            return error(sink, (file == null ? "no kubeconfig found (KUBECONFIG is not set and ~/.kube/config does not exist)"
                    : "kubeconfig " + kubeconfig + " has no contexts") + (context == null ? "" : "; cannot use context '" + context + "'"),
                    "give one with --kubeconfig FILE (for EKS, aws eks update-kubeconfig --name CLUSTER writes it), "
                            + "or convert manifests with -f PATH");
        }
        String chosen;
        if (context != null) {
            if (!names.contains(context)) {
                return error(sink, where + " has no context '" + context + "'", "its contexts: " + String.join(", ", names));
            }
            chosen = context;
        } else if (names.size() == 1) {
            chosen = names.get(0);
            sink.notice("reading from context " + chosen + ", the only one in " + where);
        } else {
            Optional<String> answer = sink.choose("Which context should kube2ecs read from?", names,
                    names.contains(current) ? current : null);
            if (answer.isPresent()) {
                chosen = answer.get();
            } else if (current != null && names.contains(current)) {
                chosen = current;
                sink.notice("reading from context " + chosen + ", the current context of " + where + " ("
                        + names.size() + " contexts; name another with --context)");
            } else {
                return error(sink, where + " has " + names.size() + " contexts and no current-context",
                        "name one with --context: " + String.join(", ", names));
            }
        }
        if (chosen.equals(current)) {
            return Optional.of(new KubeContext(chosen, base));
        }
        try {
            return Optional.of(new KubeContext(chosen, load(file, chosen)));
        } catch (RuntimeException e) {
            return error(sink, "cannot use context '" + chosen + "' of " + where + ": " + message(e),
                    "check it with kubectl --context " + chosen + " cluster-info");
        }
    }

    private static Config load(File file, String context) {
        Config config = file == null ? Config.autoConfigure(context) : Config.fromKubeconfig(context, file);
        // one retry, not ten: an unreachable server should be reported within seconds
        config.setRequestRetryBackoffLimit(1);
        return config;
    }

    /** @return the namespace the context names, or {@code default} */
    String namespace() {
        String namespace = config.getNamespace();
        return namespace == null || namespace.isBlank() ? "default" : namespace;
    }

    static String message(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause && (cause.getMessage() == null
                || cause.getMessage().startsWith("An error has occurred") || cause.getMessage().startsWith("Failure executing"))) {
            cause = cause.getCause();
        }
        String text = cause.getMessage();
        return text == null || text.isBlank() ? cause.getClass().getSimpleName() : text.lines().findFirst().orElse(text);
    }

    private static Optional<KubeContext> error(InputSink sink, String message, String hint) {
        sink.diagnostics().report(new Diagnostic(Severity.ERROR, ClusterCodes.KUBECONFIG, message, hint, null, null));
        return Optional.empty();
    }
}
