package io.kube2ecs.plugin.emit.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The template writer's text must read back as the same tree in a YAML 1.1 reader (jackson's, over
 * snakeyaml, as strict about implicit types as cfn-lint's PyYAML): no string becomes a number,
 * boolean or null, no key changes, no character is lost.
 */
class YamlTemplateWriterTest {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final YAMLMapper READER = new YAMLMapper();

    /** Strings that a careless emitter turns into something else, or into invalid YAML. */
    private static final List<String> AWKWARD = List.of("", " ", "yes", "No", "on", "OFF", "y", "true", "null", "~", "123",
            "0123", "0x1F", "1e3", "1_000", ".inf", "-.5", "2026-11-27", "12:30", "a: b", "a:", ":a", "#x", "a #b", "- x", "-",
            "? q", "'q'", "\"dq\"", "back\\slash", "line\nbreak", "tab\there", "cr\rx", "\u0000nul", "\u0007bell", "\u007f",
            "\u0085next", "\u00a0nbsp", "\u2028sep", "\ufeffbom", "emoji \ud83d\ude00", "&anchor", "*alias", "!tag", "%dir",
            "@at", "`tick", "{flow}", "[list]", "a,b", "|", ">", "Fn::Sub", "AWS::Region", "com.example.Team-Name",
            "awslogs-group", "trailing ", " leading", "x".repeat(300) + " long " + "y".repeat(300));

    @Test
    void awkwardStringsReadBackUnchangedAsKeysAndValues() throws Exception {
        ObjectNode root = JSON.objectNode();
        ArrayNode list = root.putArray("List");
        for (String text : AWKWARD) {
            root.put(text, text);
            list.add(text);
        }
        assertRoundTrip(root);
    }

    @Test
    void scalarsKeepTheirTypes() throws Exception {
        ObjectNode root = JSON.objectNode();
        root.put("Int", 443).put("Negative", -1).put("Long", 5_000_000_000L).put("Double", 0.25).put("True", true)
                .put("False", false).putNull("Nothing").put("Text", "443");
        root.putObject("EmptyMap");
        root.putArray("EmptyList");
        assertRoundTrip(root);
        assertThat(YamlTemplateWriter.write(root)).contains("Int: 443\n").contains("Text: \"443\"\n")
                .contains("EmptyMap: {}\n").contains("EmptyList: []\n").contains("Nothing: null\n")
                .contains("\"True\": true\n");
    }

    @Test
    void nestedListsAndMapsInListsKeepTheirShape() throws Exception {
        ObjectNode root = JSON.objectNode();
        ArrayNode join = root.putObject("Value").putArray("Fn::Join");
        join.add("");
        join.addArray().add("a").add(JSON.objectNode().set("Ref", JSON.textNode("B"))).addArray().add("c").addArray();
        ArrayNode items = root.putArray("Items");
        items.addObject().put("Name", "one").putArray("Ports").add(80).add(443);
        items.addObject();
        items.addArray();
        assertRoundTrip(root);
        assertThat(YamlTemplateWriter.write(root)).isEqualTo("""
                Value:
                  Fn::Join:
                    - ""
                    - - "a"
                      - Ref: "B"
                      - - "c"
                        - []
                Items:
                  - Name: "one"
                    Ports:
                      - 80
                      - 443
                  - {}
                  - []
                """);
    }

    @Test
    void plainKeysAreOnlyThoseNoReaderCanMistake() {
        assertThat(List.of("Fn::GetAtt", "awslogs-group", "com.example.Team-Name", "_x", "a/b"))
                .allMatch(YamlTemplateWriter::plainKey);
        assertThat(List.of("", "yes", "Off", "1abc", "a:", "a b", "a#b", "-a", ".a", "é", "a'"))
                .noneMatch(YamlTemplateWriter::plainKey);
    }

    @Test
    void aLoneSurrogateBecomesTheReplacementCharacter() throws Exception {
        ObjectNode root = JSON.objectNode().put("Broken", "a\ud800b");
        assertThat(READER.readTree(YamlTemplateWriter.write(root)).get("Broken").textValue()).isEqualTo("a\ufffdb");
    }

    @Test
    void randomTreesReadBackUnchanged() throws Exception {
        Random random = new Random(20261127);
        for (int i = 0; i < 300; i++) {
            assertRoundTrip(randomMap(random, 0));
        }
    }

    private static ObjectNode randomMap(Random random, int depth) {
        ObjectNode map = JSON.objectNode();
        int size = random.nextInt(depth == 0 ? 6 : 4) + (depth == 0 ? 1 : 0);
        for (int i = 0; i < size; i++) {
            map.set(randomText(random), randomValue(random, depth + 1));
        }
        return map;
    }

    private static JsonNode randomValue(Random random, int depth) {
        int kind = random.nextInt(depth > 4 ? 4 : 7);
        return switch (kind) {
            case 0 -> JSON.textNode(randomText(random));
            case 1 -> JSON.numberNode(random.nextInt());
            case 2 -> JSON.booleanNode(random.nextBoolean());
            case 3 -> JSON.textNode(AWKWARD.get(random.nextInt(AWKWARD.size())));
            case 4, 5 -> randomMap(random, depth);
            default -> {
                ArrayNode list = JSON.arrayNode();
                int size = random.nextInt(4);
                for (int i = 0; i < size; i++) {
                    list.add(randomValue(random, depth + 1));
                }
                yield list;
            }
        };
    }

    private static String randomText(Random random) {
        String alphabet = "aZ09 :-_./#'\"\\\n\t{}[],&*!|>%@`?~\u00e9\u2028\u0085\u0001";
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(12);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    private static void assertRoundTrip(JsonNode tree) throws Exception {
        String text = YamlTemplateWriter.write(tree);
        assertThat(READER.readTree(text)).as(text).isEqualTo(tree);
    }
}
