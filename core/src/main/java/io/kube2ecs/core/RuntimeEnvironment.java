package io.kube2ecs.core;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * What the process gives the pipeline: standard input and the working directory. The CLI passes
 * the real ones; tests pass their own.
 *
 * @param stdin            standard input, opened only when {@code -f -} is given
 * @param workingDirectory where relative paths start
 */
public record RuntimeEnvironment(Supplier<InputStream> stdin, Path workingDirectory) {
}
