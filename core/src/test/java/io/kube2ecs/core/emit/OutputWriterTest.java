package io.kube2ecs.core.emit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
        new OutputWriter().write(dir.resolve("out"), files("ecs/a/task-definition.json", "{}"));
        assertThat(dir.resolve("out/ecs/a/task-definition.json")).hasContent("{}");
        assertThat(dir.toFile().list()).containsExactly("out");
    }

    @Test
    void rerunReplacesItsOwnFilesRemovesStaleOnesAndKeepsTheUsersFiles() throws Exception {
        Path out = dir.resolve("out");
        new OutputWriter().write(out, files("ecs/a/x.json", "1", "ecs/b/x.json", "1"));
        Files.writeString(out.resolve("NOTES.md"), "mine");
        Files.writeString(out.resolve("ecs/a/mine.txt"), "mine");
        new OutputWriter().write(out, files("ecs/a/x.json", "2"));
        assertThat(out.resolve("ecs/a/x.json")).hasContent("2");
        assertThat(out.resolve("ecs/b")).doesNotExist();
        assertThat(out.resolve("NOTES.md")).hasContent("mine");
        assertThat(out.resolve("ecs/a/mine.txt")).hasContent("mine");
        assertThat(dir.toFile().list()).containsExactly("out");
    }
}
