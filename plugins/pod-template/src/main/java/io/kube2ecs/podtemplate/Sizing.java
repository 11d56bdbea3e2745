package io.kube2ecs.podtemplate;

import io.kube2ecs.api.diag.Diagnostics;
import io.kube2ecs.api.model.ContainerDefinition;
import io.kube2ecs.api.model.FargateSize;
import io.kube2ecs.api.model.TaskDefinition;
import io.kube2ecs.api.source.SourceNode;

/**
 * Container resources and the task's Fargate size. Each container gets {@code cpu} (its CPU
 * request, in units of 1/1024 vCPU), {@code memoryReservation} (its memory request) and
 * {@code memory} (its memory limit, a hard limit in ECS as in Kubernetes). The task gets the
 * smallest Fargate size that holds, per dimension, the larger of the sum of requests and the sum
 * of limits over all containers (policy {@code max}, the default), or only the requests or only
 * the limits when the profile's {@code sizing} says so.
 */
final class Sizing {

    /** The smallest memory ECS accepts for a container, in MiB. */
    private static final int MIN_CONTAINER_MEMORY = 6;

    private final Diagnostics diagnostics;
    private final String policy;
    private long cpuRequests;
    private long cpuLimits;
    private long memoryRequests;
    private long memoryLimits;
    private long storageGiB;
    private long largestMemoryLimit;
    private boolean declared;

    Sizing(Diagnostics diagnostics, String policy) {
        this.diagnostics = diagnostics;
        this.policy = policy;
    }

    void container(SourceNode resources, ContainerDefinition container) {
        Integer cpuRequest = Quantities.read(resources.get("requests").get("cpu"), diagnostics, Quantities.Unit.CPU);
        Integer cpuLimit = Quantities.read(resources.get("limits").get("cpu"), diagnostics, Quantities.Unit.CPU);
        Integer memoryRequest = Quantities.read(resources.get("requests").get("memory"), diagnostics, Quantities.Unit.MEMORY);
        Integer memoryLimit = Quantities.read(resources.get("limits").get("memory"), diagnostics, Quantities.Unit.MEMORY);
        Integer storageRequest = Quantities.read(resources.get("requests").get("ephemeral-storage"), diagnostics, Quantities.Unit.STORAGE);
        Integer storageLimit = Quantities.read(resources.get("limits").get("ephemeral-storage"), diagnostics, Quantities.Unit.STORAGE);
        // Kubernetes defaults a missing request to the limit
        cpuRequest = cpuRequest == null ? cpuLimit : cpuRequest;
        memoryRequest = memoryRequest == null ? memoryLimit : memoryRequest;
        for (SourceNode memory : new SourceNode[] {resources.get("requests").get("memory"), resources.get("limits").get("memory")}) {
            Integer mib = memory.exists() ? Quantities.read(memory, Diagnostics.NONE, Quantities.Unit.MEMORY) : null;
            if (mib != null && mib < MIN_CONTAINER_MEMORY) {
                diagnostics.error(memory, PodCodes.BAD_QUANTITY, "ECS needs at least " + MIN_CONTAINER_MEMORY
                        + " MiB per container; '" + memory.asText().orElse("") + "' is " + mib + " MiB",
                        "did you mean Mi? a lower-case m means thousandths of a byte");
            }
        }
        container.cpu(cpuRequest);
        container.memoryReservation(memoryRequest);
        container.memory(memoryLimit);
        cpuRequests += value(cpuRequest);
        cpuLimits += value(cpuLimit != null ? cpuLimit : cpuRequest);
        memoryRequests += value(memoryRequest);
        memoryLimits += value(memoryLimit != null ? memoryLimit : memoryRequest);
        largestMemoryLimit = Math.max(largestMemoryLimit, value(memoryLimit));
        storageGiB += value(storageLimit != null ? storageLimit : storageRequest);
        declared |= cpuRequest != null || memoryRequest != null;
        resources.get("claims").ignore("dynamic resource claims (devices) do not exist on Fargate");
    }

    /** Adds an emptyDir's size limit to the task's ephemeral storage. */
    void scratch(SourceNode sizeLimit) {
        Integer gib = Quantities.read(sizeLimit, diagnostics, Quantities.Unit.STORAGE);
        storageGiB += value(gib);
    }

    private static long value(Integer value) {
        return value == null ? 0 : value;
    }

    void apply(TaskDefinition task, SourceNode at) {
        long cpu = switch (policy) {
            case "requests" -> cpuRequests;
            case "limits" -> cpuLimits;
            default -> Math.max(cpuRequests, cpuLimits);
        };
        long memory = switch (policy) {
            case "requests" -> memoryRequests;
            case "limits" -> memoryLimits;
            default -> Math.max(memoryRequests, memoryLimits);
        };
        // ECS refuses a task whose reservations exceed its memory, or a container limit above it
        cpu = Math.max(cpu, cpuRequests);
        memory = Math.max(memory, Math.max(memoryRequests, largestMemoryLimit));
        FargateSize largest = FargateSize.ALL.get(FargateSize.ALL.size() - 1);
        if (!declared) {
            FargateSize smallest = FargateSize.ALL.get(0);
            task.cpu(smallest.cpu());
            task.memory(smallest.memory());
            diagnostics.info(at, PodCodes.SIZE, "no container declares CPU or memory; the task gets the smallest Fargate size, "
                    + smallest.describe(), "set resources.requests so the task is sized for its real load");
        } else if (cpu > largest.cpu() || memory > largest.memory()) {
            diagnostics.error(at, PodCodes.TOO_BIG, "the containers need " + cpu + " CPU units and " + memory
                    + " MiB together, more than the largest Fargate task (" + largest.describe() + ")",
                    "lower the requests and limits, or split the pod into several services");
        } else {
            FargateSize size = FargateSize.smallestFitting((int) cpu, (int) memory).orElseThrow();
            task.cpu(size.cpu());
            task.memory(size.memory());
            diagnostics.info(at, PodCodes.SIZE, "Fargate size " + size.describe() + " for containers needing " + cpu
                    + " CPU units and " + memory + " MiB (" + policy + " policy); headroom " + (size.cpu() - cpu) + " CPU units, "
                    + (size.memory() - memory) + " MiB", null);
        }
        if (storageGiB > 20) {
            if (storageGiB > 200) {
                diagnostics.error(at, PodCodes.TOO_BIG, "the pod needs " + storageGiB + " GiB of ephemeral storage; Fargate allows 200",
                        "move large data to EFS");
            } else {
                task.ephemeralStorageGiB((int) Math.max(21, storageGiB));
            }
        }
    }
}
