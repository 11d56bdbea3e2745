package io.kube2ecs.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kube2ecs.testkit.contract.WidgetPlugin;
import org.junit.jupiter.api.Test;

/** The in-memory runner: names, targets, errors and the report, as the CLI would have them. */
class PipelineRunnerTest {

    private static final String WIDGET = """
            apiVersion: example.com/v1
            kind: Widget
            metadata: {name: w1}
            spec:
              image: nginx:1.27
              colour: blue
            """;

    @Test
    void convertsInMemoryDocumentsAndNamesThemInDiagnostics() {
        RunResult result = PipelineRunner.of(new WidgetPlugin(), new ModelDumpPlugin())
                .input("team/widget.yaml", WIDGET).targets("widgets").run();
        assertThat(result.files()).containsOnlyKeys("widgets/widgets.txt");
        assertThat(result.file("widgets/widgets.txt")).isEqualTo("w1 1\n");
        assertThat(result.renderedDiagnostics()).contains("team/widget.yaml:6:3: warning[K2E201]: field 'spec.colour' of example.com/Widget default/w1 is not converted");
        assertThat(result.hasErrors()).isFalse();
    }

    @Test
    void reportIsLeftOutUnlessAskedFor() {
        RunResult result = PipelineRunner.of(new WidgetPlugin()).input("w.yaml", WIDGET).withReport(true).run();
        assertThat(result.files()).containsKeys("widgets/widgets.txt", "report.md", "report.json");
    }

    @Test
    void aMissingFileNamesWhatWasWritten() {
        RunResult result = PipelineRunner.of(new WidgetPlugin()).input("w.yaml", WIDGET).run();
        assertThatThrownBy(() -> result.file("nope.txt")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("written: [widgets/widgets.txt]");
    }

    @Test
    void inputNamesStayInsideTheRun() {
        assertThatThrownBy(() -> PipelineRunner.of().input("../escape.yaml", WIDGET))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
