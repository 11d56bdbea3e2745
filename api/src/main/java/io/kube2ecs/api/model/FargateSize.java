package io.kube2ecs.api.model;

import io.kube2ecs.api.Stable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A valid Fargate task size: CPU units and memory in MiB, from the table AWS publishes (0.25 vCPU
 * with 0.5–2 GiB up to 16 vCPU with 32–120 GiB). Immutable and thread-safe.
 *
 * @param cpu    task CPU units
 * @param memory task memory in MiB
 */
@Stable
public record FargateSize(int cpu, int memory) {

    /** Every valid size, ordered by CPU then memory. */
    public static final List<FargateSize> ALL = table();

    private static List<FargateSize> table() {
        List<FargateSize> out = new ArrayList<>();
        for (int memory : new int[] {512, 1024, 2048}) {
            out.add(new FargateSize(256, memory));
        }
        addRange(out, 512, 1024, 4096, 1024);
        addRange(out, 1024, 2048, 8192, 1024);
        addRange(out, 2048, 4096, 16384, 1024);
        addRange(out, 4096, 8192, 30720, 1024);
        addRange(out, 8192, 16384, 61440, 4096);
        addRange(out, 16384, 32768, 122880, 8192);
        return Collections.unmodifiableList(out);
    }

    private static void addRange(List<FargateSize> out, int cpu, int from, int to, int step) {
        for (int memory = from; memory <= to; memory += step) {
            out.add(new FargateSize(cpu, memory));
        }
    }

    /**
     * The smallest size that fits, preferring less CPU, then less memory: CPU is what Fargate
     * prices highest.
     *
     * @param cpuUnits  CPU units the containers need together
     * @param memoryMiB memory the containers need together
     * @return the size, or empty when the need exceeds the largest Fargate task
     */
    public static Optional<FargateSize> smallestFitting(int cpuUnits, int memoryMiB) {
        return ALL.stream().filter(s -> s.cpu >= cpuUnits && s.memory >= memoryMiB).findFirst();
    }

    /** @return the size as people say it, e.g. {@code 0.25 vCPU / 512 MiB} */
    public String describe() {
        return new java.math.BigDecimal(cpu).divide(new java.math.BigDecimal(1024)).stripTrailingZeros().toPlainString()
                + " vCPU / " + memory + " MiB";
    }
}
