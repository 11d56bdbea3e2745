package io.kube2ecs.podtemplate;

import io.kube2ecs.api.source.LabelSelector;
import io.kube2ecs.api.source.SourceNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads a Kubernetes label selector ({@code matchLabels}, {@code matchExpressions}). */
public final class Selectors {

    private Selectors() {
    }

    /**
     * @param selector the selector node
     * @return the selector; an unknown operator matches nothing, as the API server would refuse it
     */
    public static LabelSelector read(SourceNode selector) {
        List<LabelSelector.Requirement> requirements = new ArrayList<>();
        for (SourceNode expression : selector.get("matchExpressions").items()) {
            String operator = expression.get("operator").asText().orElse("");
            LabelSelector.Operator op = switch (operator.toLowerCase(Locale.ROOT)) {
                case "in" -> LabelSelector.Operator.IN;
                case "notin" -> LabelSelector.Operator.NOT_IN;
                case "exists" -> LabelSelector.Operator.EXISTS;
                case "doesnotexist" -> LabelSelector.Operator.DOES_NOT_EXIST;
                default -> null;
            };
            String key = expression.get("key").asText().orElse("");
            if (op == null) {
                requirements.add(new LabelSelector.Requirement(key, LabelSelector.Operator.IN, List.of()));
            } else {
                requirements.add(new LabelSelector.Requirement(key, op, expression.get("values").asStringList()));
            }
        }
        return new LabelSelector(selector.get("matchLabels").asStringMap(), requirements);
    }
}
