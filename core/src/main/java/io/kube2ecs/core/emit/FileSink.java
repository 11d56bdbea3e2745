package io.kube2ecs.core.emit;

import java.io.IOException;

/**
 * Where the emitters' files go as they write them: a staging folder for a real run (so a large
 * conversion never holds all its output in memory), memory for tests. Called from the emitters'
 * threads at the same time.
 */
public interface FileSink {

    /**
     * @param path    relative to the output folder, e.g. {@code ecs/shop/api/service.json}; each
     *                path is written once
     * @param content the bytes
     * @throws IOException when the file cannot be written
     */
    void write(String path, byte[] content) throws IOException;

    /** @return the output folder the files end up in, for diagnostics; null when they stay in memory */
    default java.nio.file.Path folder() {
        return null;
    }
}
