package io.kube2ecs.core.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class YamlNodeTest {

    private static YamlNode scalar(String text) {
        return YamlNode.scalar(text, YamlNode.ScalarType.STRING, false, 1, 1);
    }

    /** Below and past the number of keys that are compared one by one, the fields read as a LinkedHashMap holding the same puts. */
    @Test
    void fieldsKeepInputOrderAndReadAsALinkedHashMapOnBothSidesOfTheScanLimit() {
        for (int keys = 0; keys <= 20; keys++) {
            YamlNode map = YamlNode.map(1, 1);
            Map<String, YamlNode> expected = new LinkedHashMap<>();
            for (int i = keys - 1; i >= 0; i--) {
                YamlNode value = scalar("v" + i);
                assertTrue(map.put("key" + i, value, i + 2, 3));
                expected.put("key" + i, value);
            }
            assertEquals(expected, map.entries());
            assertEquals(new ArrayList<>(expected.keySet()), new ArrayList<>(map.entries().keySet()));
            for (int i = 0; i < keys; i++) {
                assertEquals("v" + i, map.entry("key" + i).text());
                assertEquals(i + 2, map.entry("key" + i).keyLine());
            }
            assertNull(map.entry("missing"));
            assertFalse(map.entries().containsKey(null));
            assertNull(map.entries().get(null));
            assertEquals(keys + 1, map.size());
        }
    }

    @Test
    void aRepeatedKeyReplacesTheValueInItsFirstPlace() {
        YamlNode map = YamlNode.map(1, 1);
        for (int i = 0; i < 12; i++) {
            map.put("k" + i, scalar("first"), 1, 1);
        }
        assertFalse(map.put("k0", scalar("again"), 20, 1));
        assertFalse(map.put("k11", scalar("again"), 21, 1));
        List<String> keys = new ArrayList<>(map.entries().keySet());
        assertEquals("k0", keys.get(0));
        assertEquals("k11", keys.get(11));
        assertEquals(12, keys.size());
        assertEquals("again", map.entry("k0").text());
        assertEquals(20, map.keyPosition("k0")[0]);
    }

    @Test
    void fieldsAreReadOnlyAndOnlyMapsHaveThem() {
        YamlNode map = YamlNode.map(1, 1);
        map.put("a", scalar("1"), 1, 1);
        assertThrows(UnsupportedOperationException.class, () -> map.entries().put("b", scalar("2")));
        assertThrows(UnsupportedOperationException.class, () -> map.entries().remove("a"));
        assertThrows(UnsupportedOperationException.class, () -> map.entries().clear());
        YamlNode list = YamlNode.list(1, 1);
        assertTrue(list.entries().isEmpty());
        assertNull(list.entry("a"));
        assertThrows(UnsupportedOperationException.class, () -> list.put("a", scalar("1"), 1, 1));
    }
}
