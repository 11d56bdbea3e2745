package io.kube2ecs.plugin.kind.deployment;

import io.kube2ecs.api.diag.Diagnostics;
import io.kube2ecs.api.source.Quantity;
import io.kube2ecs.api.source.SourceNode;
import java.util.Optional;

/** Reads CPU and memory quantities from resource requests and limits, reporting bad ones. */
final class Quantities {

    private Quantities() {
    }

    /**
     * @param node the quantity's node
     * @param cpu  true for CPU (ECS units), false for memory (MiB)
     * @return the value, or null when absent or invalid (then reported)
     */
    static Integer read(SourceNode node, Diagnostics diagnostics, boolean cpu) {
        if (node.isAbsent()) {
            return null;
        }
        Optional<Quantity> quantity = node.asText().flatMap(Quantity::parse);
        if (quantity.isEmpty() || quantity.get().isNegative()) {
            diagnostics.error(node, DeploymentMapper.CODE_BAD_QUANTITY, "'" + node.asText().orElse("?")
                    + "' is not a valid " + (cpu ? "CPU" : "memory") + " quantity",
                    cpu ? "write CPU as cores or millicores, e.g. 500m or 1" : "write memory with a unit, e.g. 256Mi or 1Gi");
            return null;
        }
        try {
            return cpu ? quantity.get().cpuUnits() : quantity.get().mebibytes();
        } catch (ArithmeticException e) {
            diagnostics.error(node, DeploymentMapper.CODE_BAD_QUANTITY, "quantity is too large", null);
            return null;
        }
    }
}
