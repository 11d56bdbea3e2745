package io.kube2ecs.core.load;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.kube2ecs.core.diag.Codes;
import java.io.IOException;

/**
 * Parses JSON (one value, or several concatenated as {@code kubectl get -o json} streams do) with
 * Jackson's streaming parser, keeping positions. Used for {@code .json} files and for standard
 * input that starts with {@code {} or {@code [}, where it gives better messages than a YAML parser.
 */
final class JsonTextParser {

    private final LoadLimits limits;
    private final JsonFactory factory;

    JsonTextParser(LoadLimits limits) {
        this.limits = limits;
        this.factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(limits.maxDepth())
                        .maxStringLength(limits.maxInputChars())
                        .build())
                .build();
    }

    void parse(String content, YamlTextParser.DocumentSink sink) throws ParseProblem {
        int[] nodes = {0};
        JsonParser parser;
        try {
            parser = factory.createParser(content);
        } catch (IOException e) {
            throw new ParseProblem(Codes.JSON_SYNTAX, "cannot read JSON: " + e.getMessage(), 0, 0, null);
        }
        // not try-with-resources: the location of a constraint error is read from the parser before it closes
        try {
            int index = 0;
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                YamlNode root = value(parser, token, sink, nodes);
                if (root.shape() != YamlNode.Shape.NULL) {
                    sink.document(index, root);
                }
                index++;
            }
        } catch (ParseProblem e) {
            throw e;
        } catch (StreamConstraintsException e) {
            // nesting, number or string over the limits: Jackson gives no location, but its parser has
            // just read the character that went over (the 201st bracket, the 1001st digit)
            JsonLocation at = parser.currentLocation();
            throw new ParseProblem(Codes.YAML_LIMIT, "JSON over a safety limit: "
                    + e.getOriginalMessage().replaceAll(", from `[^`]*`", ""),
                    Math.max(0, at.getLineNr()), Math.max(0, at.getColumnNr() - 1),
                    "real manifests stay far below these limits; check the file was generated correctly");
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
            throw new ParseProblem(Codes.JSON_SYNTAX, "invalid JSON: " + e.getOriginalMessage().lines().findFirst().orElse(""),
                    at == null ? 0 : Math.max(0, at.getLineNr()), at == null ? 0 : Math.max(0, at.getColumnNr()),
                    "check for a missing comma, quote or bracket near this position");
        } catch (IOException e) {
            throw new ParseProblem(Codes.JSON_SYNTAX, "cannot read JSON: " + e.getMessage(), 0, 0, null);
        } finally {
            try {
                parser.close();
            } catch (IOException e) {
                // reading from a string: nothing to release
            }
        }
    }

    private YamlNode value(JsonParser parser, JsonToken token, YamlTextParser.DocumentSink sink, int[] nodes)
            throws IOException, ParseProblem {
        JsonLocation at = parser.currentTokenLocation();
        int line = at.getLineNr();
        int column = at.getColumnNr();
        if (++nodes[0] > limits.maxNodes()) {
            throw new ParseProblem(Codes.YAML_LIMIT, "input has more than " + limits.maxNodes() + " nodes", line, column,
                    "split the input into several files");
        }
        switch (token) {
            case START_OBJECT: {
                YamlNode map = YamlNode.map(line, column);
                JsonToken next;
                while ((next = parser.nextToken()) == JsonToken.FIELD_NAME) {
                    JsonLocation keyAt = parser.currentTokenLocation();
                    String key = parser.currentName();
                    YamlNode child = value(parser, parser.nextToken(), sink, nodes);
                    if (!map.put(key, child, keyAt.getLineNr(), keyAt.getColumnNr())) {
                        sink.duplicateKey(key, keyAt.getLineNr(), keyAt.getColumnNr());
                    }
                }
                return map;
            }
            case START_ARRAY: {
                YamlNode list = YamlNode.list(line, column);
                JsonToken next;
                while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
                    list.add(value(parser, next, sink, nodes));
                }
                return list;
            }
            case VALUE_STRING:
                return YamlNode.scalar(parser.getText(), YamlNode.ScalarType.STRING, true, line, column);
            case VALUE_NUMBER_INT:
                return YamlNode.scalar(parser.getText(), YamlNode.ScalarType.INTEGER, false, line, column);
            case VALUE_NUMBER_FLOAT:
                return YamlNode.scalar(parser.getText(), YamlNode.ScalarType.FLOAT, false, line, column);
            case VALUE_TRUE:
            case VALUE_FALSE:
                return YamlNode.scalar(parser.getText(), YamlNode.ScalarType.BOOLEAN, false, line, column);
            case VALUE_NULL:
                return YamlNode.nullNode(line, column);
            default:
                throw new ParseProblem(Codes.JSON_SYNTAX, "unexpected JSON token " + token, line, column, null);
        }
    }
}
