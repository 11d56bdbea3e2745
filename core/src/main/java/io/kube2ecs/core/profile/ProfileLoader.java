package io.kube2ecs.core.profile;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.kube2ecs.api.diag.Diagnostic;
import io.kube2ecs.api.diag.Diagnostics;
import io.kube2ecs.api.diag.Severity;
import io.kube2ecs.api.source.SourceLocation;
import io.kube2ecs.core.diag.Codes;
import io.kube2ecs.core.load.YamlDocuments;
import io.kube2ecs.core.load.YamlNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a conversion profile and checks it against the JSON Schema shipped in this jar; unknown
 * keys and wrong types are reported at their file:line.
 */
public final class ProfileLoader {

    /** Where the schema lives on the class path. */
    public static final String SCHEMA = "/io/kube2ecs/core/profile.schema.json";

    /** Created on first use: the first mapper of a process costs about 45 ms, and most runs have no profile. */
    private static final class Mapper {
        static final ObjectMapper INSTANCE = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    /** Loaded on first use: most runs without a profile never pay for the validator's start-up. */
    private JsonSchema schema;

    private JsonSchema schema() {
        if (schema == null) {
            try (InputStream in = ProfileLoader.class.getResourceAsStream(SCHEMA)) {
                if (in == null) {
                    throw new IllegalStateException("missing " + SCHEMA);
                }
                schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return schema;
    }

    /**
     * @param origin      the profile's name as the user gave it
     * @param content     its text
     * @param diagnostics where problems go, as {@link Severity#ERROR}s
     * @return the profile, or empty when it is invalid
     */
    public Optional<Profile> load(String origin, String content, Diagnostics diagnostics) {
        Optional<YamlNode> root = YamlDocuments.parseSingle(origin, content, diagnostics);
        if (root.isEmpty()) {
            return Optional.of(Profile.EMPTY);
        }
        JsonNode json = toJson(root.get());
        List<ValidationMessage> problems = schema().validate(json).stream()
                .sorted(Comparator.comparing((ValidationMessage m) -> m.getInstanceLocation().toString())
                        .thenComparing(ValidationMessage::getMessage))
                .toList();
        for (ValidationMessage problem : problems) {
            YamlNode at = locate(root.get(), problem.getInstanceLocation());
            String path = problem.getInstanceLocation().toString().replaceFirst("^\\$\\.?", "");
            int line = at.line();
            int column = at.column();
            String property = problem.getProperty();
            if ("additionalProperties".equals(problem.getType()) && property != null && at.keyPosition(property) != null) {
                line = at.keyPosition(property)[0];
                column = at.keyPosition(property)[1];
                path = path.isEmpty() ? property : path + "." + property;
            }
            diagnostics.report(new Diagnostic(Severity.ERROR, Codes.PROFILE_INVALID,
                    "profile: " + (path.isEmpty() ? "" : path + ": ") + problem.getMessage().replaceFirst("^\\$[^:]*:\\s*", ""),
                    "docs/profile.md lists every key and its type", new SourceLocation(origin, line, column, path), null));
        }
        if (!problems.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Mapper.INSTANCE.treeToValue(json, Profile.class));
        } catch (IOException | IllegalArgumentException e) {
            diagnostics.report(new Diagnostic(Severity.ERROR, Codes.PROFILE_INVALID, "profile: " + e.getMessage(),
                    null, SourceLocation.ofFile(origin), null));
            return Optional.empty();
        }
    }

    private static YamlNode locate(YamlNode root, JsonNodePath path) {
        YamlNode node = root;
        for (int i = 0; i < path.getNameCount(); i++) {
            Object element = path.getElement(i);
            YamlNode next = element instanceof Integer index
                    ? (index < node.items().size() ? node.items().get(index) : null)
                    : node.entries().get(String.valueOf(element));
            if (next == null) {
                break;
            }
            node = next;
        }
        return node;
    }

    static JsonNode toJson(YamlNode node) {
        JsonNodeFactory factory = JsonNodeFactory.instance;
        switch (node.shape()) {
            case MAP: {
                ObjectNode object = factory.objectNode();
                for (Map.Entry<String, YamlNode> e : node.entries().entrySet()) {
                    object.set(e.getKey(), toJson(e.getValue()));
                }
                return object;
            }
            case LIST: {
                ArrayNode array = factory.arrayNode();
                node.items().forEach(item -> array.add(toJson(item)));
                return array;
            }
            case NULL:
                return factory.nullNode();
            default:
                break;
        }
        String text = node.text();
        try {
            switch (node.scalarType()) {
                case INTEGER: {
                    BigInteger value = new BigInteger(text);
                    if (value.bitLength() < 32) {
                        return factory.numberNode(value.intValue());
                    }
                    return value.bitLength() < 64 ? factory.numberNode(value.longValue()) : factory.numberNode(value);
                }
                case FLOAT:
                    return factory.numberNode(new BigDecimal(text));
                case BOOLEAN:
                    return factory.booleanNode(Boolean.parseBoolean(text.toLowerCase(java.util.Locale.ROOT)));
                default:
                    return factory.textNode(text);
            }
        } catch (NumberFormatException e) {
            return factory.textNode(text);
        }
    }
}
