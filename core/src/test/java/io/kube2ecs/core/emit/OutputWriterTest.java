package io.kube2ecs.core.emit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputWriterTest {

    @TempDir
    Path dir;

    private static SortedMap<String, byte[]> files(String... pathsAndContents) {
        SortedMap<String, byte[]> out = new TreeMap<>();
        for (int i = 0; i < pathsAndContents.length; i += 2) {
            out.put(pathsAndContents[i], pathsAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }

    @Test
    void createsTheOutputFolderAndLeavesNoStagingBehind() throws Exception {
        write(dir.resolve("out"), files("ecs/a/task-definition.json", "{}"), Set.of("ecs"));
        assertThat(dir.resolve("out/ecs/a/task-definition.json")).hasContent("{}");
        assertThat(dir.toFile().list()).containsExactly("out");
    }

    @Test
    void rerunReplacesItsOwnFilesRemovesStaleOnesAndKeepsTheUsersFiles() throws Exception {
        Path out = dir.resolve("out");
        write(out, files("ecs/a/x.json", "1", "ecs/b/x.json", "1"), Set.of("ecs"));
        Files.writeString(out.resolve("NOTES.md"), "mine");
        Files.writeString(out.resolve("ecs/a/mine.txt"), "mine");
        write(out, files("ecs/a/x.json", "2"), Set.of("ecs"));
        assertThat(out.resolve("ecs/a/x.json")).hasContent("2");
        assertThat(out.resolve("ecs/b")).doesNotExist();
        assertThat(out.resolve("NOTES.md")).hasContent("mine");
        assertThat(out.resolve("ecs/a/mine.txt")).hasContent("mine");
        assertThat(dir.toFile().list()).containsExactly("out");
    }

    @Test
    void aTamperedFileListNeverDeletesFilesOutsideTheEmittersFolders() throws Exception {
        Path out = dir.resolve("out");
        Files.createDirectories(out.resolve(".git"));
        Files.writeString(out.resolve(".git/config"), "mine");
        Files.writeString(out.resolve("notes.txt"), "mine");
        Files.writeString(out.resolve(OutputWriter.MANIFEST), ".git/config\nnotes.txt\necs\n");
        write(out, files("ecs/a/x.json", "1"), Set.of("ecs"));
        assertThat(out.resolve(".git/config")).hasContent("mine");
        assertThat(out.resolve("notes.txt")).hasContent("mine");
        assertThat(out.resolve("ecs/a/x.json")).hasContent("1");
    }

    @Test
    void aFolderInTheWayFailsBeforeAnythingIsReplaced() throws Exception {
        Path out = dir.resolve("out");
        write(out, files("ecs/a/x.json", "1", "ecs/b/y.json", "1"), Set.of("ecs"));
        Files.delete(out.resolve("ecs/b/y.json"));
        Files.createDirectories(out.resolve("ecs/b/y.json/inner"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> write(out,
                files("ecs/a/x.json", "2", "ecs/b/y.json", "2"), Set.of("ecs"))).isInstanceOf(IOException.class);
        assertThat(out.resolve("ecs/a/x.json")).hasContent("1");
        try (var entries = Files.list(dir)) {
            assertThat(entries.map(p -> p.getFileName().toString())).containsExactly("out");
        }
    }

    @Test
    void aRerunLeavesUnchangedFilesAloneAndReplacesChangedOnes() throws Exception {
        Path out = dir.resolve("out");
        write(out, files("ecs/a/x.json", "1", "ecs/b/y.json", "1"), Set.of("ecs"));
        Object unchanged = Files.readAttributes(out.resolve("ecs/a/x.json"), java.nio.file.attribute.BasicFileAttributes.class).fileKey();
        Object changed = Files.readAttributes(out.resolve("ecs/b/y.json"), java.nio.file.attribute.BasicFileAttributes.class).fileKey();
        List<String> written = write(out, files("ecs/a/x.json", "1", "ecs/b/y.json", "2"), Set.of("ecs"));
        assertThat(written).containsExactly("ecs/a/x.json", "ecs/b/y.json");
        assertThat(out.resolve("ecs/b/y.json")).hasContent("2");
        // the same inode: the file was neither rewritten nor moved; the changed one was replaced
        assertThat(Files.readAttributes(out.resolve("ecs/a/x.json"), java.nio.file.attribute.BasicFileAttributes.class).fileKey())
                .isEqualTo(unchanged);
        assertThat(Files.readAttributes(out.resolve("ecs/b/y.json"), java.nio.file.attribute.BasicFileAttributes.class).fileKey())
                .isNotEqualTo(changed);
        assertThat(out.resolve(OutputWriter.MANIFEST)).hasContent("ecs/a/x.json\necs/b/y.json");
        try (var entries = Files.list(out)) {
            assertThat(entries.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("ecs", OutputWriter.MANIFEST);
        }
    }

    @Test
    void theSecretValuesFileIsRewrittenPrivateEvenWhenUnchanged() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path out = dir.resolve("out");
        write(out, files(OutputWriter.SECRET_VALUES, "export A='1'\n"), Set.of("ecs"));
        Files.setPosixFilePermissions(out.resolve(OutputWriter.SECRET_VALUES), java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        write(out, files(OutputWriter.SECRET_VALUES, "export A='1'\n"), Set.of("ecs"));
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve(OutputWriter.SECRET_VALUES))))
                .isEqualTo("rw-------");
    }

    @Test
    void filesWrittenFromSeveralThreadsAtOnceAllArrive() throws Exception {
        // the emitters write into one staging folder from their own threads, into shared folders
        SortedMap<String, byte[]> many = new TreeMap<>();
        for (int i = 0; i < 500; i++) {
            many.put("ecs/ns" + i % 7 + "/app" + i + "/task-definition.json", ("{\"n\": " + i + "}").getBytes(StandardCharsets.UTF_8));
        }
        Path out = dir.resolve("out");
        List<Map.Entry<String, byte[]>> entries = List.copyOf(many.entrySet());
        List<String> written;
        try (OutputWriter.Staging staging = new OutputWriter().begin(out)) {
            List<Thread> writers = new java.util.ArrayList<>();
            java.util.Queue<Throwable> failures = new java.util.concurrent.ConcurrentLinkedQueue<>();
            for (int t = 0; t < 3; t++) {
                int first = t;
                Thread writer = new Thread(() -> {
                    for (int i = first; i < entries.size(); i += 3) {
                        try {
                            staging.write(entries.get(i).getKey(), entries.get(i).getValue());
                        } catch (IOException | RuntimeException e) {
                            failures.add(e);
                        }
                    }
                });
                writers.add(writer);
                writer.start();
            }
            for (Thread writer : writers) {
                writer.join();
            }
            assertThat(failures).isEmpty();
            written = staging.commit(Set.of("ecs"));
        }
        assertThat(written).hasSize(500);
        for (Map.Entry<String, byte[]> file : many.entrySet()) {
            assertThat(out.resolve(file.getKey())).hasBinaryContent(file.getValue());
        }
        assertThat(dir.toFile().list()).containsExactly("out");
    }

    @Test
    void aRunThatDoesNotCommitRemovesTheFoldersItMade() throws Exception {
        try (OutputWriter.Staging staging = new OutputWriter().begin(dir.resolve("a/b/out"))) {
            staging.write("ecs/x.json", "{}".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(dir.toFile().list()).isEmpty();
    }

    @Test
    void aCommittedRunKeepsTheFoldersItMade() throws Exception {
        try (OutputWriter.Staging staging = new OutputWriter().begin(dir.resolve("a/b/out"))) {
            staging.write("ecs/x.json", "{}".getBytes(StandardCharsets.UTF_8));
            staging.commit(Set.of("ecs"));
        }
        assertThat(dir.resolve("a/b/out/ecs/x.json")).hasContent("{}");
        assertThat(dir.resolve("a/b").toFile().list()).containsExactly("out");
    }

    /** Stages the files and commits them, as a run does. */
    private static List<String> write(Path out, java.util.SortedMap<String, byte[]> files, Set<String> ownedFolders)
            throws IOException {
        try (OutputWriter.Staging staging = new OutputWriter().begin(out)) {
            for (java.util.Map.Entry<String, byte[]> file : files.entrySet()) {
                staging.write(file.getKey(), file.getValue());
            }
            return staging.commit(ownedFolders);
        }
    }
}
