package io.kube2ecs.api.spi;

import io.kube2ecs.api.diag.Diagnostics;

/**
 * Receives the documents an {@link InputSource} reads. Supplied by the core; not thread-safe.
 */
public interface InputSink {

    /**
     * Adds one input text, which may hold several YAML documents or one JSON value.
     *
     * @param origin  how diagnostics name the text, e.g. the path as the user wrote it or
     *                {@code <stdin>}; not null
     * @param content the decoded text, not null
     */
    void accept(String origin, String content);

    /** @return where to report unreadable inputs */
    Diagnostics diagnostics();
}
