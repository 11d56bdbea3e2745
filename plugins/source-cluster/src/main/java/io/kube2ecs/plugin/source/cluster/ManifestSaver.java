package io.kube2ecs.plugin.source.cluster;

import io.kube2ecs.api.diag.Diagnostic;
import io.kube2ecs.api.diag.Severity;
import io.kube2ecs.api.source.SourceLocation;
import io.kube2ecs.api.spi.InputSink;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code --save-manifests DIR}: writes the cleaned objects, one YAML file each, as
 * {@code DIR/<namespace>/<resource>/<name>.yaml} (e.g. {@code shop/deployments.apps/web.yaml}), so
 * the conversion can be repeated offline with {@code kube2ecs convert -f DIR -R}. Secret values
 * are replaced by empty strings unless secret values were asked for; then the Secrets' files are
 * readable by their owner only. A folder this wrote before (it holds {@value #MARKER}) is emptied
 * of its YAML files first; any other non-empty folder is refused.
 */
final class ManifestSaver {

    static final String MARKER = ".kube2ecs-manifests";

    private ManifestSaver() {
    }

    static void save(Path folder, String context, List<ClusterReader.ReadObject> objects, boolean secretValues, InputSink sink) {
        try {
            if (Files.isDirectory(folder)) {
                boolean ours = Files.exists(folder.resolve(MARKER));
                try (Stream<Path> entries = Files.list(folder)) {
                    if (!ours && entries.findAny().isPresent()) {
                        fail(sink, folder, "the folder is not empty and was not written by --save-manifests",
                                "name a new or empty folder; kube2ecs does not overwrite other files");
                        return;
                    }
                }
                if (ours) {
                    List<Path> old;
                    try (Stream<Path> walk = Files.walk(folder)) {
                        old = walk.filter(p -> p.toString().endsWith(".yaml") && Files.isRegularFile(p))
                                .sorted(Comparator.reverseOrder()).toList();
                    }
                    for (Path file : old) {
                        Files.delete(file);
                    }
                }
            }
            Files.createDirectories(folder);
            Files.writeString(folder.resolve(MARKER), "Written by kube2ecs convert --save-manifests from context "
                    + context + ". Convert again offline with: kube2ecs convert -f " + folder.getFileName() + " -R\n",
                    StandardCharsets.UTF_8);
            for (ClusterReader.ReadObject object : objects) {
                Path file = folder.resolve(object.namespace().isEmpty() ? "_cluster" : object.namespace())
                        .resolve(object.resource().resourceName()).resolve(object.name() + ".yaml");
                Files.createDirectories(file.getParent());
                boolean secret = object.resource().kind().kind().equals("Secret") && object.resource().kind().group().isEmpty();
                boolean redact = secret && !secretValues;
                StringBuilder text = new StringBuilder(header(object, redact));
                text.append(YamlText.of(redact ? redacted(object.cleaned()) : object.cleaned()));
                Files.writeString(file, text, StandardCharsets.UTF_8);
                if (secret && secretValues && FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                }
            }
            sink.notice("saved " + objects.size() + " manifests to " + folder
                    + (secretValues ? " (with Secret values: keep them safe)" : " (Secret values left out)"));
        } catch (IOException | RuntimeException e) {
            fail(sink, folder, "cannot write the manifests: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()), "check that the folder is writable");
        }
    }

    /**
     * @param object   an object read
     * @param redacted whether its values were removed
     * @return its first line: a comment naming where it was read
     */
    static String header(ClusterReader.ReadObject object, boolean redacted) {
        return "# " + object.origin() + (redacted ? " (values removed by kube2ecs; --include-secret-values keeps them)" : "") + "\n";
    }

    private static Map<String, Object> redacted(Map<String, Object> secret) {
        Map<String, Object> copy = new LinkedHashMap<>(secret);
        for (String field : List.of("data", "stringData")) {
            Map<String, Object> values = ObjectCleaner.map(secret.get(field));
            if (values != null) {
                Map<String, Object> empty = new LinkedHashMap<>();
                new ArrayList<>(values.keySet()).forEach(k -> empty.put(k, ""));
                copy.put(field, empty);
            }
        }
        return copy;
    }

    private static void fail(InputSink sink, Path folder, String message, String hint) {
        sink.diagnostics().report(new Diagnostic(Severity.ERROR, ClusterCodes.SAVE_FAILED, message, hint,
                SourceLocation.ofFile(folder.toString()), null));
    }
}
