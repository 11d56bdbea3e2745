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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
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
     * @param outputDir    the output folder
     * @param files        files by relative path
     * @param ownedFolders the top-level folders this run's emitters write ({@code ecs}, …): files an
     *                     earlier run listed are removed only inside these, and only regular files
     * @return the paths written, sorted
     * @throws IOException when the output cannot be written; checked before anything is moved, so
     *                     the output is then unchanged unless the disk fails midway
     */
    public List<String> write(Path outputDir, SortedMap<String, byte[]> files, Set<String> ownedFolders) throws IOException {
        Path target = outputDir.toAbsolutePath().normalize();
        if (Files.exists(target) && !Files.isDirectory(target)) {
            throw new IOException(outputDir + " exists and is not a folder");
        }
        for (String path : files.keySet()) {
            Path destination = target.resolve(path);
            if (Files.isDirectory(destination, LinkOption.NOFOLLOW_LINKS)) {
                throw new IOException(destination + " is a folder where the output has a file");
            }
        }
        Path parent = target.getParent();
        boolean stageBeside = parent != null && !Files.exists(target) && Files.isWritable(parent);
        if (!stageBeside) {
            Files.createDirectories(target);
        }
        Path staging = (stageBeside ? parent : target).resolve(".kube2ecs-staging-" + UUID.randomUUID());
        Files.createDirectory(staging); // default permissions, unlike a temp directory's 0700
        try {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                Path path = staging.resolve(file.getKey());
                Files.createDirectories(path.getParent());
                if (file.getKey().equals(SECRET_VALUES)) {
                    createPrivate(path);
                }
                Files.write(path, file.getValue());
            }
            String manifest = files.isEmpty() ? "" : String.join("\n", files.keySet()) + "\n";
            Files.writeString(staging.resolve(MANIFEST), manifest, StandardCharsets.UTF_8);
            if (stageBeside) {
                try {
                    Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
                    return List.copyOf(files.keySet());
                } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException | DirectoryNotEmptyException e) {
                    Files.createDirectories(target);
                }
            }
            TreeSet<String> previous = readManifest(target.resolve(MANIFEST));
            for (String path : files.keySet()) {
                Path destination = target.resolve(path);
                Files.createDirectories(destination.getParent());
                move(staging.resolve(path), destination);
                previous.remove(path);
            }
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
            return List.copyOf(files.keySet());
        } finally {
            deleteTree(staging);
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
