package io.kube2ecs.ecsshapes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SmallOrderedMapTest {

    /** Every operation on both maps, the JDK's as the reference; keys from a small set so that puts replace and removes hit. */
    @Test
    void behavesAsALinkedHashMapThroughRandomOperationsOnBothSidesOfTheArrayLimit() {
        Random random = new Random(20261128);
        for (int round = 0; round < 200; round++) {
            Map<String, Integer> expected = new LinkedHashMap<>();
            SmallOrderedMap<Integer> actual = new SmallOrderedMap<>();
            int keys = 3 + random.nextInt(2 * SmallOrderedMap.ARRAY_LIMIT + 4);
            for (int step = 0; step < 60; step++) {
                String key = "k" + random.nextInt(keys);
                switch (random.nextInt(7)) {
                    case 0, 1, 2 -> assertEquals(expected.put(key, step), actual.put(key, step));
                    case 3 -> assertEquals(expected.remove(key), actual.remove(key));
                    case 4 -> {
                        removeByIterator(expected, key);
                        removeByIterator(actual, key);
                    }
                    case 5 -> {
                        setByEntry(expected, key, -step);
                        setByEntry(actual, key, -step);
                    }
                    default -> {
                        if (random.nextInt(10) == 0) {
                            expected.clear();
                            actual.clear();
                        }
                    }
                }
                assertEquals(expected.get(key), actual.get(key));
                assertEquals(expected.containsKey(key), actual.containsKey(key));
                assertEquals(expected.size(), actual.size());
                assertEquals(new ArrayList<>(expected.entrySet()), new ArrayList<>(actual.entrySet()), "order after step " + step);
                assertEquals(expected, actual);
                assertEquals(actual, expected);
                assertEquals(expected.hashCode(), actual.hashCode());
            }
        }
    }

    private static void removeByIterator(Map<String, Integer> map, String key) {
        for (Iterator<Map.Entry<String, Integer>> it = map.entrySet().iterator(); it.hasNext(); ) {
            if (it.next().getKey().equals(key)) {
                it.remove();
            }
        }
    }

    private static void setByEntry(Map<String, Integer> map, String key, int value) {
        for (Map.Entry<String, Integer> entry : map.entrySet()) {
            if (entry.getKey().equals(key)) {
                entry.setValue(value);
            }
        }
    }

    @Test
    void keepsTheOrderOfFirstInsertionWhenAValueIsReplacedAndAcrossTheSwitchToAHashMap() {
        SmallOrderedMap<Integer> map = new SmallOrderedMap<>();
        for (int i = 0; i <= SmallOrderedMap.ARRAY_LIMIT; i++) {
            map.put("k" + i, i);
        }
        map.put("k0", 100);
        List<String> keys = new ArrayList<>(map.keySet());
        assertEquals("k0", keys.get(0));
        assertEquals("k" + SmallOrderedMap.ARRAY_LIMIT, keys.get(keys.size() - 1));
        assertEquals(100, map.get("k0"));
    }

    @Test
    void failsFastWhenChangedWhileIterated() {
        SmallOrderedMap<Integer> map = new SmallOrderedMap<>();
        map.put("a", 1);
        map.put("b", 2);
        Iterator<String> keys = map.keySet().iterator();
        keys.next();
        map.put("c", 3);
        assertThrows(ConcurrentModificationException.class, keys::next);
        assertThrows(NullPointerException.class, () -> map.put(null, 1));
        assertFalse(map.containsKey(null));
        assertNull(map.get(null));
        assertNull(map.remove(null));
        assertEquals(3, map.size());
        assertTrue(map.entrySet().contains(Map.entry("a", 1)));
    }

    @Test
    void objectNodesOfTheCompactFactorySerializeAndCompareAsJacksonsOwn() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        String text = "{\"Type\":\"AWS::ECS::Service\",\"Properties\":{\"Cluster\":{\"Ref\":\"Cluster\"},\"DesiredCount\":2,"
                + "\"Tags\":[{\"Key\":\"a\",\"Value\":\"1\"}],\"a\":1,\"b\":2,\"c\":3,\"d\":4,\"e\":5,\"f\":6,\"g\":7,\"h\":8}}";
        JsonNode own = mapper.readTree(text);
        JsonNode compact = mapper.copy().setNodeFactory(CompactNodes.INSTANCE).readTree(text);
        assertEquals(text, mapper.writeValueAsString(compact));
        assertEquals(own, compact);
        assertEquals(compact, own);
        ObjectNode properties = (ObjectNode) compact.get("Properties");
        properties.remove("Cluster");
        properties.put("DesiredCount", 3);
        ((ObjectNode) own.get("Properties")).remove("Cluster");
        ((ObjectNode) own.get("Properties")).put("DesiredCount", 3);
        assertEquals(mapper.writeValueAsString(own), mapper.writeValueAsString(compact));
        assertEquals(JsonNodeFactory.instance.objectNode().put("x", 1), CompactNodes.INSTANCE.objectNode().put("x", 1));
    }
}
