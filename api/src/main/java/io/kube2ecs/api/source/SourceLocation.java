package io.kube2ecs.api.source;

import io.kube2ecs.api.Stable;
import java.util.Objects;

/**
 * Where in the input a diagnostic points.
 *
 * <p>Immutable and thread-safe.
 *
 * @param file   the file as the user named it ({@code <stdin>} for standard input), never null
 * @param line   1-based line, or 0 when unknown
 * @param column 1-based column, or 0 when unknown
 * @param path   the path inside the object, e.g. {@code spec.template.spec.containers[0].env[3]};
 *               empty for the object itself, never null
 */
@Stable
public record SourceLocation(String file, int line, int column, String path) {
    public SourceLocation {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(path, "path");
    }

    /**
     * A location that names a file only.
     *
     * @param file the file as the user named it, not null
     * @return a location with unknown line and column
     */
    public static SourceLocation ofFile(String file) {
        return new SourceLocation(file, 0, 0, "");
    }

    /** @return {@code file:line:col}, leaving out what is unknown */
    public String render() {
        if (line <= 0) {
            return file;
        }
        return column <= 0 ? file + ":" + line : file + ":" + line + ":" + column;
    }

    @Override
    public String toString() {
        return path.isEmpty() ? render() : render() + " (" + path + ")";
    }
}
