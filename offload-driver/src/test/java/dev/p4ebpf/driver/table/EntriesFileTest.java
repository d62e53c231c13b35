package dev.p4ebpf.driver.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.p4ebpf.driver.DriverException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EntriesFileTest {
    @Test
    void readsEntriesAndDefaults() {
        EntriesFile f = EntriesFile.parse("""
                { "entries": [ { "table": "ipv4_lpm", "key": { "dstAddr": "10.0.0.0/8" }, "action": "set_nhop",
                                 "args": { "dmac": "00:11:22:33:44:55", "port": 1 } },
                               { "table": "acl", "key": { "srcAddr": "*" }, "action": "permit", "priority": 3 } ],
                  "defaults": [ { "table": "ipv4_lpm", "action": "NoAction" } ] }
                """, "e.json");
        assertEquals(List.of(
                new EntrySpec("ipv4_lpm", Map.of("dstAddr", "10.0.0.0/8"), "set_nhop",
                        Map.of("dmac", "00:11:22:33:44:55", "port", "1"), null),
                new EntrySpec("acl", Map.of("srcAddr", "*"), "permit", Map.of(), 3)), f.entries());
        assertEquals(List.of(new DefaultSpec("ipv4_lpm", "NoAction", Map.of())), f.defaults());
    }

    @Test
    void mistakesNameTheirPlace() {
        var e = assertThrows(DriverException.class, () -> EntriesFile.parse(
                "{ \"entries\": [ { \"table\": \"t\", \"action\": \"a\", \"priority\": \"high\" } ] }", "e.json"));
        assertTrue(e.getMessage().startsWith("e.json: $.entries[0].priority: "), e.getMessage());
        var missing = assertThrows(DriverException.class, () -> EntriesFile.parse(
                "{ \"entries\": [ { \"key\": {} } ] }", "e.json"));
        assertTrue(missing.getMessage().contains("$.entries[0]: needs \"table\" and \"action\""), missing.getMessage());
    }

    @Test
    void defaultsMayComeFirstAndNumbersAndNullsAreRead() {
        EntriesFile f = EntriesFile.parse("""
                { "defaults": [ { "table": "t", "action": "a", "args": { "x": 5 } } ],
                  "entries": [ { "table": "t", "key": { "k": 10, "k2": "0x1" }, "action": "a", "args": null,
                                 "priority": "7" },
                               { "table": 3, "key": null, "action": "b", "priority": null } ] }
                """, "e.json");
        assertEquals(List.of(new DefaultSpec("t", "a", Map.of("x", "5"))), f.defaults());
        assertEquals(List.of(new EntrySpec("t", Map.of("k", "10", "k2", "0x1"), "a", Map.of(), 7),
                new EntrySpec("3", Map.of(), "b", Map.of(), null)), f.entries());
        assertEquals(List.of("k", "k2"), List.copyOf(f.entries().getFirst().key().keySet()));
        assertEquals(EntriesFile.parse("{}", "e.json"), new EntriesFile(List.of(), List.of()));
        assertEquals(EntriesFile.parse("{ \"entries\": null, \"defaults\": [] }", "e.json"),
                new EntriesFile(List.of(), List.of()));
    }

    /** Random entries written as JSON by hand and read back. */
    @Test
    void readsBackWhatWasWritten() {
        long seed = 20261206L;
        System.out.println("readsBackWhatWasWritten seed " + seed);
        java.util.Random random = new java.util.Random(seed);
        List<EntrySpec> entries = new java.util.ArrayList<>();
        StringBuilder json = new StringBuilder("{\n\"entries\":[");
        for (int i = 0; i < 3000; i++) {
            Map<String, String> key = new java.util.LinkedHashMap<>();
            Map<String, String> args = new java.util.LinkedHashMap<>();
            for (int k = random.nextInt(4); k > 0; k--) {
                key.put("f" + random.nextInt(5), Integer.toString(random.nextInt(1 << 20)));
            }
            for (int k = random.nextInt(3); k > 0; k--) {
                args.put("p" + random.nextInt(3), "0x" + Integer.toHexString(random.nextInt()));
            }
            Integer priority = random.nextBoolean() ? random.nextInt(1000) : null;
            // A name with JSON escapes for e-acute, which the reader decodes.
            String table = random.nextBoolean() ? "t" + random.nextInt(3) : "ingress.\\u00e9t\\u00e9";
            EntrySpec e = new EntrySpec(table.replace("\\u00e9", "\u00e9"), key, "a" + random.nextInt(2), args,
                    priority);
            entries.add(e);
            json.append(i == 0 ? "" : ",\n").append("{\"table\":\"").append(table).append("\",\"key\":")
                    .append(object(key, random)).append(", \"action\": \"").append(e.action()).append("\"")
                    .append(args.isEmpty() && random.nextBoolean() ? "" : ",\"args\":" + object(args, random))
                    .append(priority == null ? "" : ",\"priority\":" + priority).append("}");
        }
        json.append("]}");
        assertEquals(entries, EntriesFile.parse(json.toString(), "r.json").entries());
    }

    private static String object(Map<String, String> m, java.util.Random random) {
        StringBuilder b = new StringBuilder("{");
        m.forEach((k, v) -> b.append(b.length() == 1 ? "" : ",").append("\"").append(k).append("\":")
                .append(random.nextBoolean() && !v.startsWith("0x") ? v : "\"" + v + "\""));
        return b.append("}").toString();
    }

    @Test
    void everyMistakeSaysWhereItIs() {
        String[][] cases = {
            {"[]", "e.json: $: the file must hold one JSON object"},
            {"{ \"entries\": [], \"extra\": 1 }", "e.json: $.extra: unknown field"},
            {"{ \"entries\": [ { \"table\": \"t\", \"action\": \"a\", \"keys\": {} } ] }",
                "e.json: $.entries[0].keys: unknown field"},
            {"{ \"entries\": [ { \"table\": \"t\", \"action\": \"a\", \"key\": [] } ] }",
                "e.json: $.entries[0].key: expected an object, found an array"},
            {"{ \"entries\": [ {}, { \"table\": \"t\", \"action\": \"a\", \"key\": { \"k\": true } } ] }",
                "e.json: $.entries[0]: needs \"table\" and \"action\""},
            {"{ \"entries\": [ { \"table\": \"t\", \"action\": \"a\", \"key\": { \"k\": true } } ] }",
                "e.json: $.entries[0].key.k: expected a string or a number, found true"},
            {"{ \"entries\": [ { \"table\": \"t\", \"action\": \"a\", \"priority\": 99999999999 } ] }",
                "e.json: $.entries[0].priority: expected a whole number"},
            {"{ \"entries\": [ { \"table\": \"t\", \"action\": \"a\", \"priority\": 1.5 } ] }",
                "e.json: $.entries[0].priority: expected a whole number"},
            {"{ \"entries\": [], \"entries\": [] }", "e.json: $.entries: appears twice"},
            {"{ \"entries\": 5 }", "e.json: $.entries: expected an array, found the number 5"},
            {"{ \"entries\": [ 1 ] }", "e.json: $.entries[0]: expected an object, found the number 1"},
            {"{ \"defaults\": [ { \"table\": \"t\" } ] }", "e.json: $.defaults[0]: needs \"table\" and \"action\""},
            {"{ \"entries\": [] } x", "e.json: not valid JSON: "},
            {"{ \"entries\": [ { \"table\": \"t\",\n \"action\": } ] }", "e.json: not valid JSON: "},
        };
        for (String[] c : cases) {
            var e = assertThrows(DriverException.class, () -> EntriesFile.parse(c[0], "e.json"), c[0]);
            assertTrue(e.getMessage().startsWith(c[1]), c[0] + " -> " + e.getMessage());
            assertTrue(e.getMessage().matches("(?s).*\\(line \\d+, column \\d+\\)\\. Nothing was loaded\\."),
                    e.getMessage());
            assertEquals(DriverException.Kind.BAD_INPUT, e.kind());
        }
        var line = assertThrows(DriverException.class, () -> EntriesFile.parse(
                "{ \"entries\": [\n {},\n { \"table\": \"t\", \"action\": 5, \"priority\": [] } ] }", "e.json"));
        assertTrue(line.getMessage().contains("$.entries[0]: needs"), line.getMessage());
        var third = assertThrows(DriverException.class, () -> EntriesFile.parse(
                "{ \"entries\": [\n{ \"table\": \"t\", \"action\": \"a\" },\n\n{ \"table\": \"t\", \"action\": \"a\","
                        + " \"priority\": [] } ] }", "e.json"));
        assertTrue(third.getMessage().startsWith("e.json: $.entries[1].priority: expected a whole number, found an"
                + " array (line 4, column "), third.getMessage());
    }

    @Test
    void aMissingFileSaysSo() {
        var e = assertThrows(DriverException.class, () -> EntriesFile.read(java.nio.file.Path.of("/nonexistent/e.json")));
        assertEquals(DriverException.Kind.NOT_FOUND, e.kind());
        assertTrue(e.getMessage().startsWith("Cannot read the entries file /nonexistent/e.json"), e.getMessage());
    }
}
