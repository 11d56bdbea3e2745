package io.kube2ecs.api.source;

import io.kube2ecs.api.Stable;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A Kubernetes label selector: {@code matchLabels} and {@code matchExpressions}, ANDed.
 *
 * <p>Matching follows Kubernetes: an empty selector matches everything; {@code In} and
 * {@code NotIn} take values, {@code Exists} and {@code DoesNotExist} take none. Immutable and
 * thread-safe.
 *
 * @param matchLabels      labels that must be present with these values, never null
 * @param matchExpressions set-based requirements, never null
 */
@Stable
public record LabelSelector(Map<String, String> matchLabels, List<Requirement> matchExpressions) {

    public LabelSelector {
        matchLabels = Map.copyOf(matchLabels);
        matchExpressions = List.copyOf(matchExpressions);
    }

    /**
     * A selector of {@code matchLabels} only, as Services use.
     *
     * @param labels the labels, not null
     * @return the selector
     */
    public static LabelSelector of(Map<String, String> labels) {
        return new LabelSelector(labels, List.of());
    }

    /** @return true when this selector has no requirements and so selects everything */
    public boolean isEmpty() {
        return matchLabels.isEmpty() && matchExpressions.isEmpty();
    }

    /**
     * @param labels an object's labels, not null
     * @return whether the labels satisfy every requirement
     */
    public boolean matches(Map<String, String> labels) {
        for (Map.Entry<String, String> e : matchLabels.entrySet()) {
            if (!e.getValue().equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        for (Requirement r : matchExpressions) {
            if (!r.matches(labels)) {
                return false;
            }
        }
        return true;
    }

    /** The operator of a set-based requirement. */
    public enum Operator {
        /** The label is present with one of the values. */
        IN,
        /** The label is absent or has none of the values. */
        NOT_IN,
        /** The label is present. */
        EXISTS,
        /** The label is absent. */
        DOES_NOT_EXIST
    }

    /**
     * One element of {@code matchExpressions}.
     *
     * @param key      the label key, not null
     * @param operator the operator, not null
     * @param values   the values for {@code In}/{@code NotIn}, never null
     */
    public record Requirement(String key, Operator operator, List<String> values) {
        public Requirement {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(operator, "operator");
            values = List.copyOf(values);
        }

        /**
         * @param labels an object's labels
         * @return whether they satisfy this requirement
         */
        public boolean matches(Map<String, String> labels) {
            String value = labels.get(key);
            return switch (operator) {
                case IN -> value != null && values.contains(value);
                case NOT_IN -> value == null || !values.contains(value);
                case EXISTS -> labels.containsKey(key);
                case DOES_NOT_EXIST -> !labels.containsKey(key);
            };
        }
    }
}
