package io.kube2ecs.api.spi;

import io.kube2ecs.api.Experimental;
import io.kube2ecs.api.source.ResourceKind;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What an {@link InputSource} is asked to read.
 *
 * <p>Immutable and thread-safe.
 *
 * @param locations     what the user named (files, folders, {@code -} for standard input, contexts …)
 * @param recursive     whether to descend into sub-folders
 * @param options       source-specific options, never null; e.g. the {@code cluster} source's
 *                      {@code context}, {@code kubeconfig}, {@code namespaces}, {@code selector}
 * @param kinds         the kinds that have a mapper in this run, sorted; a source that can choose what
 *                      to read (a cluster) reads these. Never null; empty when unknown
 * @param reportedKinds kinds without a mapper whose objects the run reports as not converted, with what
 *                      to do on ECS instead (StatefulSet, CronJob, …), sorted; a source that can choose
 *                      what to read reads these too, so they are reported as they are from files, and
 *                      treats one it cannot read as a note, since nothing of it would be converted.
 *                      Never null; since 1.4
 */
@Experimental(since = "1.1")
public record InputRequest(List<String> locations, boolean recursive, Map<String, String> options,
                           List<ResourceKind> kinds, List<ResourceKind> reportedKinds) {
    public InputRequest {
        locations = List.copyOf(locations);
        options = Map.copyOf(Objects.requireNonNull(options, "options"));
        kinds = List.copyOf(Objects.requireNonNull(kinds, "kinds"));
        reportedKinds = List.copyOf(Objects.requireNonNull(reportedKinds, "reportedKinds"));
    }

    /**
     * A request without kinds to report (the form of API 1.1 to 1.3).
     *
     * @param locations what the user named
     * @param recursive whether to descend into sub-folders
     * @param options   source-specific options, not null
     * @param kinds     the kinds that have a mapper, not null
     */
    public InputRequest(List<String> locations, boolean recursive, Map<String, String> options, List<ResourceKind> kinds) {
        this(locations, recursive, options, kinds, List.of());
    }

    /**
     * A request that does not say which kinds have mappers (for sources that read whatever is there).
     *
     * @param locations what the user named
     * @param recursive whether to descend into sub-folders
     * @param options   source-specific options, not null
     */
    public InputRequest(List<String> locations, boolean recursive, Map<String, String> options) {
        this(locations, recursive, options, List.of(), List.of());
    }
}
