package io.kube2ecs.ecsshapes;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes a Jackson tree as JSON text through jackson-core's generator, without an
 * {@code ObjectMapper}: creating the first mapper in a process costs about 45 ms (its date format
 * starts the JDK's calendar, time-zone and locale providers), a sixth of a small conversion, and
 * writing a tree needs none of what it sets up. The text is the same as an {@code ObjectWriter}
 * with the same pretty printer gives.
 */
public final class JsonText {

    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonText() {
    }

    /**
     * @param node    the tree: objects, arrays, strings, numbers, booleans and nulls
     * @param printer how to lay it out; each call uses its own instance of it
     * @return the JSON text, without a line end after it
     */
    public static String write(JsonNode node, PrettyPrinter printer) {
        return text(node, printer, false);
    }

    /** @return {@link #write}'s text and a line end, as a file holds it (without copying the text to add it) */
    public static String writeLine(JsonNode node, PrettyPrinter printer) {
        return text(node, printer, true);
    }

    private static String text(JsonNode node, PrettyPrinter printer, boolean lineEnd) {
        StringWriter text = new StringWriter(4096);
        try (JsonGenerator generator = FACTORY.createGenerator(text)) {
            generator.setPrettyPrinter(printer instanceof com.fasterxml.jackson.core.util.Instantiatable<?> template
                    ? (PrettyPrinter) template.createInstance() : printer);
            write(generator, node);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write JSON", e);
        }
        if (lineEnd) {
            text.write('\n');
        }
        return text.toString();
    }

    private static void write(JsonGenerator generator, JsonNode node) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                generator.writeStartObject();
                for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    generator.writeFieldName(field.getKey());
                    write(generator, field.getValue());
                }
                generator.writeEndObject();
            }
            case ARRAY -> {
                generator.writeStartArray();
                for (JsonNode item : node) {
                    write(generator, item);
                }
                generator.writeEndArray();
            }
            case STRING -> generator.writeString(node.textValue());
            case BOOLEAN -> generator.writeBoolean(node.booleanValue());
            case NULL -> generator.writeNull();
            case NUMBER -> {
                switch (node.numberType()) {
                    case INT -> generator.writeNumber(node.intValue());
                    case LONG -> generator.writeNumber(node.longValue());
                    case BIG_INTEGER -> generator.writeNumber(node.bigIntegerValue());
                    case FLOAT -> generator.writeNumber(node.floatValue());
                    case DOUBLE -> generator.writeNumber(node.doubleValue());
                    case BIG_DECIMAL -> generator.writeNumber(node.decimalValue());
                    default -> throw new IllegalArgumentException("unknown number type " + node.numberType());
                }
            }
            default -> throw new IllegalArgumentException("a " + node.getNodeType() + " node has no JSON text");
        }
    }
}
