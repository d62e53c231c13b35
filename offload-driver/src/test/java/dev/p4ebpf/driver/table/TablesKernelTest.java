package dev.p4ebpf.driver.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.p4ebpf.driver.DriverException;
import dev.p4ebpf.driver.DriverException.Kind;
import dev.p4ebpf.driver.map.BpfMap;
import dev.p4ebpf.driver.map.MapAttributes;
import dev.p4ebpf.driver.map.MapTypes;
import dev.p4ebpf.driver.sys.Uapi;
import dev.p4ebpf.driver.testutil.KernelFeatures;
import dev.p4ebpf.ebpf.controlplane.ControlPlane;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Table entries through real kernel maps (hash, LPM trie, TSS array-of-maps). Needs root and Linux 5.10. */
class TablesKernelTest {
    private ControlPlane cp;
    private TestMaps maps;
    private Tables tables;

    @BeforeEach
    void maps() throws Exception {
        KernelFeatures.requireRootAndKernel(5, 10, "table entries in BPF maps (batch ops, map-in-map)");
        cp = TestMaps.example();
        maps = new TestMaps(cp);
        tables = new Tables(cp, maps);
    }

    @AfterEach
    void close() {
        if (tables != null) {
            tables.close();
            maps.close();
        }
    }

    private static EntrySpec lpm(String prefix, String mac, String port) {
        return new EntrySpec("ipv4_lpm", Map.of("dstAddr", prefix), "set_nhop", Map.of("dmac", mac, "port", port), null);
    }

    @Test
    void exactEntriesAddModifyDumpDelete() {
        tables.add(new EntrySpec("ingress.mac", Map.of("hdr.ethernet.dstAddr", "00:11:22:33:44:55"), "forward",
                Map.of("port", "7"), null));
        assertEquals(List.of("dstAddr=00:11:22:33:44:55 -> ingress.forward(port=0x7)"),
                tables.dump("ingress.mac").stream().map(DumpedEntry::line).map(l -> l.replace("hdr.ethernet.", ""))
                        .toList());
        var dup = assertThrows(DriverException.class, () -> tables.add(new EntrySpec("ingress.mac",
                Map.of("dstAddr", "00:11:22:33:44:55"), "drop", Map.of(), null)));
        assertEquals(Kind.BAD_INPUT, dup.kind());
        tables.modify(new EntrySpec("ingress.mac", Map.of("dstAddr", "00:11:22:33:44:55"), "drop", Map.of(), null));
        assertEquals("ingress.drop", tables.dump("ingress.mac").getFirst().action());
        assertTrue(tables.delete("ingress.mac", Map.of("dstAddr", "00:11:22:33:44:55"), null));
        assertFalse(tables.delete("ingress.mac", Map.of("dstAddr", "00:11:22:33:44:55"), null));
        var missing = assertThrows(DriverException.class, () -> tables.modify(new EntrySpec("ingress.mac",
                Map.of("dstAddr", "00:11:22:33:44:56"), "drop", Map.of(), null)));
        assertEquals(Kind.NOT_FOUND, missing.kind());
    }

    @Test
    void badEntriesChangeNothing() {
        tables.add(lpm("10.0.0.0/8", "00:00:00:00:00:01", "1"));
        List<String> before = lines("ipv4_lpm");
        List<EntrySpec> bad = List.of(lpm("10.0.0.0/33", "00:00:00:00:00:01", "1"),
                lpm("10.1.0.0/8", "00:00:00:00:00:01", "1"), lpm("192.0.2.0/24", "00:00:00:00:00:01", "65536"),
                lpm("192.0.2.0/24", "00:00:00:00:00:01:02", "1"),
                new EntrySpec("ipv4_lpm", Map.of("dstAddr", "192.0.2.0/24", "colour", "red"), "NoAction", Map.of(), null),
                new EntrySpec("ipv4_lpm", Map.of("dstAddr", "192.0.2.0/24"), "teleport", Map.of(), null),
                new EntrySpec("ipv4_lpm", Map.of("dstAddr", "192.0.2.0/24"), "NoAction", Map.of(), 5));
        for (EntrySpec e : bad) {
            var ex = assertThrows(DriverException.class, () -> tables.add(e), e.toString());
            assertEquals(Kind.BAD_INPUT, ex.kind(), ex.getMessage());
            assertTrue(ex.getMessage().endsWith("Nothing was written."), ex.getMessage());
        }
        assertEquals(before, lines("ipv4_lpm"));
        var port = assertThrows(DriverException.class, () -> tables.add(lpm("192.0.2.0/24", "00:00:00:00:00:01", "65536")));
        assertEquals("Bad value for parameter port (bit<16>) of action set_nhop in table ipv4_lpm: '65536' does not fit"
                + " in bit<16> (0 to 65535). Nothing was written.", port.getMessage());
    }

