package dev.p4ebpf.ir.interp.value;

import java.math.BigInteger;

/**
 * A {@code bit<W>} or {@code int<W>} value with W ≤ 64: {@code bits} holds the pattern in its low
 * W bits, the bits above are zero. Build it with {@link #of}, which masks.
 */
public record SmallBits(int width, boolean signed, long bits) implements BitsValue {

    public SmallBits {
        if (width < 0 || width > SMALL_MAX) {
            throw new IllegalArgumentException("SmallBits width " + width);
        }
        if ((bits & ~mask(width)) != 0) {
            throw new IllegalArgumentException("bits 0x" + Long.toHexString(bits) + " exceed width " + width);
        }
    }

    /** Values below this are shared for widths up to {@link #CACHED_WIDTH}, the common header fields. */
    private static final int CACHED_VALUES = 256;
    private static final int CACHED_WIDTH = 16;
    private static final SmallBits[][][] CACHE = new SmallBits[2][CACHED_WIDTH + 1][];

    static {
        for (int s = 0; s < 2; s++) {
            for (int w = 0; w <= CACHED_WIDTH; w++) {
                int n = (int) Math.min(CACHED_VALUES, 1L << w);
                CACHE[s][w] = new SmallBits[n];
                for (int v = 0; v < n; v++) {
                    CACHE[s][w][v] = new SmallBits(w, s == 1, v);
                }
            }
        }
    }

    /** {@code v} reduced to {@code width} bits. */
    public static SmallBits of(int width, boolean signed, long v) {
        long bits = v & mask(width);
        if (width <= CACHED_WIDTH && bits < CACHED_VALUES) {
            return CACHE[signed ? 1 : 0][width][(int) bits];
        }
        return new SmallBits(width, signed, bits);
    }

    /** All ones in the low {@code width} bits. */
    public static long mask(int width) {
        return width >= 64 ? -1L : (1L << width) - 1;
    }

    /** The pattern read as a two's complement number of {@code width} bits. */
    public long signedValue() {
        return width == 0 ? 0 : (bits << (64 - width)) >> (64 - width);
    }

    /** The number the value stands for, for widths where it fits a long (all but unsigned 64). */
    public long longValue() {
        return signed ? signedValue() : bits;
    }

    @Override
    public BigInteger unsignedValue() {
        BigInteger b = BigInteger.valueOf(bits);
        return bits < 0 ? b.add(BigInteger.ONE.shiftLeft(64)) : b;
    }

    @Override
    public long low64() {
        return bits;
    }

    @Override
    public boolean isZero() {
        return bits == 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SmallBits b && b.bits == bits && b.width == width && b.signed == signed;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(bits) * 31 + width * 2 + (signed ? 1 : 0);
    }

    @Override
    public String toString() {
        return width + (signed ? "s" : "w") + (signed ? Long.toString(signedValue()) : Long.toUnsignedString(bits));
    }
}
