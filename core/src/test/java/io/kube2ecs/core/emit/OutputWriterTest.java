package io.kube2ecs.core.emit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
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
        new OutputWriter().write(dir.resolve("out"), files("ecs/a/task-definition.json", "{}"), Set.of("ecs"));
        assertThat(dir.resolve("out/ecs/a/task-definition.json")).hasContent("{}");
        assertThat(dir.toFile().list()).containsExactly("out");
    }

    @Test
    void rerunReplacesItsOwnFilesRemovesStaleOnesAndKeepsTheUsersFiles() throws Exception {
        Path out = dir.resolve("out");
        new OutputWriter().write(out, files("ecs/a/x.json", "1", "ecs/b/x.json", "1"), Set.of("ecs"));
        Files.writeString(out.resolve("NOTES.md"), "mine");
        Files.writeString(out.resolve("ecs/a/mine.txt"), "mine");
        new OutputWriter().write(out, files("ecs/a/x.json", "2"), Set.of("ecs"));
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
        new OutputWriter().write(out, files("ecs/a/x.json", "1"), Set.of("ecs"));
        assertThat(out.resolve(".git/config")).hasContent("mine");
        assertThat(out.resolve("notes.txt")).hasContent("mine");
        assertThat(out.resolve("ecs/a/x.json")).hasContent("1");
    }

    @Test
    void aFolderInTheWayFailsBeforeAnythingIsReplaced() throws Exception {
        Path out = dir.resolve("out");
        new OutputWriter().write(out, files("ecs/a/x.json", "1", "ecs/b/y.json", "1"), Set.of("ecs"));
        Files.delete(out.resolve("ecs/b/y.json"));
        Files.createDirectories(out.resolve("ecs/b/y.json/inner"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new OutputWriter().write(out,
                files("ecs/a/x.json", "2", "ecs/b/y.json", "2"), Set.of("ecs"))).isInstanceOf(IOException.class);
        assertThat(out.resolve("ecs/a/x.json")).hasContent("1");
        try (var entries = Files.list(dir)) {
            assertThat(entries.map(p -> p.getFileName().toString())).containsExactly("out");
        }
    }
}
