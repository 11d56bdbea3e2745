package io.kube2ecs.core.emit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.LinkOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.TreeSet;

/**
 * Writes a run's files so that a failed run leaves nothing half-written: everything is first
 * written to a temporary folder next to the output, then moved into place. A new output folder
 * appears in one rename. In an existing folder, each file is replaced by an atomic move, and files
 * that an earlier run wrote (listed in {@value #MANIFEST}) but this run no longer produces are
 * removed, only inside the emitters' own folders; files the tool did not write are never touched.
 */
public final class OutputWriter {

    /** Lists the files the last run wrote, so the next run can remove stale ones and nothing else. */
    public static final String MANIFEST = ".kube2ecs-files";

    /** The one file that may hold secret values; created readable by its owner only. */
    public static final String SECRET_VALUES = "secret-values.env";

    /**
     * The diagnostic for an output that cannot be written, wherever in the run it fails.
     *
     * @param cause     what failed
     * @param outputDir the output folder, or null when not known
     * @return the error, K2E010
     */
    public static io.kube2ecs.api.diag.Diagnostic cannotWrite(IOException cause, Path outputDir) {
        return new io.kube2ecs.api.diag.Diagnostic(io.kube2ecs.api.diag.Severity.ERROR, io.kube2ecs.core.diag.Codes.OUTPUT_FAILED,
                "cannot write the output: " + cause.getClass().getSimpleName() + " " + cause.getMessage(),
                "check that the -o folder is writable and on a disk with free space",
                outputDir == null ? null : io.kube2ecs.api.source.SourceLocation.ofFile(outputDir.toString()), null);
    }

    /**
     * Opens a staging folder for one run's files, which the emitters and the report write into as
     * they produce them; nothing in the output changes until {@link Staging#commit}.
     *
     * @param outputDir the output folder
     * @return the staging folder; closing it without a commit removes it
     * @throws IOException when the output folder cannot be used
     */
    public Staging begin(Path outputDir) throws IOException {
        Path target = outputDir.toAbsolutePath().normalize();
        if (Files.exists(target) && !Files.isDirectory(target)) {
            throw new IOException(outputDir + " exists and is not a folder");
        }
        // folders this run creates before it knows it will succeed, so a failed run can remove them again
        List<Path> created = new ArrayList<>();
        Path parent = target.getParent();
        if (parent != null && !Files.exists(target) && !Files.exists(parent)) {
            for (Path missing = parent; missing != null && !Files.exists(missing); missing = missing.getParent()) {
                created.add(0, missing);
            }
            Files.createDirectories(parent);
        }
        boolean stageBeside = parent != null && !Files.exists(target) && Files.isWritable(parent);
        if (!stageBeside && !Files.exists(target)) {
            Files.createDirectories(target);
            created.add(target);
        }
        Path staging = (stageBeside ? parent : target).resolve(".kube2ecs-staging-" + UUID.randomUUID());
        try {
            Files.createDirectory(staging); // default permissions, unlike a temp directory's 0700
        } catch (IOException e) {
            removeEmpty(created);
            throw e;
        }
        return new Staging(target, staging, stageBeside, created);
    }

    /** Removes the given folders, innermost first, as long as they are empty. */
    private static void removeEmpty(List<Path> folders) {
        for (int i = folders.size() - 1; i >= 0; i--) {
            try {
                Files.deleteIfExists(folders.get(i));
            } catch (IOException e) {
                return; // not empty, or not ours to remove: leave it and what holds it
            }
        }
    }

    /**
     * One run's files on their way into the output folder. {@link #write} may be called from several
     * threads at once (the emitters write as they go); the rest from one.
     */
    public static final class Staging implements AutoCloseable, FileSink {
        private final Path target;
        private final Path staging;
        private final boolean stageBeside;
        private final List<Path> created;
        /** Removes the staging folder if the process is stopped (Ctrl-C) before the run ends. */
        private final Thread cleanupOnExit;
        /** Every file of the run, including those already in the output with the same content. */
        private final Set<String> paths = new java.util.concurrent.ConcurrentSkipListSet<>();
        /** Files whose content differs from the output's (or that are new): only these are moved. */
        private final Set<String> staged = new java.util.concurrent.ConcurrentSkipListSet<>();
        private final Set<Path> folders = java.util.concurrent.ConcurrentHashMap.newKeySet();
        private boolean closed;
        private boolean committed;

        private Staging(Path target, Path staging, boolean stageBeside, List<Path> created) {
            this.target = target;
            this.staging = staging;
            this.stageBeside = stageBeside;
            this.created = created;
            this.cleanupOnExit = new Thread(() -> {
                try {
                    deleteTree(staging);
                } catch (IOException | RuntimeException e) {
                    // best effort while the process ends: the emitters may still be writing into it
                }
                removeEmpty(created);
            }, "kube2ecs-staging-cleanup");
            Runtime.getRuntime().addShutdownHook(cleanupOnExit);
        }

        /**
         * Writes one file into the staging folder. A file the output already holds byte for byte is
         * not written again, so a rerun over an unchanged input touches almost nothing; the secret
         * values file is always rewritten, so its permissions are always the private ones.
         *
         * @param path    relative to the output folder
         * @param content the bytes
         * @throws IOException when the file cannot be written, was written before, or a folder stands
         *                     where it goes
         */
        @Override
        public void write(String path, byte[] content) throws IOException {
            claim(path);
            if (!stageBeside && !path.equals(SECRET_VALUES) && sameContent(target.resolve(path), content)) {
                return;
            }
            Path file = stage(path);
            if (path.equals(SECRET_VALUES)) {
                createPrivate(file);
            }
            Files.write(file, content);
        }

