package io.kube2ecs.api.spi;

import io.kube2ecs.api.Stable;

/**
 * Where an emitter writes its files. Paths are relative to the emitter's folder of the output,
 * use {@code /} as separator and may not leave it ({@code ..}, absolute paths). Writing the same path
 * twice is an error. Nothing reaches the disk until every emitter has finished without errors.
 * Not thread-safe.
 */
@Stable
public interface Output {

    /**
     * Writes a UTF-8 text file.
     *
     * @param relativePath e.g. {@code default/frontend/task-definition.json}, not null
     * @param content      the text, not null
     * @throws IllegalArgumentException when the path is absolute, escapes the folder, or was written
     */
    void write(String relativePath, String content);
}
