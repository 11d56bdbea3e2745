package io.kube2ecs.plugin.source.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The YAML handed to the core reads back, with the core's parser (snakeyaml-engine, YAML 1.2), as
 * exactly the values that were written: strings that look like numbers, booleans or nulls stay
 * strings, multi-line values keep their line ends.
 */
class YamlTextTest {

    @Test
    void trickyStringsReadBackAsTheSameStrings() {
        List<String> values = List.of("yes", "no", "on", "off", "true", "False", "null", "~", "", " ", "0644", "1e3",
                "0x1F", ".inf", "-.5", "12:30", "1_000", "a: b", "# not a comment", "- item", "*alias", "&anchor",
                "!tag", "%directive", "@at", "`tick", "{x}", "[y]", "multi\nline\n", "trailing\n\n\n", "no newline\nat end",
                "  leading spaces\nsecond", "tab\there", "quote \" and ' both", "\\backslash", "unicode ✓ é", "line\r\nCRLF",
                "ends with space ", "#!/bin/sh\necho \"$HOME\"\n");
        Map<String, Object> data = new LinkedHashMap<>();
        for (int i = 0; i < values.size(); i++) {
            data.put("k" + i, values.get(i));
        }
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("apiVersion", "v1");
        object.put("kind", "ConfigMap");
        object.put("data", data);
        object.put("numbers", List.of(1, 2.5, true));
        Object read = new Load(LoadSettings.builder().build()).loadFromString(YamlText.of(object));
        assertThat(read).isEqualTo(object);
    }
}
