package io.kube2ecs.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the shared corpus of real manifests and the repository root are, from the build. */
final class CorpusPaths {

    static Path corpus() {
        String configured = System.getProperty("kube2ecs.corpus");
        Path path = configured != null ? Path.of(configured) : Path.of("../../shared/corpus");
        if (!Files.isDirectory(path)) {
            throw new IllegalStateException("the shared corpus is missing at " + path.toAbsolutePath()
                    + "; it is expected beside the repository (../shared/corpus)");
        }
        return path.toAbsolutePath().normalize();
    }

    static Path repositoryRoot() {
        return Path.of("").toAbsolutePath().getParent();
    }

    private CorpusPaths() {
    }
}