        /**
         * Opens a file of the staging folder for writing as a stream, for files too large to hold
         * (the report of a large run); always staged, never compared with the output's.
         *
         * @param path relative to the output folder
         * @return the stream; the caller closes it
         * @throws IOException when the file cannot be created, was written before, or a folder stands
         *                     where it goes
         */
        public java.io.OutputStream create(String path) throws IOException {
            claim(path);
            return new java.io.BufferedOutputStream(Files.newOutputStream(stage(path)), 1 << 16);
        }

        /** Takes a path for this run: each is written once, and no folder of the output may stand where it goes. */
        private void claim(String path) throws IOException {
            if (!paths.add(path)) {
                throw new IOException("output file written twice: " + path);
            }
            // a new output folder (staged beside it) holds nothing yet that could stand in the way
            if (!stageBeside && Files.isDirectory(target.resolve(path), LinkOption.NOFOLLOW_LINKS)) {
                throw new IOException(target.resolve(path) + " is a folder where the output has a file");
            }
        }

        /** @return where a path goes in the staging folder, its folder made */
        private Path stage(String path) throws IOException {
            staged.add(path);
            Path file = staging.resolve(path);
            Path folder = file.getParent();
            if (!folders.contains(folder)) {
                Files.createDirectories(folder); // safe when another thread makes it at the same time
                folders.add(folder);
            }
            return file;
        }

        @Override
        public Path folder() {
            return target;
        }

        /** @return every path written so far, sorted */
        public List<String> paths() {
            return List.copyOf(paths);
        }

        private static boolean sameContent(Path destination, byte[] content) {
            try {
                if (!Files.isRegularFile(destination, LinkOption.NOFOLLOW_LINKS) || Files.size(destination) != content.length) {
                    return false;
                }
                return java.util.Arrays.equals(Files.readAllBytes(destination), content);
            } catch (IOException e) {
                return false; // unreadable: replace it
            }
        }

        /**
         * Moves the staged files into the output folder and removes the files an earlier run wrote
         * that this run did not.
         *
         * @param ownedFolders the top-level folders this run's emitters write ({@code ecs}, …): files an
         *                     earlier run listed are removed only inside these, and only regular files
         * @return every path of the run, sorted
         * @throws IOException when the output cannot be written
         */
        public List<String> commit(Set<String> ownedFolders) throws IOException {
            String manifest = paths.isEmpty() ? "" : String.join("\n", paths) + "\n";
            Files.writeString(staging.resolve(MANIFEST), manifest, StandardCharsets.UTF_8);
            if (stageBeside) {
                try {
                    Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
                    committed = true;
                    close(); // nothing is left to remove; this lets go of the exit hook
                    return List.copyOf(paths);
                } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException | DirectoryNotEmptyException e) {
                    Files.createDirectories(target);
                }
            }
            TreeSet<String> previous = readManifest(target.resolve(MANIFEST));
            Set<Path> targetFolders = new HashSet<>();
            for (String path : staged) {
                Path destination = target.resolve(path);
                if (targetFolders.add(destination.getParent())) {
                    Files.createDirectories(destination.getParent());
                }
                move(staging.resolve(path), destination);
            }
            previous.removeAll(paths);
            for (String stale : previous) {
                Path path = target.resolve(stale).normalize();
                String top = stale.contains("/") ? stale.substring(0, stale.indexOf('/')) : "";
                boolean ours = ownedFolders.contains(top) || stale.equals(SECRET_VALUES);
                if (path.startsWith(target) && ours && Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                    Files.delete(path);
                    pruneEmptyFolders(path.getParent(), target.resolve(top));
                }
            }
            move(staging.resolve(MANIFEST), target.resolve(MANIFEST));
            committed = true;
            return List.copyOf(paths);
        }

        /**
         * Removes the staging folder and whatever is left in it; without a commit, also the output
         * folder if this run created it, so a failed run leaves nothing behind.
         */
        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            try {
                Runtime.getRuntime().removeShutdownHook(cleanupOnExit);
            } catch (IllegalStateException e) {
                // the process is already ending; the hook does the same
            }
            try {
                deleteTree(staging);
            } finally {
                if (!committed) {
                    removeEmpty(created);
                }
            }
        }
    }

    private static void createPrivate(Path path) throws IOException {
        try {
            Files.createFile(path, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                    java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(path);
            path.toFile().setReadable(false, false);
            path.toFile().setReadable(true, true);
            path.toFile().setWritable(false, false);
            path.toFile().setWritable(true, true);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static TreeSet<String> readManifest(Path manifest) throws IOException {
        TreeSet<String> out = new TreeSet<>();
        if (Files.isRegularFile(manifest)) {
            for (String line : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    out.add(line.trim());
                }
            }
        }
        return out;
    }

    private static void pruneEmptyFolders(Path folder, Path root) throws IOException {
        Path current = folder;
        while (current != null && current.startsWith(root)) {
            try (var entries = Files.list(current)) {
                if (entries.findAny().isPresent()) {
                    return;
                }
            }
            Files.delete(current);
            current = current.getParent();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
