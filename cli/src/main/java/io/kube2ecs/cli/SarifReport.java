package io.kube2ecs.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kube2ecs.api.diag.Diagnostic;
import io.kube2ecs.api.diag.Severity;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.TreeSet;

/**
 * Diagnostics as a SARIF 2.1.0 log, the format code-scanning services read to annotate the
 * manifests of a pull request at the lines kube2ecs reports.
 */
final class SarifReport {

    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    private static final String DOCS = "docs/diagnostics.md";

    private SarifReport() {
    }

    /**
     * @param diagnostics every diagnostic of the run, notes included
     * @param version     the kube2ecs version
     * @return the SARIF log
     */
    static ObjectNode of(List<Diagnostic> diagnostics, String version) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode log = json.objectNode();
        log.put("$schema", SCHEMA);
        log.put("version", "2.1.0");
        ObjectNode run = log.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "kube2ecs");
        driver.put("version", version);
        ArrayNode rules = driver.putArray("rules");
        TreeSet<String> codes = new TreeSet<>();
        diagnostics.forEach(d -> codes.add(d.code()));
        List<String> ruleIds = List.copyOf(codes);
        for (String code : ruleIds) {
            rules.addObject().put("id", code).put("helpUri", DOCS);
        }
        ArrayNode results = run.putArray("results");
        for (Diagnostic d : diagnostics) {
            ObjectNode result = results.addObject();
            result.put("ruleId", d.code());
            result.put("ruleIndex", ruleIds.indexOf(d.code()));
            result.put("level", level(d.severity()));
            result.putObject("message").put("text", d.hint() == null ? d.message() : d.message() + "\nhint: " + d.hint());
            if (d.location() != null && d.location().file() != null && !d.location().file().isEmpty()) {
                ObjectNode physical = result.putArray("locations").addObject().putObject("physicalLocation");
                physical.putObject("artifactLocation").put("uri", uri(d.location().file()));
                if (d.location().line() > 0) {
                    ObjectNode region = physical.putObject("region").put("startLine", d.location().line());
                    if (d.location().column() > 0) {
                        region.put("startColumn", d.location().column());
                    }
                }
            }
        }
        return log;
    }

    private static String level(Severity severity) {
        return switch (severity) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }

    /** A relative reference as SARIF wants it: forward slashes, spaces and the like percent-encoded. */
    private static String uri(String file) {
        String path = file.replace('\\', '/');
        try {
            return new URI(null, null, path, null).toASCIIString();
        } catch (URISyntaxException e) {
            return path;
        }
    }
}
