package io.kube2ecs.core.load;

import io.kube2ecs.api.diag.Diagnostic;
import io.kube2ecs.api.diag.Diagnostics;
import io.kube2ecs.api.diag.Severity;
import io.kube2ecs.api.source.SourceLocation;
import io.kube2ecs.core.diag.Codes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Parses configuration files (the conversion profile) with the same position-keeping parser and
 * limits as manifests.
 */
public final class YamlDocuments {

    private YamlDocuments() {
    }

    /**
     * @param origin      the file's name, for diagnostics
     * @param content     its text
     * @param diagnostics where syntax errors and duplicate keys go
     * @return the first document's root, or empty when the text is empty or invalid
     */
    public static Optional<YamlNode> parseSingle(String origin, String content, Diagnostics diagnostics) {
        List<YamlNode> roots = new ArrayList<>();
        try {
            new YamlTextParser(LoadLimits.DEFAULT).parse(origin, content, new YamlTextParser.DocumentSink() {
                @Override
                public void document(int index, YamlNode root) {
                    roots.add(root);
                }

                @Override
                public void duplicateKey(String key, int line, int column) {
                    diagnostics.report(new Diagnostic(Severity.ERROR, Codes.DUPLICATE_KEY,
                            "key '" + key + "' appears twice in the same map", "remove one of them",
                            new SourceLocation(origin, line, column, ""), null));
                }
            });
        } catch (ParseProblem problem) {
            diagnostics.report(new Diagnostic(Severity.ERROR, problem.code(), problem.getMessage(), problem.hint(),
                    new SourceLocation(origin, problem.line(), problem.column(), ""), null));
            return Optional.empty();
        }
        return roots.stream().findFirst();
    }
}
