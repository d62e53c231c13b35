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
