package io.kube2ecs.ecsshapes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JsonTextTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String[] TEXTS = {"", "plain", "with \"quotes\" and \\ backslash", "line\nbreak\ttab\r",
        "control \u0001\u001f", "é ü ß", "emoji \uD83D\uDE80", "</script>", "${ACCOUNT_ID}"};

    /** The printers the emitters use: ECS JSON's, CloudFormation's, and Jackson's default. */
    private static final List<PrettyPrinter> PRINTERS = List.of(
            new DefaultPrettyPrinter(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                    .withObjectIndenter(new DefaultIndenter("  ", "\n")).withArrayIndenter(new DefaultIndenter("  ", "\n")),
            new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n")),
            new DefaultPrettyPrinter());

    @Test
    void writesWhatAnObjectWriterWithTheSamePrinterWrites() throws Exception {
        Random random = new Random(20261127);
        ObjectMapper mapper = new ObjectMapper();
        for (int i = 0; i < 300; i++) {
            JsonNode tree = tree(random, 0);
            for (PrettyPrinter printer : PRINTERS) {
                String expected = mapper.writer(printer).writeValueAsString(tree);
                assertThat(JsonText.write(tree, printer)).isEqualTo(expected);
                assertThat(JsonText.writeLine(tree, printer)).isEqualTo(expected + "\n");
            }
        }
    }

    @Test
    void aPrinterKeepsNoStateBetweenCalls() {
        ObjectNode nested = NODES.objectNode();
        nested.putObject("a").putArray("b").add(1).addObject().put("c", true);
        String first = JsonText.write(nested, PRINTERS.get(0));
        JsonText.write(NODES.arrayNode().add(NODES.arrayNode().add(NODES.arrayNode())), PRINTERS.get(0));
        assertThat(JsonText.write(nested, PRINTERS.get(0))).isEqualTo(first).contains("\n    \"b\": [\n      1,");
    }

    @Test
    void refusesNodesThatHaveNoJsonText() {
        assertThatThrownBy(() -> JsonText.write(NODES.pojoNode(new Object()), PRINTERS.get(0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("POJO");
    }

    private static JsonNode tree(Random random, int depth) {
        int pick = random.nextInt(depth > 4 ? 9 : 11);
        return switch (pick) {
            case 0 -> NODES.textNode(TEXTS[random.nextInt(TEXTS.length)]);
            case 1 -> NODES.numberNode(random.nextInt());
            case 2 -> NODES.numberNode(random.nextLong());
            case 3 -> NODES.numberNode(random.nextDouble() * 1e6);
            case 4 -> NODES.numberNode(new BigDecimal(random.nextInt(100000)).movePointLeft(random.nextInt(6)));
            case 5 -> NODES.numberNode(BigInteger.valueOf(random.nextLong()).shiftLeft(10));
            case 6 -> NODES.booleanNode(random.nextBoolean());
            case 7 -> NODES.nullNode();
            case 8 -> NODES.numberNode(random.nextFloat());
            case 9 -> {
                ObjectNode object = NODES.objectNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    object.set(TEXTS[random.nextInt(TEXTS.length)] + i, tree(random, depth + 1));
                }
                yield object;
            }
            default -> {
                ArrayNode array = NODES.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.add(tree(random, depth + 1));
                }
                yield array;
            }
        };
    }
}
