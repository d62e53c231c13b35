package dev.p4ebpf.driver.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.p4ebpf.ebpf.controlplane.MatchKind;
import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class P4ValueTest {
    private static BigInteger v(String text, int width) throws P4Value.BadValue {
        return P4Value.parse(text, width);
    }

    @Test
    void acceptsEveryP4Form() throws Exception {
        assertEquals(BigInteger.valueOf(42), v("42", 8));
        assertEquals(BigInteger.valueOf(42), v("0x2A", 8));
        assertEquals(BigInteger.valueOf(42), v("0b101010", 8));
        assertEquals(BigInteger.valueOf(42), v("0o52", 8));
        assertEquals(BigInteger.valueOf(42), v("8w42", 8));
        assertEquals(BigInteger.valueOf(42), v("16w0x2a", 16));
        assertEquals(BigInteger.valueOf(1_000_000), v("1_000_000", 32));
        assertEquals(new BigInteger("001122334455", 16), v("00:11:22:33:44:55", 48));
        assertEquals(BigInteger.valueOf(0x0a000001L), v("10.0.0.1", 32));
        assertEquals(new BigInteger("20010db8000000000000000000000001", 16), v("2001:db8::1", 128));
        assertEquals(BigInteger.ONE, v("::1", 128));
    }

    @Test
    void refusesValuesThatDoNotFit() {
        var e = assertThrows(P4Value.BadValue.class, () -> v("256", 8));
        assertEquals("'256' does not fit in bit<8> (0 to 255)", e.getMessage());
        assertThrows(P4Value.BadValue.class, () -> v("10.0.0.256", 32));
        assertThrows(P4Value.BadValue.class, () -> v("ten", 32));
        assertThrows(P4Value.BadValue.class, () -> v("1:2::3::4", 128));
        assertThrows(P4Value.BadValue.class, () -> v("-1", 8));
        assertThrows(P4Value.BadValue.class, () -> v("4w16", 8));
    }

    /** Whatever the allocation-free shortcut reads, the general parser reads as the same number. */
    @Test
    void theShortcutReadsWhatTheGeneralParserReads() throws Exception {
        long seed = 20261203L;
        System.out.println("theShortcutReadsWhatTheGeneralParserReads seed " + seed);
        Random random = new Random(seed);
        String alphabet = "0123456789abcdefABCDEFxXobw:._/ -+g";
        int read = 0;
        for (int trial = 0; trial < 200_000; trial++) {
            String text = trial % 2 == 0 ? shaped(random) : randomText(random, alphabet);
            String padded = "1x" + text + ":9";
            long v = P4Value.simple(padded, 2, 2 + text.length());
            assertEquals(v, P4Value.simple(text, 0, text.length()), text);
            if (v >= 0) {
                read++;
                assertEquals(BigInteger.valueOf(v), P4Value.parse(text), text);
            }
        }
        System.out.println("shortcut read " + read + " of 200000");
        assertTrue(read > 40_000, read + " read");
    }

    /** Text in the shape of a number, address or MAC, often slightly wrong. */
    private static String shaped(Random r) {
        StringBuilder b = new StringBuilder();
        switch (r.nextInt(4)) {
            case 0 -> b.append(r.nextLong() >>> r.nextInt(64));
            case 1 -> b.append("0x").append(Long.toHexString(r.nextLong() >>> r.nextInt(64)));
            case 2 -> {
                for (int i = 0; i < 4; i++) {
                    b.append(i == 0 ? "" : ".").append(r.nextInt(r.nextInt(10) == 0 ? 1000 : 256));
                }
            }
            default -> {
                for (int i = 0; i < 6; i++) {
                    b.append(i == 0 ? "" : ":").append(Integer.toHexString(r.nextInt(r.nextInt(10) == 0 ? 4096 : 256)));
                }
            }
        }
        if (r.nextInt(5) == 0 && !b.isEmpty()) {
            int at = r.nextInt(b.length());
            b.setCharAt(at, "0x.:_ g9Z".charAt(r.nextInt(9)));
        }
        return b.toString();
    }

    private static String randomText(Random r, String alphabet) {
        char[] c = new char[r.nextInt(20)];
        for (int i = 0; i < c.length; i++) {
            c[i] = alphabet.charAt(r.nextInt(alphabet.length()));
        }
        return new String(c);
    }

    @Test
    void theShortcutTakesTheCommonFormsAndLeavesTheRest() {
        assertEquals(42, P4Value.simple("42", 0, 2));
        assertEquals(42, P4Value.simple("0x2A", 0, 4));
        assertEquals(0x0a000001L, P4Value.simple("10.0.0.1", 0, 8));
        assertEquals(0x001122334455L, P4Value.simple("00:11:22:33:44:55", 0, 17));
        assertEquals(0x000102030405L, P4Value.simple("0:1:2:3:4:5", 0, 11));
        for (String other : List.of("0b1", "8w4", "1_0", " 1", "1 ", "+1", "-1", "", "0x", "2001:db8::1",
                "1234567890123456789", "0x1234567890abcdef", "１２", "1.2.3.256", "00:11:22:33:44:555")) {
            assertEquals(-1, P4Value.simple(other, 0, other.length()), other);
        }
    }

    @Test
    void keyFormsByMatchKind() throws Exception {
        assertEquals(new KeyMatch.Prefix(BigInteger.valueOf(0x0a000000L), 8), KeyText.parse("10.0.0.0/8", MatchKind.LPM, 32));
        assertEquals(new KeyMatch.Masked(BigInteger.valueOf(0x0a00), BigInteger.valueOf(0xff00)),
                KeyText.parse("0x0a00&&&0xff00", MatchKind.TERNARY, 16));
        assertEquals(new KeyMatch.Masked(BigInteger.ZERO, BigInteger.ZERO), KeyText.parse("*", MatchKind.TERNARY, 16));
        assertEquals(new KeyMatch.Range(BigInteger.valueOf(80), BigInteger.valueOf(1023)),
                KeyText.parse("80..1023", MatchKind.RANGE, 16));
        var hostBits = assertThrows(P4Value.BadValue.class, () -> KeyText.parse("10.1.0.0/8", MatchKind.LPM, 32));
        assertTrue(hostBits.getMessage().contains("bits set after the first 8"), hostBits.getMessage());
        assertThrows(P4Value.BadValue.class, () -> KeyText.parse("0x0f&&&0xf0", MatchKind.TERNARY, 8));
        assertThrows(P4Value.BadValue.class, () -> KeyText.parse("9..3", MatchKind.RANGE, 8));
        assertThrows(P4Value.BadValue.class, () -> KeyText.parse("1.2.3.4/33", MatchKind.LPM, 32));
    }

    /** Range expansion covers exactly [low, high]: checked point by point on random ranges. */
    @Test
    void rangeExpansionCoversExactlyTheRange() {
        long seed = 20261201L;
        System.out.println("rangeExpansionCoversExactlyTheRange seed " + seed);
        Random random = new Random(seed);
        for (int trial = 0; trial < 200; trial++) {
            int lo = random.nextInt(256);
            int hi = lo + random.nextInt(256 - lo);
            List<BigInteger[]> blocks = EntryCodec.rangeToPrefixes(BigInteger.valueOf(lo), BigInteger.valueOf(hi), 8);
            for (int x = 0; x < 256; x++) {
                int hits = 0;
                for (BigInteger[] b : blocks) {
                    if ((x & b[1].intValue()) == b[0].intValue()) {
                        hits++;
                    }
                }
                assertEquals(x >= lo && x <= hi ? 1 : 0, hits, "range " + lo + ".." + hi + " at " + x);
            }
        }
        assertEquals(1, EntryCodec.rangeToPrefixes(BigInteger.ZERO, BigInteger.valueOf(255), 8).size());
    }

    @Test
    void encodeDecodeRoundTripInBothByteOrders() {
        Random random = new Random(7);
        for (int i = 0; i < 500; i++) {
            int size = 1 + random.nextInt(16);
            BigInteger value = new BigInteger(size * 8, random);
            for (var order : dev.p4ebpf.ebpf.controlplane.Endian.values()) {
                byte[] buf = new byte[size + 3];
                EntryCodec.put(buf, 2, size, order, value);
                assertEquals(value, EntryCodec.get(buf, 2, size, order));
            }
        }
        byte[] b = new byte[4];
        EntryCodec.put(b, 0, 4, dev.p4ebpf.ebpf.controlplane.Endian.BIG, BigInteger.valueOf(0x0a000001L));
        assertEquals(List.of((byte) 10, (byte) 0, (byte) 0, (byte) 1), List.of(b[0], b[1], b[2], b[3]));
    }
}
