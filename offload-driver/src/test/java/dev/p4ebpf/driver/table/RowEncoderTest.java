package dev.p4ebpf.driver.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.p4ebpf.driver.DriverException;
import dev.p4ebpf.ebpf.controlplane.Action;
import dev.p4ebpf.ebpf.controlplane.ActionCall;
import dev.p4ebpf.ebpf.controlplane.ActionParam;
import dev.p4ebpf.ebpf.controlplane.ControlPlane;
import dev.p4ebpf.ebpf.controlplane.Endian;
import dev.p4ebpf.ebpf.controlplane.KeyField;
import dev.p4ebpf.ebpf.controlplane.MatchKind;
import dev.p4ebpf.ebpf.controlplane.Table;
import dev.p4ebpf.ebpf.controlplane.TableMaps;
import dev.p4ebpf.ebpf.controlplane.ValueLayout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The bulk loads' shortcut encoder against the general path: on random entries, right and wrong,
 * whatever {@link RowEncoder} accepts {@link EntryParser} accepts too, with the very bytes
 * {@link EntryCodec} writes; and it does accept the common forms.
 */
class RowEncoderTest {
    /** LPM behind an exact field, an exact hash key of two fields, an array; parameters of every size. */
    static ControlPlane controlPlane() {
        Action route = new Action("ingress.route", "route", 3, List.of(new ActionParam("nh", 24, 4, 3, Endian.LITTLE),
                new ActionParam("mac", 48, 8, 6, Endian.BIG)), Action.Scope.TABLE_AND_DEFAULT);
        Action none = new Action("NoAction", "NoAction", 0, List.of(), Action.Scope.TABLE_AND_DEFAULT);
        Action miss = new Action("ingress.miss", "miss", 4, List.of(), Action.Scope.DEFAULT_ONLY);
        Table fib = new Table("ingress.fib", "fib", List.of(
                new KeyField("meta.vrf", "vrf", 12, MatchKind.EXACT, 4, 2, Endian.BIG),
                new KeyField("hdr.ipv4.dstAddr", "dst", 32, MatchKind.LPM, 6, 4, Endian.BIG)),
                List.of(route, none, miss), 1024, new ActionCall("NoAction", List.of()), false,
                new TableMaps.Lpm("fib", 12, "fib_def"), new ValueLayout(16, 0, -1), List.of(), false);
        Action fwd = new Action("ingress.fwd", "fwd", 1, List.of(new ActionParam("port", 9, 4, 2, Endian.LITTLE),
                new ActionParam("tag", 64, 6, 8, Endian.BIG)), Action.Scope.TABLE_ONLY);
        Action wide = new Action("ingress.wide", "wide", 2, List.of(new ActionParam("x", 128, 14, 16, Endian.BIG)),
                Action.Scope.TABLE_AND_DEFAULT);
        Table hosts = new Table("ingress.hosts", "ingress.hosts", List.of(
                new KeyField("hdr.ethernet.dstAddr", "mac", 48, MatchKind.EXACT, 0, 6, Endian.BIG),
                new KeyField("meta.vlan", "vlan", 12, MatchKind.EXACT, 6, 2, Endian.LITTLE)),
                List.of(fwd, wide), 1024, new ActionCall("ingress.wide", List.of("0")), false,
                new TableMaps.Exact("hosts", "hash", 8, "hosts_def"), new ValueLayout(32, 0, -1), List.of(), false);
        Action set = new Action("ingress.set", "set", 1, List.of(new ActionParam("v", 33, 4, 8, Endian.LITTLE)),
                Action.Scope.TABLE_AND_DEFAULT);
        Table ports = new Table("ingress.ports", "ports", List.of(
                new KeyField("std.ingress_port", "port", 9, MatchKind.EXACT, 0, 4, Endian.LITTLE)),
                List.of(set), 512, new ActionCall("ingress.set", List.of("0")), false,
                new TableMaps.Exact("ports", "array", 4, "ports_def"), new ValueLayout(12, 0, 8), List.of(), false);
        return new ControlPlane(1, "test.p4", "xdp", List.of(fib, hosts, ports), List.of(), List.of(), List.of());
    }

