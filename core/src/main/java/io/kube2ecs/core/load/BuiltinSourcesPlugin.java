package io.kube2ecs.core.load;

import io.kube2ecs.api.spi.InputSource;
import io.kube2ecs.api.spi.Plugin;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * The input sources built into the core, registered like any plugin so a plugin may not silently
 * shadow them.
 */
public final class BuiltinSourcesPlugin implements Plugin {

    private final FilesInputSource files;

    /**
     * @param stdin            standard input
     * @param workingDirectory where relative paths start
     */
    public BuiltinSourcesPlugin(Supplier<InputStream> stdin, Path workingDirectory) {
        this.files = new FilesInputSource(stdin, workingDirectory);
    }

    @Override
    public String id() {
        return "source-files";
    }

    @Override
    public String description() {
        return "reads manifests from files, folders and standard input";
    }

    @Override
    public List<InputSource> inputSources() {
        return List.of(files);
    }
}
