package io.kube2ecs.core.emit;

import io.kube2ecs.api.spi.Output;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One emitter's {@link Output}: checks its paths, keeps them under its folder and hands the files on. */
final class SinkOutput implements Output {

    /** The disk failed under an emitter: reported as an output failure, not as a fault of the plugin. */
    static final class OutputFailed extends UncheckedIOException {
        private static final long serialVersionUID = 1L;

        OutputFailed(IOException cause) {
            super(cause);
        }
    }

    private final String folder;
    private final String pluginId;
    private final FileSink sink;
    /** Which plugin wrote each path, shared by every emitter of the run. */
    private final Map<String, String> owners;
    private final List<String> own = new ArrayList<>();
    private final Set<String> ownSet = new HashSet<>();
    /** Paths another emitter had written first, in the order this one met them. */
    private final List<String> taken = new ArrayList<>();
    private IOException failure;

    SinkOutput(String folder, String pluginId, FileSink sink, Map<String, String> owners) {
        this.folder = folder;
        this.pluginId = pluginId;
        this.sink = sink;
        this.owners = owners;
    }

    @Override
    public void write(String relativePath, String content) {
        String path = folder + "/" + checked(relativePath);
        if (!ownSet.add(path)) {
            throw new IllegalArgumentException("output file written twice: " + path);
        }
        if (failure != null) {
            throw new OutputFailed(failure);
        }
        if (owners.putIfAbsent(path, pluginId) != null) {
            taken.add(path);
            return;
        }
        own.add(path);
        try {
            sink.write(path, content.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            failure = e; // kept, in case the emitter catches the exception
            throw new OutputFailed(e);
        }
    }

    static String checked(String relativePath) {
        if (relativePath.isEmpty() || relativePath.startsWith("/") || relativePath.contains("\\") || driveLetter(relativePath)) {
            throw new IllegalArgumentException("output path must be relative and use '/': " + relativePath);
        }
        for (String part : relativePath.split("/", -1)) { // -1: a trailing slash leaves an empty part, refused
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                throw new IllegalArgumentException("output path must stay inside its folder: " + relativePath);
            }
        }
        return relativePath;
    }

    /** {@code C:…}: absolute on Windows. By hand, not {@code String.matches}, which compiles a pattern per call. */
    private static boolean driveLetter(String path) {
        char first = path.charAt(0);
        return path.length() > 1 && path.charAt(1) == ':' && (first >= 'A' && first <= 'Z' || first >= 'a' && first <= 'z');
    }

    /** @return the paths this emitter wrote first, in order */
    List<String> own() {
        return own;
    }

    /** @return the paths another emitter had written first */
    List<String> taken() {
        return taken;
    }

    IOException failure() {
        return failure;
    }
}