    @Test
    void lpmEntriesReadBackInP4Terms() {
        tables.add(lpm("10.0.0.0/8", "00:11:22:33:44:55", "3"));
        tables.add(lpm("198.51.100.0/24", "0x0a0b0c0d0e0f", "0x10"));
        List<String> dumped = lines("ipv4_lpm");
        assertTrue(dumped.contains("dstAddr=10.0.0.0/8 -> set_nhop(dmac=00:11:22:33:44:55, port=0x3)"), dumped.toString());
        assertTrue(dumped.contains("dstAddr=198.51.100.0/24 -> set_nhop(dmac=0a:0b:0c:0d:0e:0f, port=0x10)"),
                dumped.toString());
        assertTrue(tables.delete("ipv4_lpm", Map.of("dstAddr", "10.0.0.0/8"), null));
        assertEquals(1, lines("ipv4_lpm").size());
    }

    @Test
    void ternaryAndRangeEntriesUseOneHashMapPerMask() {
        tables.add(new EntrySpec("acl", Map.of("srcAddr", "10.0.0.0&&&0xff000000", "dstPort", "80"), "deny", Map.of(), 10));
        tables.add(new EntrySpec("acl", Map.of("srcAddr", "192.0.2.0&&&0xffffff00", "dstPort", "1024..2047"), "deny",
                Map.of(), 20));
        tables.add(new EntrySpec("acl", Map.of("srcAddr", "*"), "permit", Map.of(), 1));
        List<String> dumped = lines("acl");
        assertEquals(3, dumped.size(), dumped.toString());
        assertTrue(dumped.contains("srcAddr=10.0.0.0&&&0xff000000 dstPort=0x50 priority=10 -> deny()"), dumped.toString());
        assertTrue(dumped.contains("srcAddr=192.0.2.0&&&0xffffff00 dstPort=0x400&&&0xfc00 priority=20 -> deny()"),
                dumped.toString());
        BpfMap masks = maps.map("acl_masks");
        assertEquals(3, usedSlots(masks));
        byte[] first = masks.lookup(new byte[4]).orElseThrow();
        assertEquals(20, ByteBuffer.wrap(first).order(ByteOrder.LITTLE_ENDIAN).getInt(8), "highest priority first");
        var noPriority = assertThrows(DriverException.class,
                () -> tables.add(new EntrySpec("acl", Map.of("srcAddr", "*"), "permit", Map.of(), null)));
        assertEquals(Kind.BAD_INPUT, noPriority.kind());
        assertTrue(tables.delete("acl", Map.of("srcAddr", "192.0.2.0&&&0xffffff00", "dstPort", "1024..2047"), null));
        assertEquals(2, usedSlots(masks));
        try (Tables again = new Tables(cp, maps)) {
            assertEquals(2, again.dump("acl").size(), "state is read back from the kernel");
        }
    }

    @Test
    void entriesDifferingOnlyInPriorityAllStayInTheKernel() {
        Map<String, String> key = Map.of("srcAddr", "192.0.2.0&&&0xffffff00", "dstPort", "80");
        tables.add(new EntrySpec("acl", key, "deny", Map.of(), 10));
        tables.add(new EntrySpec("acl", key, "permit", Map.of(), 30));
        var same = assertThrows(DriverException.class, () -> tables.add(new EntrySpec("acl", key, "deny", Map.of(), 30)));
        assertTrue(same.getMessage().contains("already has an entry with this key, mask and priority 30"), same.getMessage());
        // 1000..1279 expands to 1000..1007, 1008..1023 and 1024..1279; 1024..1279 shares that last record
        tables.add(new EntrySpec("acl", Map.of("srcAddr", "*", "dstPort", "1000..1279"), "deny", Map.of(), 5));
        tables.add(new EntrySpec("acl", Map.of("srcAddr", "*", "dstPort", "1024..1279"), "permit", Map.of(), 7));
        BpfMap masks = maps.map("acl_masks");
        assertEquals(6, usedSlots(masks), "a second hash map for each mask held twice");
        List<String> dumped = lines("acl");
        assertTrue(dumped.contains("srcAddr=192.0.2.0&&&0xffffff00 dstPort=0x50 priority=10 -> deny()"), dumped.toString());
        assertTrue(dumped.contains("srcAddr=192.0.2.0&&&0xffffff00 dstPort=0x50 priority=30 -> permit()"), dumped.toString());
        try (Tables again = new Tables(cp, maps)) {
            assertTrue(again.delete("acl", key, 30), "another process deletes by key and priority");
            assertEquals(List.of("srcAddr=192.0.2.0&&&0xffffff00 dstPort=0x50 priority=10 -> deny()"),
                    again.dump("acl").stream().map(DumpedEntry::line).filter(l -> l.contains("0x50")).toList());
            assertTrue(again.delete("acl", Map.of("srcAddr", "*", "dstPort", "1024..1279"), 7));
            assertFalse(again.delete("acl", Map.of("srcAddr", "*", "dstPort", "1024..1279"), 7));
            assertEquals(4, again.dump("acl").size(), again.dump("acl")::toString);
        }
        assertEquals(4, usedSlots(masks));
    }

