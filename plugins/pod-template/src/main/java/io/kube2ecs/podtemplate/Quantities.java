package io.kube2ecs.podtemplate;

import io.kube2ecs.api.diag.Diagnostics;
import io.kube2ecs.api.source.Quantity;
import io.kube2ecs.api.source.SourceNode;
import java.util.Optional;

/** Reads resource quantities, reporting invalid ones at their line. */
final class Quantities {

    /** What a quantity measures, for messages and unit conversion. */
    enum Unit { CPU, MEMORY, STORAGE }

    private Quantities() {
    }

    /**
     * @return the quantity in ECS units (CPU units, MiB, or GiB for storage), or null when absent or
     *         invalid (then reported)
     */
    static Integer read(SourceNode node, Diagnostics diagnostics, Unit unit) {
        if (node.isAbsent()) {
            return null;
        }
        Optional<Quantity> quantity = node.asText().flatMap(Quantity::parse);
        if (quantity.isEmpty() || quantity.get().isNegative()) {
            diagnostics.error(node, PodCodes.BAD_QUANTITY, "'" + node.asText().orElse("?") + "' is not a valid "
                    + unit.name().toLowerCase(java.util.Locale.ROOT) + " quantity",
                    unit == Unit.CPU ? "write CPU as cores or millicores, e.g. 500m or 1"
                            : "write it with a unit, e.g. 256Mi or 1Gi");
            return null;
        }
        try {
            return switch (unit) {
                case CPU -> quantity.get().cpuUnits();
                case MEMORY -> quantity.get().mebibytes();
                case STORAGE -> (quantity.get().mebibytes() + 1023) / 1024;
            };
        } catch (ArithmeticException e) {
            diagnostics.error(node, PodCodes.BAD_QUANTITY, "quantity is too large", null);
            return null;
        }
    }
}
