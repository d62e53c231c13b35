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

    /** {@code v} reduced to {@code width} bits. */
    public static SmallBits of(int width, boolean signed, long v) {
        return new SmallBits(width, signed, v & mask(width));
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
    public String toString() {
        return width + (signed ? "s" : "w") + (signed ? Long.toString(signedValue()) : Long.toUnsignedString(bits));
    }
}
