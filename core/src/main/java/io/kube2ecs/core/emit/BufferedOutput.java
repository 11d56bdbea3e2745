package io.kube2ecs.core.emit;

import io.kube2ecs.api.spi.Output;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.SortedMap;

/**
 * Collects one emitter's files in memory under its folder, so nothing reaches the disk until the
 * whole run has succeeded.
 */
final class BufferedOutput implements Output {

    private final String folder;
    private final SortedMap<String, byte[]> files;

    BufferedOutput(String folder, SortedMap<String, byte[]> files) {
        this.folder = folder;
        this.files = files;
    }

    @Override
    public void write(String relativePath, String content) {
        String path = folder + "/" + checked(relativePath);
        if (files.containsKey(path)) {
            throw new IllegalArgumentException("output file written twice: " + path);
        }
        files.put(path, content.getBytes(StandardCharsets.UTF_8));
    }

    static String checked(String relativePath) {
        if (relativePath.isEmpty() || relativePath.startsWith("/") || relativePath.contains("\\")
                || relativePath.matches("^[A-Za-z]:.*")) {
            throw new IllegalArgumentException("output path must be relative and use '/': " + relativePath);
        }
        for (String part : relativePath.split("/")) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                throw new IllegalArgumentException("output path must stay inside its folder: " + relativePath);
            }
        }
        return relativePath;
    }

    Map<String, byte[]> files() {
        return files;
    }
}