    private static final String[] NUMBERS = {"0", "1", "7", "42", "255", "256", "511", "512", "4095", "4096",
        "16777215", "16777216", "4294967295", "4294967296", "281474976710655", "281474976710656",
        "999999999999999999", "18446744073709551615", "18446744073709551616", "0x0", "0x2a", "0X2A", "0xfff",
        "0x1000", "0xffffffff", "0xffffffffffff", "0x1000000000000", "0xFFFFFFFFFFFFFFF", "0xffffffffffffffff",
        "0b101", "0o17", "8w42", "16w0x2a", "1_000", "-1", "+5", "", " 5", "5 ", "0x", "0xg", "１２", "ten",
        "10.0.0.1", "10.0.0.0", "192.0.2.0", "255.255.255.255", "256.0.0.1", "1.2.3", "1.2.3.4.5", "01.002.3.4",
        "1..2.3", "00:11:22:33:44:55", "0:1:2:3:4:5", "ff:FF:0a:0B:c:D", "00:11:22:33:44", "00:11:22:33:44:55:66",
        "000:11:22:33:44:55", "2001:db8::1", "::1", "::", "00-11-22-33-44-55"};

    private static final String[] PREFIXES = {"", "/0", "/1", "/8", "/16", "/24", "/31", "/32", "/33", "/08",
        "/+8", "/ 8", "/", "/x", "/-1", "/100"};

    private static String number(Random r) {
        return NUMBERS[r.nextInt(NUMBERS.length)];
    }

    /** Mostly a value that fits {@code width} bits, in one of the ways it can be written; else any of {@link #NUMBERS}. */
    private static String value(Random r, int width) {
        if (r.nextInt(10) == 0) {
            return number(r);
        }
        long v = width >= 64 ? r.nextLong() >>> 1 : r.nextLong() & ((1L << width) - 1);
        if (r.nextBoolean()) {
            v >>>= r.nextInt(Math.min(width, 63) + 1);
        }
        return switch (r.nextInt(width == 48 || width == 32 ? 12 : 10)) {
            case 0, 1, 2, 3, 4 -> Long.toString(v);
            case 5, 6, 7 -> "0x" + Long.toHexString(v);
            case 8 -> "0b" + Long.toBinaryString(v);
            case 9 -> width + "w" + v;
            default -> width == 32 ? (v >>> 24) + "." + (v >>> 16 & 255) + "." + (v >>> 8 & 255) + "." + (v & 255)
                    : String.format("%02x:%02x:%02x:%02x:%02x:%02x", v >>> 40, v >>> 32 & 255, v >>> 24 & 255,
                            v >>> 16 & 255, v >>> 8 & 255, v & 255);
        };
    }

    /** A value for the LPM field: often a network address of its prefix, sometimes with host bits. */
    private static String prefixed(Random r) {
        if (r.nextInt(3) > 0) {
            int len = r.nextInt(33);
            long addr = r.nextLong() & 0xffffffffL;
            if (r.nextInt(4) > 0) {
                addr &= len == 0 ? 0 : (0xffffffffL << (32 - len)) & 0xffffffffL;
            }
            String dotted = (addr >>> 24) + "." + (addr >>> 16 & 255) + "." + (addr >>> 8 & 255) + "." + (addr & 255);
            return r.nextInt(8) == 0 ? dotted : dotted + "/" + len;
        }
        return (r.nextBoolean() ? number(r) : value(r, 32)) + PREFIXES[r.nextInt(PREFIXES.length)];
    }

    private static String pick(Random r, String... names) {
        return names[r.nextInt(names.length)];
    }

    private static EntrySpec spec(Random r) {
        Map<String, String> key = new LinkedHashMap<>();
        Map<String, String> args = new LinkedHashMap<>();
        String table;
        String action;
        switch (r.nextInt(3)) {
            case 0 -> {
                table = pick(r, "fib", "ingress.fib", "fib", "nofib");
                key.put(pick(r, "vrf", "vrf", "meta.vrf", "vrf2"), value(r, 12));
                key.put(pick(r, "dst", "dst", "hdr.ipv4.dstAddr", "dstAddr"), prefixed(r));
                action = pick(r, "route", "route", "ingress.route", "NoAction", "miss", "nothing");
                if (action.endsWith("route")) {
                    args.put(pick(r, "nh", "nh", "nh", "#0"), value(r, 24));
                    args.put(pick(r, "mac", "mac", "mac", "#1", "nh"), value(r, 48));
                }
            }
            case 1 -> {
                table = pick(r, "ingress.hosts", "hosts");
                key.put(pick(r, "mac", "mac", "hdr.ethernet.dstAddr", "dstAddr"), value(r, 48));
                key.put(pick(r, "vlan", "vlan", "meta.vlan"), value(r, 12));
                action = pick(r, "fwd", "fwd", "ingress.fwd", "wide");
                args.put(pick(r, "port", "port", "x"), value(r, 9));
                args.put(pick(r, "tag", "tag", "tag", "#1"), value(r, 64));
            }
            default -> {
                table = "ports";
                key.put(pick(r, "port", "port", "std.ingress_port", "ingress_port"), value(r, 9));
                action = pick(r, "set", "ingress.set");
                args.put(pick(r, "v", "v", "#0"), value(r, 33));
            }
        }
        if (r.nextInt(10) == 0) {
            key.remove(key.keySet().iterator().next());
        }
        if (r.nextInt(10) == 0) {
            args.put("extra", "1");
        }
        return new EntrySpec(table, key, action, args, r.nextInt(20) == 0 ? 5 : null);
    }

