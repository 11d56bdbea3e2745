package io.kube2ecs.core.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.kube2ecs.api.diag.Diagnostic;
import io.kube2ecs.api.diag.Diagnostics;
import io.kube2ecs.api.spi.InputRequest;
import io.kube2ecs.api.spi.InputSink;
import io.kube2ecs.core.diag.Codes;
import io.kube2ecs.core.diag.DiagnosticCollector;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilesInputSourceTest {

    @TempDir
    Path dir;

    private final DiagnosticCollector diagnostics = new DiagnosticCollector();
    private final List<String> origins = new ArrayList<>();
    private final List<String> contents = new ArrayList<>();

    private void read(boolean recursive, String stdin, String... locations) {
        FilesInputSource source = new FilesInputSource(
                () -> new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), dir);
        source.read(new InputRequest(List.of(locations), recursive, Map.of()), new InputSink() {
            @Override
            public void accept(String origin, String content) {
                origins.add(origin);
                contents.add(content);
            }

            @Override
            public Diagnostics diagnostics() {
                return diagnostics;
            }
        });
    }

    @Test
    void folderGivesItsManifestFilesInNameOrderLikeKubectl() throws Exception {
        Files.writeString(dir.resolve("b.yaml"), "a: 1");
        Files.writeString(dir.resolve("a.yml"), "a: 1");
        Files.writeString(dir.resolve("c.json"), "{}");
        Files.writeString(dir.resolve("README.md"), "# not a manifest");
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub/d.yaml"), "a: 1");
        read(false, "", ".");
        assertThat(origins).containsExactly("./a.yml", "./b.yaml", "./c.json");
        origins.clear();
        read(true, "", ".");
        assertThat(origins).containsExactly("./a.yml", "./b.yaml", "./c.json", "./sub/d.yaml");
    }

    @Test
    void dashReadsStandardInputOnce() {
        read(false, "apiVersion: v1", "-", "-");
        assertThat(origins).containsExactly("<stdin>");
    }

    @Test
    void nonUtf8AndBinaryFilesAreDiagnosedByName() throws Exception {
        Files.write(dir.resolve("latin1.yaml"), new byte[] {'a', ':', ' ', (byte) 0xE9, '\n'});
        Files.write(dir.resolve("utf16.yaml"), "a: b".getBytes(StandardCharsets.UTF_16));
        read(false, "", "latin1.yaml", "utf16.yaml");
        assertThat(origins).isEmpty();
        assertThat(diagnostics.sorted()).extracting(d -> d.location().file() + " " + d.code())
                .containsExactly("latin1.yaml " + Codes.INPUT_UNREADABLE, "utf16.yaml " + Codes.INPUT_UNREADABLE);
    }

    @Test
    void missingPathIsDiagnosed() {
        read(false, "", "nope.yaml");
        assertThat(diagnostics.sorted()).extracting(Diagnostic::code).containsExactly(Codes.NO_INPUT);
    }

    @Test
    void utf8ByteOrderMarkIsAccepted() throws Exception {
        Files.write(dir.resolve("bom.yaml"), new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a', ':', ' ', 'b'});
        read(false, "", "bom.yaml");
        assertThat(origins).containsExactly("bom.yaml");
        assertThat(diagnostics.sorted()).isEmpty();
    }

    @Test
    void asciiAndMultiByteTextReadAsWritten() throws Exception {
        String ascii = "a: b\n# every printable ASCII character: " + printableAscii() + "\n";
        String accented = "name: caf\u00e9 \u65e5\u672c \ud83d\ude80\n";
        Files.write(dir.resolve("a.yaml"), ascii.getBytes(StandardCharsets.UTF_8));
        Files.write(dir.resolve("b.yaml"), accented.getBytes(StandardCharsets.UTF_8));
        Files.write(dir.resolve("c.yaml"), ("\uFEFF" + ascii).getBytes(StandardCharsets.UTF_8));
        read(false, "", "a.yaml", "b.yaml", "c.yaml");
        assertThat(contents).containsExactly(ascii, accented, ascii);
        assertThat(diagnostics.sorted()).isEmpty();
    }

    private static String printableAscii() {
        StringBuilder out = new StringBuilder();
        for (char c = 0x20; c < 0x7f; c++) {
            out.append(c);
        }
        return out.append('\t').append('\r').toString();
    }
}
