package dev.p4ebpf.driver.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The entry maps behave as the LinkedHashMaps they replace: order, lookups, nulls, equality, immutability. */
class FieldTextsTest {
    @Test
    void behavesLikeALinkedHashMap() {
        long seed = 20261204L;
        System.out.println("behavesLikeALinkedHashMap seed " + seed);
        Random random = new Random(seed);
        for (int trial = 0; trial < 2000; trial++) {
            LinkedHashMap<String, String> expected = new LinkedHashMap<>();
            FieldTexts.Builder built = new FieldTexts.Builder(random.nextInt(3));
            int n = random.nextInt(8);
            for (int i = 0; i < n; i++) {
                String name = "f" + random.nextInt(6);
                String text = random.nextInt(8) == 0 ? null : Integer.toString(random.nextInt(100));
                expected.put(name, text);
                built.put(new String(name), text);
            }
            for (Map<String, String> m : List.of(built.build(), FieldTexts.copyOf(expected))) {
                assertEquals(expected, m);
                assertEquals(m, expected);
                assertEquals(expected.hashCode(), m.hashCode());
                assertEquals(expected.toString(), m.toString());
                assertEquals(new ArrayList<>(expected.keySet()), new ArrayList<>(m.keySet()));
                List<String> seen = new ArrayList<>();
                m.forEach((k, v) -> seen.add(k + "=" + v));
                assertEquals(expected.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList(), seen);
                for (int i = 0; i < 6; i++) {
                    assertEquals(expected.get("f" + i), m.get("f" + i));
                    assertEquals(expected.containsKey("f" + i), m.containsKey("f" + i));
                }
            }
        }
    }

    @Test
    void isImmutableAndCopiedOnlyOnce() {
        FieldTexts f = FieldTexts.copyOf(Map.of("a", "1"));
        assertSame(f, FieldTexts.copyOf(f));
        assertThrows(UnsupportedOperationException.class, () -> f.put("b", "2"));
        assertThrows(UnsupportedOperationException.class, () -> f.entrySet().iterator().next().setValue("3"));
        assertSame(FieldTexts.EMPTY, FieldTexts.copyOf(new LinkedHashMap<>()));
        assertNull(f.get(null));
        assertTrue(new EntrySpec("t", f, "a", null, null).args().isEmpty());
    }
}
