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
}
