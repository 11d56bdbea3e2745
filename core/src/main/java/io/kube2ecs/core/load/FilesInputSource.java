package io.kube2ecs.core.load;

import io.kube2ecs.api.diag.Diagnostic;
import io.kube2ecs.api.diag.Severity;
import io.kube2ecs.api.source.SourceLocation;
import io.kube2ecs.api.spi.InputRequest;
import io.kube2ecs.api.spi.InputSink;
import io.kube2ecs.api.spi.InputSource;
import io.kube2ecs.core.diag.Codes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The {@code files} input source: files, folders and standard input, as {@code kubectl apply -f}
 * reads them. Folders contribute their {@code .yaml}, {@code .yml} and {@code .json} files in name
 * order (sub-folders only with {@code -R}); {@code -} reads standard input, so rendered Helm or
 * Kustomize output can be piped in.
 */
public final class FilesInputSource implements InputSource {

    /** The source id. */
    public static final String ID = "files";

    private static final String STDIN = "<stdin>";

    private final Supplier<InputStream> stdin;
    private final Path workingDirectory;

    /**
     * @param stdin            standard input, read only when a location is {@code -}
     * @param workingDirectory where relative paths start
     */
    public FilesInputSource(Supplier<InputStream> stdin, Path workingDirectory) {
        this.stdin = stdin;
        this.workingDirectory = workingDirectory;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void read(InputRequest request, InputSink sink) {
        boolean stdinRead = false;
        for (String location : request.locations()) {
            if (location.equals("-")) {
                if (!stdinRead) {
                    stdinRead = true;
                    readStdin(sink);
                }
                continue;
            }
            Path path = workingDirectory.resolve(location);
            if (Files.isDirectory(path)) {
                List<Path> files = listManifests(path, request.recursive(), sink, location);
                if (files.isEmpty()) {
                    sink.diagnostics().report(new Diagnostic(Severity.ERROR, Codes.NO_INPUT,
                            "folder has no .yaml, .yml or .json files" + (request.recursive() ? "" : " at its top level"),
                            request.recursive() ? null : "perhaps you meant -R to read its sub-folders",
                            SourceLocation.ofFile(location), null));
                }
                for (Path file : files) {
                    readFile(file, display(location, path, file), sink);
                }
            } else if (Files.isRegularFile(path)) {
                readFile(path, location, sink);
            } else if (Files.exists(path)) {
                sink.diagnostics().report(new Diagnostic(Severity.ERROR, Codes.INPUT_UNREADABLE,
                        "not a regular file (a FIFO or a device)", "give the manifests as files, or pipe them in with -f -",
                        SourceLocation.ofFile(location), null));
            } else {
                sink.diagnostics().report(new Diagnostic(Severity.ERROR, Codes.NO_INPUT, "no such file or folder",
                        "check the path; use - to read standard input", SourceLocation.ofFile(location), null));
            }
        }
    }

    private static String display(String location, Path folder, Path file) {
        String relative = folder.relativize(file).toString().replace('\\', '/');
        return location.endsWith("/") ? location + relative : location + "/" + relative;
    }

    /**
     * Lists the manifests of a folder. Symbolic links to folders are not followed (as with
     * {@code kubectl apply -R}, and so a link loop cannot hang the walk); a manifest name that is not
     * a readable regular file (a broken or looping link, a FIFO, a device) is reported, not read:
     * reading a FIFO would block forever.
     */
    private static List<Path> listManifests(Path folder, boolean recursive, InputSink sink, String location) {
        List<Path> out = new ArrayList<>();
        try {
            Files.walkFileTree(folder, java.util.EnumSet.noneOf(java.nio.file.FileVisitOption.class), recursive ? Integer.MAX_VALUE : 1,
                    new java.nio.file.SimpleFileVisitor<>() {
                        @Override
                        public java.nio.file.FileVisitResult visitFile(Path file, java.nio.file.attribute.BasicFileAttributes attributes) {
                            if (attributes.isDirectory()) {
                                return java.nio.file.FileVisitResult.CONTINUE; // a sub-folder below the depth of a walk without -R
                            }
                            if (attributes.isSymbolicLink() && Files.isDirectory(file)) {
                                sink.diagnostics().report(new Diagnostic(Severity.WARNING, Codes.INPUT_UNREADABLE,
                                        "symbolic link to a folder is not followed", "give the folder it points to with -f, "
                                                + "as kubectl apply -R does not follow it either",
                                        SourceLocation.ofFile(display(location, folder, file)), null));
                            } else if (isManifestName(file)) {
                                if (Files.isRegularFile(file)) {
                                    out.add(file);
                                } else {
                                    sink.diagnostics().report(new Diagnostic(Severity.WARNING, Codes.INPUT_UNREADABLE,
                                            "skipped: not a regular file (a broken or looping symbolic link, a FIFO or a device)",
                                            null, SourceLocation.ofFile(display(location, folder, file)), null));
                                }
                            }
                            return java.nio.file.FileVisitResult.CONTINUE;
                        }

                        @Override
                        public java.nio.file.FileVisitResult visitFileFailed(Path file, IOException e) {
                            sink.diagnostics().report(new Diagnostic(Severity.ERROR, Codes.INPUT_UNREADABLE,
                                    "cannot read: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()),
                                    "check that it exists and is readable", SourceLocation.ofFile(display(location, folder, file)), null));
                            return java.nio.file.FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException | UncheckedIOException e) {
            sink.diagnostics().report(new Diagnostic(Severity.ERROR, Codes.INPUT_UNREADABLE,
                    "cannot list folder: " + e.getMessage(), null, SourceLocation.ofFile(location), null));
        }
        // each file's key made once, not twice per comparison
        Map<Path, String> keys = new HashMap<>();
        out.forEach(file -> keys.put(file, folder.relativize(file).toString()));
        out.sort(Comparator.comparing(keys::get));
        return out;
    }

    private static boolean isManifestName(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
    }

    private void readStdin(InputSink sink) {
        try (InputStream in = stdin.get()) {
            decode(in.readAllBytes(), STDIN, sink);
        } catch (IOException e) {
            sink.diagnostics().report(new Diagnostic(Severity.ERROR, Codes.INPUT_UNREADABLE,
                    "cannot read standard input: " + e.getMessage(), null, SourceLocation.ofFile(STDIN), null));
        }
    }

    private static void readFile(Path file, String display, InputSink sink) {
        try {
            decode(Files.readAllBytes(file), display, sink);
        } catch (IOException e) {
            sink.diagnostics().report(new Diagnostic(Severity.ERROR, Codes.INPUT_UNREADABLE,
                    "cannot read file: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()),
                    "check that the file exists and is readable", SourceLocation.ofFile(display), null));
        }
    }

    private static void decode(byte[] bytes, String display, InputSink sink) {
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        boolean ascii = true;
        for (int i = start; i < bytes.length; i++) {
            ascii &= bytes[i] >= 0;
            if (bytes[i] == 0) {
                sink.diagnostics().report(new Diagnostic(Severity.ERROR, Codes.INPUT_UNREADABLE,
                        "not a text file (it contains NUL bytes; UTF-16 or binary?)",
                        "Kubernetes manifests are UTF-8 text; convert the file with iconv -t UTF-8",
                        SourceLocation.ofFile(display), null));
                return;
            }
        }
        if (ascii) {
            // ASCII is valid UTF-8 as it is, and Latin-1 is the cheapest exact decoding of it (manifests rarely hold anything else)
            sink.accept(display, new String(bytes, start, bytes.length - start, StandardCharsets.ISO_8859_1));
            return;
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, bytes.length - start))
                    .toString();
            sink.accept(display, text);
        } catch (CharacterCodingException e) {
            sink.diagnostics().report(new Diagnostic(Severity.ERROR, Codes.INPUT_UNREADABLE,
                    "not valid UTF-8 text", "Kubernetes manifests are UTF-8; convert the file with iconv -t UTF-8",
                    SourceLocation.ofFile(display), null));
        }
    }
}
