package io.kube2ecs.core.emit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SinkOutputPathTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "/etc/passwd", "a\\b", "C:x", "c:/x", "Z:", "a/../b", "a//b", "./a", "a/", ".."})
    void pathsThatLeaveTheFolderOrAreAbsoluteAreRefused(String path) {
        assertThatThrownBy(() -> SinkOutput.checked(path)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "ns/app/task-definition.json", "C", "1:x", "Cx:y", "ab:c/d", "..a/b..", "stacks/shared.yaml"})
    void relativePathsInsideTheFolderAreKept(String path) {
        assertThat(SinkOutput.checked(path)).isEqualTo(path);
    }
}