    private static int usedSlots(BpfMap masks) {
        int used = 0;
        for (int i = 0; i < masks.info().maxEntries(); i++) {
            byte[] key = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(i).array();
            used += ByteBuffer.wrap(masks.lookup(key).orElseThrow()).order(ByteOrder.LITTLE_ENDIAN).getInt(4);
        }
        return used;
    }

    @Test
    void defaultActionsAndConstDefaults() {
        assertEquals("-> ingress.drop()", tables.defaultAction("ingress.mac").line(),
                "before the control plane sets one, the program's default action is the table's");
        tables.setDefault("ipv4_lpm", "set_nhop", Map.of("dmac", "02:00:00:00:00:01", "port", "9"));
        assertEquals("-> set_nhop(dmac=02:00:00:00:00:01, port=0x9)", tables.defaultAction("ipv4_lpm").line());
        var constant = assertThrows(DriverException.class, () -> tables.setDefault("acl", "deny", Map.of()));
        assertTrue(constant.getMessage().contains("const default action"), constant.getMessage());
    }

    @Test
    void bulkLoadUsesBatchesAndABadEntryLoadsNothing() {
        List<EntrySpec> entries = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            entries.add(lpm("10." + (i >> 8) + "." + (i & 255) + ".0/24", "00:00:00:00:00:01", Integer.toString(i)));
        }
        List<EntrySpec> withBad = new ArrayList<>(entries);
        withBad.add(lpm("10.200.0.0/16", "00:00:00:00:00:01", "70000"));
        var bad = assertThrows(DriverException.class, () -> new BulkLoader(tables).load(withBad, List.of()));
        assertTrue(bad.getMessage().startsWith("Entry 1001 (table ipv4_lpm): "), bad.getMessage());
        assertEquals(0, lines("ipv4_lpm").size());
        BulkLoader.Result r = new BulkLoader(tables).load(entries,
                List.of(new DefaultSpec("ipv4_lpm", "set_nhop", Map.of("dmac", "0", "port", "1"))));
        assertEquals(1000, r.entries());
        assertEquals(1, r.batchCalls());
        assertEquals(1000, lines("ipv4_lpm").size());
        var again = assertThrows(DriverException.class, () -> new BulkLoader(tables).load(entries.subList(0, 1), List.of()));
        assertEquals(Kind.BAD_INPUT, again.kind());
    }

    @Test
    void bulkLoadIsUndoneWhenTheKernelRefusesPartOfIt() {
        int readOnly = 8; // BPF_F_RDONLY: user space may not write
        try (BpfMap frozenDefault = BpfMap.create(MapAttributes.of("lpm_def_ro", Uapi.BPF_MAP_TYPE_ARRAY, 4, 12, 1,
                readOnly)); Tables t = new Tables(cp, name -> name.equals("ipv4_lpm_def") ? frozenDefault : maps.map(name))) {
            List<EntrySpec> entries = List.of(lpm("10.0.0.0/8", "0", "1"), lpm("10.1.0.0/16", "0", "2"));
            var e = assertThrows(DriverException.class, () -> new BulkLoader(t).load(entries,
                    List.of(new DefaultSpec("ipv4_lpm", "NoAction", Map.of()))));
            assertTrue(e.getMessage().contains("The load was undone"), e.getMessage());
            assertEquals(0, t.dump("ipv4_lpm").size());
        }
    }

    @Test
    void aFullTableSaysSoAndKeepsItsEntries() {
        try (BpfMap small = BpfMap.create(MapAttributes.of("mac_small", Uapi.BPF_MAP_TYPE_HASH, 8, 8, 2, 0));
                Tables t = new Tables(cp, name -> name.equals("mac") ? small : maps.map(name))) {
            t.add(new EntrySpec("mac", Map.of("dstAddr", "1"), "drop", Map.of(), null));
            t.add(new EntrySpec("mac", Map.of("dstAddr", "2"), "drop", Map.of(), null));
            var full = assertThrows(DriverException.class,
                    () -> t.add(new EntrySpec("mac", Map.of("dstAddr", "3"), "drop", Map.of(), null)));
            assertEquals(Kind.MAP_FULL, full.kind());
            assertTrue(full.getMessage().startsWith("The hash map mac_small is full: it holds at most 2 entries"),
                    full.getMessage());
            var bulkFull = assertThrows(DriverException.class, () -> new BulkLoader(t).load(
                    List.of(new EntrySpec("mac", Map.of("dstAddr", "4"), "drop", Map.of(), null)), List.of()));
            assertEquals(Kind.MAP_FULL, bulkFull.kind());
            assertEquals(2, t.dump("mac").size());
        }
    }

    @Test
    void perCpuCountersAreSummedAndReset() {
        BpfMap map = maps.map("pkts");
        int cpus = MapTypes.possibleCpus();
        ByteBuffer value = ByteBuffer.allocate(16 * cpus).order(ByteOrder.LITTLE_ENDIAN);
        for (int cpu = 0; cpu < cpus; cpu++) {
            value.putLong(cpu * 16, 3).putLong(cpu * 16 + 8, 100);
        }
        map.update(new byte[] {5, 0, 0, 0}, value.array(), Uapi.BPF_ANY);
        Counters counters = new Counters(cp, maps);
        Counters.Value five = counters.read("pkts").get(5);
        assertEquals(new Counters.Value(5, 3L * cpus, 100L * cpus), five);
        counters.reset("pkts");
        assertTrue(counters.read("pkts").stream().allMatch(v -> v.packets() == 0 && v.bytes() == 0));
    }

    /** Entries of several chunks, so that they are checked on every core and merged across chunk boundaries. */
    private static List<EntrySpec> routes(int n) {
        List<EntrySpec> entries = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            entries.add(lpm("10." + (i >> 8 & 255) + "." + (i & 255) + ".0/24", "02:00:00:00:00:0" + (i % 10),
                    Integer.toString(i & 0xffff)));
        }
        return entries;
    }

    private static String json(List<EntrySpec> entries, String last) {
        StringBuilder b = new StringBuilder("{ \"entries\": [\n");
        for (EntrySpec e : entries) {
            b.append("  { \"table\": \"").append(e.table()).append("\", \"key\": { \"dstAddr\": \"")
                    .append(e.key().get("dstAddr")).append("\" }, \"action\": \"").append(e.action())
                    .append("\", \"args\": { \"dmac\": \"").append(e.args().get("dmac")).append("\", \"port\": ")
                    .append(e.args().get("port")).append(" } },\n");
        }
        return b.append(last).append("\n],\n\"defaults\": [ { \"table\": \"ipv4_lpm\", \"action\": \"set_nhop\","
                + " \"args\": { \"dmac\": \"0\", \"port\": \"9\" } } ] }\n").toString();
    }

    @Test
    void aLargeFileIsReadAsItIsCheckedAndAMistakeAtItsEndLoadsNothing() throws Exception {
        List<EntrySpec> entries = routes(30_000);
        java.nio.file.Path file = java.nio.file.Files.createTempFile("entries", ".json");
        try {
            String good = "  { \"table\": \"ipv4_lpm\", \"key\": { \"dstAddr\": \"192.0.2.0/24\" },"
                    + " \"action\": \"NoAction\" }";
            java.nio.file.Files.writeString(file, json(entries, good.replace("192.0.2.0/24", "192.0.2.1/24")));
            var bad = assertThrows(DriverException.class, () -> tables.load(file));
            assertTrue(bad.getMessage().startsWith("Entry 30001 (table ipv4_lpm): Bad value for key field dstAddr"),
                    bad.getMessage());
            java.nio.file.Files.writeString(file, json(entries, good.replace("}", "").replace("{ \"dstAddr\"",
                    "{ \"dstAddr\" }")));
            var broken = assertThrows(DriverException.class, () -> tables.load(file));
            assertTrue(broken.getMessage().contains("not valid JSON"), broken.getMessage());
            assertEquals(0, lines("ipv4_lpm").size());
            assertEquals("-> NoAction()", tables.defaultAction("ipv4_lpm").line());

            java.nio.file.Files.writeString(file, json(entries, good));
            BulkLoader.Result r = tables.load(file);
            assertEquals(new BulkLoader.Result(30_001, 1, 1), r);
            List<String> dumped = lines("ipv4_lpm");
            assertEquals(30_001, dumped.size());
            assertTrue(dumped.contains("dstAddr=10.117.47.0/24 -> set_nhop(dmac=02:00:00:00:00:09, port=0x752f)"),
                    dumped.subList(0, 3).toString());
            assertTrue(dumped.contains("dstAddr=192.0.2.0/24 -> NoAction()"));
            assertEquals("-> set_nhop(dmac=00:00:00:00:00:00, port=0x9)", tables.defaultAction("ipv4_lpm").line());
        } finally {
            java.nio.file.Files.delete(file);
        }
    }

    @Test
    void theFirstMistakeInLoadOrderIsTheOneReported() {
        List<EntrySpec> entries = new ArrayList<>(routes(20_000));
        entries.set(15_000, entries.get(7));
        var duplicate = assertThrows(DriverException.class, () -> tables.load(entries, List.of()));
        assertEquals("Entry 15001: table ipv4_lpm gets two entries with the same key (dstAddr=10.0.7.0/24). Nothing"
                + " was written.", duplicate.getMessage());
        entries.set(18_000, lpm("10.0.0.0/33", "0", "0"));
        var stillDuplicate = assertThrows(DriverException.class, () -> tables.load(entries, List.of()));
        assertEquals(duplicate.getMessage(), stillDuplicate.getMessage());
        entries.set(9_000, lpm("10.0.0.0/8", "0", "-1"));
        var value = assertThrows(DriverException.class, () -> tables.load(entries, List.of()));
        assertTrue(value.getMessage().startsWith("Entry 9001 (table ipv4_lpm): Bad value for parameter port"),
                value.getMessage());
        assertEquals(0, lines("ipv4_lpm").size());
    }

    /** Every 40th entry ternary, the others LPM and exact; {@code base} picks keys that earlier calls did not use. */
    private static List<EntrySpec> mixed(int n, int base) {
        List<EntrySpec> entries = new ArrayList<>();
        for (int i = base; i < base + n; i++) {
            entries.add(i % 40 == 0 ? new EntrySpec("acl", Map.of("srcAddr", "10." + (i >> 8 & 255) + "." + (i & 255)
                    + ".0&&&0xffffff00"), "deny", Map.of(), i)
                    : i % 2 == 0 ? lpm("172." + (16 + (i >> 16)) + "." + (i >> 8 & 255) + "." + (i & 255) + "/32",
                            "0a:0b:0c:0d:0e:0f", Integer.toString(i & 0xffff))
                    : new EntrySpec("mac", Map.of("dstAddr", Integer.toString(i)), "forward",
                            Map.of("port", Integer.toString(i)), null));
        }
        return entries;
    }

    @Test
    void aBulkLoadMixesTablesAcrossChunksAndIsUndoneAsAWhole() {
        try (BpfMap bigMac = BpfMap.create(MapAttributes.of("mac_big", Uapi.BPF_MAP_TYPE_HASH, 8, 8, 16_384, 0));
                Tables t = new Tables(cp, name -> name.equals("mac") ? bigMac : maps.map(name))) {
            BulkLoader.Result r = t.load(mixed(9_000, 0), List.of());
            assertEquals(new BulkLoader.Result(9_000, 0, 2), r);
            assertEquals(4_275, t.dump("ipv4_lpm").size());
            assertEquals(4_500, t.dump("mac").size());
            assertEquals(225, t.dump("acl").size());
            assertTrue(t.dump("mac").stream().anyMatch(d -> d.line().equals("hdr.ethernet.dstAddr=00:00:00:00:22:27"
                    + " -> ingress.forward(port=0x2227)")), t.dump("mac").getFirst().line());
            // 250 more ternary entries overflow the 256 a mask may hold: everything of this load is taken back.
            var full = assertThrows(DriverException.class, () -> t.load(mixed(10_000, 100_000), List.of()));
            assertEquals(Kind.MAP_FULL, full.kind(), full.getMessage());
            assertTrue(full.getMessage().endsWith("The load was undone: the tables are as they were before it."),
                    full.getMessage());
            assertEquals(4_275, t.dump("ipv4_lpm").size());
            assertEquals(4_500, t.dump("mac").size());
            assertEquals(225, t.dump("acl").size());
        }
    }

    private List<String> lines(String table) {
        return tables.dump(table).stream().map(DumpedEntry::line).toList();
    }
}
