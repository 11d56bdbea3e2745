package io.kube2ecs.podtemplate;

import io.kube2ecs.api.source.SourceNode;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A Kubernetes int-or-string count of pods: absolute ({@code 1}) or a percentage of the replicas
 * ({@code 25%}), as in {@code maxSurge}, {@code maxUnavailable} and {@code minAvailable}.
 *
 * @param absolute the count, or null for a percentage
 * @param percent  the percentage, or null for a count
 */
public record IntOrPercent(Integer absolute, Integer percent) {

    /**
     * @param node the field
     * @return its value; empty when it is neither a non-negative number nor a percentage
     */
    public static Optional<IntOrPercent> read(SourceNode node) {
        OptionalInt number = node.asInt();
        if (number.isPresent() && number.getAsInt() >= 0) {
            return Optional.of(new IntOrPercent(number.getAsInt(), null));
        }
        String text = node.asText().orElse("").trim();
        if (text.matches("\\d{1,6}%")) {
            return Optional.of(new IntOrPercent(null, Integer.parseInt(text.substring(0, text.length() - 1))));
        }
        return Optional.empty();
    }

    /**
     * @param replicas the replicas a percentage is of
     * @param roundUp  whether a fraction of a pod counts as a pod (Kubernetes rounds differently per field)
     * @return the count of pods
     */
    public int pods(int replicas, boolean roundUp) {
        if (absolute != null) {
            return absolute;
        }
        double exact = replicas * percent / 100.0;
        return (int) (roundUp ? Math.ceil(exact) : Math.floor(exact));
    }

    /**
     * @param fallback what to use for an absolute count
     * @return the percentage, or {@code fallback}
     */
    public int percentOr(int fallback) {
        return percent != null ? percent : fallback;
    }
}