    @Test
    void acceptsOnlyWhatTheGeneralPathAcceptsWithTheSameBytes() {
        long seed = 20261202L;
        System.out.println("acceptsOnlyWhatTheGeneralPathAcceptsWithTheSameBytes seed " + seed);
        Random random = new Random(seed);
        ControlPlane cp = controlPlane();
        EntryParser parser = new EntryParser(cp);
        int accepted = 0;
        int declined = 0;
        int trials = 100_000;
        for (int trial = 0; trial < trials; trial++) {
            EntrySpec spec = spec(random);
            Table t;
            try {
                t = parser.table(spec.table());
            } catch (DriverException e) {
                continue;
            }
            RowEncoder encoder = RowEncoder.of(t, parser);
            byte[] keys = new byte[40];
            byte[] values = new byte[60];
            random.nextBytes(keys);
            random.nextBytes(values);
            if (!encoder.encode(spec, keys, 3, values, 5)) {
                declined++;
                continue;
            }
            accepted++;
            Entry e;
            try {
                e = parser.entry(spec);
            } catch (DriverException x) {
                fail("the shortcut accepted " + spec + ", which the general path refuses: " + x.getMessage());
                return;
            }
            byte[] key = t.maps() instanceof TableMaps.Lpm ? EntryCodec.lpmKey(t, e.key()) : EntryCodec.exactKey(t, e.key());
            byte[] value = EntryCodec.value(t, e.action(), e.args(), 0);
            assertArrayEquals(key, Arrays.copyOfRange(keys, 3, 3 + key.length), spec.toString());
            assertArrayEquals(value, Arrays.copyOfRange(values, 5, 5 + value.length), spec.toString());
        }
        System.out.println("shortcut took " + accepted + ", declined " + declined);
        assertTrue(accepted > trials / 20 && declined > trials / 20, accepted + " accepted, " + declined + " declined");
    }

    @Test
    void takesTheCommonFormsItself() {
        ControlPlane cp = controlPlane();
        EntryParser parser = new EntryParser(cp);
        List<EntrySpec> common = new ArrayList<>();
        common.add(new EntrySpec("fib", Map.of("vrf", "7", "dst", "10.1.0.0/16"), "route",
                Map.of("nh", "0x10", "mac", "00:11:22:33:44:55"), null));
        common.add(new EntrySpec("fib", Map.of("meta.vrf", "0", "hdr.ipv4.dstAddr", "192.0.2.1"), "NoAction", Map.of(),
                null));
        common.add(new EntrySpec("hosts", Map.of("mac", "0a:0b:0c:0d:0e:0f", "vlan", "4095"), "fwd",
                Map.of("port", "511", "tag", "0xfffffffffffffff"), null));
        common.add(new EntrySpec("ports", Map.of("port", "3"), "set", Map.of("v", "8589934591"), null));
        byte[] keys = new byte[12];
        byte[] values = new byte[32];
        for (EntrySpec spec : common) {
            assertTrue(RowEncoder.of(parser.table(spec.table()), parser).encode(spec, keys, 0, values, 0), spec.toString());
        }
        // Prefix length 32: the exact field's 16 bits (padding included), then 16 of the LPM field.
        assertArrayEquals(new byte[] {32, 0, 0, 0, 0, 7, 10, 1, 0, 0, 0, 0},
                Arrays.copyOf(keysOf(parser, common.getFirst()), 12));
    }

    private static byte[] keysOf(EntryParser parser, EntrySpec spec) {
        byte[] keys = new byte[12];
        RowEncoder.of(parser.table(spec.table()), parser).encode(spec, keys, 0, new byte[32], 0);
        return keys;
    }

    @Test
    void leavesTernaryTablesAndWideFieldsToTheGeneralPath() throws Exception {
        ControlPlane example = TestMaps.example();
        EntryParser parser = new EntryParser(example);
        assertNull(RowEncoder.of(parser.table("acl"), parser));
        ControlPlane cp = controlPlane();
        EntryParser p2 = new EntryParser(cp);
        EntrySpec wide = new EntrySpec("hosts", Map.of("mac", "1", "vlan", "2"), "wide", Map.of("x", "3"), null);
        assertEquals(false, RowEncoder.of(p2.table("hosts"), p2).encode(wide, new byte[8], 0, new byte[32], 0));
    }
}
