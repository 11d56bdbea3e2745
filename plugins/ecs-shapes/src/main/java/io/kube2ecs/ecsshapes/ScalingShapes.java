package io.kube2ecs.ecsshapes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import io.kube2ecs.api.model.DeploymentModel;
import io.kube2ecs.api.model.ResourceId;
import io.kube2ecs.api.model.ScalingPolicy;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the three emitters write the same way for a {@link ScalingPolicy}: Application Auto Scaling
 * of an ECS service's desired count, with one target-tracking policy per target. Stateless and
 * thread-safe.
 */
public final class ScalingShapes {

    /** The Application Auto Scaling service namespace of ECS. */
    public static final String SERVICE_NAMESPACE = "ecs";
    /** What is scaled: the service's desired count. */
    public static final String SCALABLE_DIMENSION = "ecs:service:DesiredCount";
    /** The policy type of every policy written. */
    public static final String POLICY_TYPE = "TargetTrackingScaling";
    /**
     * Seconds after a scale-out before the next one. A HorizontalPodAutoscaler scales up at once by
     * default (no scale-up stabilization window); 60 s lets the new tasks start and report their
     * load before more are added.
     */
    public static final int SCALE_OUT_COOLDOWN = 60;
    /**
     * Seconds after a scale-in before the next one: a HorizontalPodAutoscaler's default scale-down
     * stabilization window is 5 minutes.
     */
    public static final int SCALE_IN_COOLDOWN = 300;

    private ScalingShapes() {
    }

    /**
     * @param model the model
     * @return the scaling policies of each scaled service, by the service's id, in model order
     */
    public static Map<ResourceId, List<ScalingPolicy>> byService(DeploymentModel model) {
        Map<ResourceId, List<ScalingPolicy>> out = new LinkedHashMap<>();
        for (ScalingPolicy policy : model.all(ScalingPolicy.class)) {
            out.computeIfAbsent(policy.service(), s -> new ArrayList<>()).add(policy);
        }
        return out;
    }

    /**
     * @param targets a policy's target-tracking policies
     * @return a short name per target, in the same order, distinct: {@code cpu} and {@code memory}
     *         for ECS's two predefined service metrics, otherwise the metric in lower case letters
     *         and digits; a repeated name gets {@code -2}, {@code -3} …
     */
    public static List<String> suffixes(List<ScalingPolicy.TargetTracking> targets) {
        List<String> out = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        for (ScalingPolicy.TargetTracking target : targets) {
            String base = switch (target.metric()) {
                case ScalingPolicy.CPU_UTILIZATION -> "cpu";
                case ScalingPolicy.MEMORY_UTILIZATION -> "memory";
                default -> target.metric().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "");
            };
            String name = base;
            for (int i = 2; !taken.add(name); i++) {
                name = base + "-" + i;
            }
            out.add(name);
        }
        return out;
    }

    /**
     * @param serviceName the ECS service's name
     * @param suffix      the target's short name, from {@link #suffixes}
     * @return the scaling policy's name, unique per scalable target: {@code <service>-<suffix>}
     */
    public static String policyName(String serviceName, String suffix) {
        return serviceName + "-" + suffix;
    }

    /**
     * @param value a target value
     * @return the value as the emitters write it: a whole number without a fraction ({@code 70},
     *         not {@code 70.0}), otherwise the shortest decimal ({@code 62.5})
     */
    public static BigDecimal number(double value) {
        BigDecimal decimal = BigDecimal.valueOf(value).stripTrailingZeros();
        return decimal.scale() < 0 ? decimal.setScale(0) : decimal;
    }

    /**
     * @param value a target value
     * @return {@link #number} as a JSON number: an integer node for a whole number, else a double
     */
    public static JsonNode numberNode(double value) {
        BigDecimal decimal = number(value);
        return decimal.scale() == 0 ? LongNode.valueOf(decimal.longValueExact()) : DoubleNode.valueOf(value);
    }
}
