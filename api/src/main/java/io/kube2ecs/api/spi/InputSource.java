package io.kube2ecs.api.spi;

import io.kube2ecs.api.Experimental;

/**
 * Produces the Kubernetes documents to convert: files and folders ({@code files}), a live cluster
 * ({@code cluster}), or anything else a plugin can read.
 *
 * <p>A source hands YAML or JSON text to the sink; the core parses it, keeping positions, so every
 * source gets the same diagnostics and limits. Called once per run, from one thread.
 */
@Experimental(since = "1.1")
public interface InputSource {

    /** @return the source id, e.g. {@code files}; never null */
    String id();

    /**
     * Reads the documents the request names.
     *
     * @param request what to read, not null
     * @param sink    where to put each document and report problems, not null
     */
    void read(InputRequest request, InputSink sink);
}
