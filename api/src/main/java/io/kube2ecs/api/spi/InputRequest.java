package io.kube2ecs.api.spi;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What an {@link InputSource} is asked to read.
 *
 * <p>Immutable and thread-safe.
 *
 * @param locations what the user named (files, folders, {@code -} for standard input, contexts …)
 * @param recursive whether to descend into sub-folders
 * @param options   source-specific options, never null
 */
public record InputRequest(List<String> locations, boolean recursive, Map<String, String> options) {
    public InputRequest {
        locations = List.copyOf(locations);
        options = Map.copyOf(Objects.requireNonNull(options, "options"));
    }
}
