package io.kube2ecs.core.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.CoreSchema;

class QuickCoreSchemaTest {

    private static final List<String> AWKWARD = List.of("", " ", "~", "null", "Null", "NULL", "nul", "nulls", "null ",
            "true", "True", "TRUE", "tRUE", "truex", "false", "False", "FALSE", "fAlse", "f", "t", "T", "F", "y", "yes",
            "No", "off", "On", "0", "-0", "+1", "007", "0o17", "0o8", "0x1F", "0X1F", "0xg", "1e3", "1E-3", "1.", ".5",
            "-.5e+2", ".inf", "-.Inf", "+.INF", ".nan", ".NaN", ".NAN", "-.nan", "1_000", "1:30", "12:30:00", "<<", "<",
            "<<<", "${HOME}", "${ HOME }", "${A:-b}", "${A:?x}", "$HOME", "$", "-", "+", ".", "..", "-1-", "2001-12-14",
            "nginx:1.25", "name", "namespace", "targetPort", "http", "8080", "8080/TCP", "\u0000", "\t1", "é", "Ω");

    private final ScalarResolver core = new CoreSchema().getScalarResolver();
    private final ScalarResolver quick = new QuickCoreSchema().getScalarResolver();

    @Test
    void givesTheCoreSchemasTagForEveryScalar() {
        List<String> values = new ArrayList<>(AWKWARD);
        // every first character, alone and before the tails that make the core patterns match
        for (char first = 0; first < Character.MAX_VALUE; first++) {
            for (String tail : List.of("", "ull", "rue", "alse", "1", "e5", "x1", "{X}", "<", ".5", "inf")) {
                values.add(first + tail);
            }
        }
        Random random = new Random(7);
        String alphabet = "ntfTFNxeE0123456789.-+$<{}:_ ~oai";
        for (int i = 0; i < 20000; i++) {
            StringBuilder value = new StringBuilder();
            for (int n = random.nextInt(7); n >= 0; n--) {
                value.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            values.add(value.toString());
        }
        for (String value : values) {
            for (boolean implicit : new boolean[] {true, false}) {
                assertThat(quick.resolve(value, implicit)).as("'%s' implicit=%s", value, implicit)
                        .isEqualTo(core.resolve(value, implicit));
            }
        }
    }

    @Test
    void settlesCommonKeysAndValuesWithoutTheCoreResolver() {
        ScalarResolver failing = (value, implicit) -> {
            throw new AssertionError("asked the core resolver about '" + value + "'");
        };
        QuickCoreSchema.QuickResolver resolver = new QuickCoreSchema.QuickResolver(failing);
        assertThat(resolver.resolve("name", true)).isEqualTo(Tag.STR);
        assertThat(resolver.resolve("null", true)).isEqualTo(Tag.NULL);
        assertThat(resolver.resolve("TRUE", true)).isEqualTo(Tag.BOOL);
        assertThat(resolver.resolve("containerPort", true)).isEqualTo(Tag.STR);
        assertThat(resolver.resolve("8080", false)).isEqualTo(Tag.STR);
    }
}
