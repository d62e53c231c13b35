package dev.p4ebpf.ir.interp.value;

import java.math.BigInteger;

/**
 * A value of {@code bit<W>} or {@code int<W>}. The bits are kept as an unsigned pattern of
 * {@code width} bits; {@code signed} says how to read it. Values of up to 64 bits are
 * {@link SmallBits} (a {@code long}), wider ones {@link WideBits} (a {@link BigInteger}); the
 * factories choose, so that a given width always has the same representation and equal values
 * are equal records. The operations are in {@link BitsArith}.
 */
public sealed interface BitsValue extends Value permits SmallBits, WideBits {

    /** Widths up to this many bits are held in a {@code long}. */
    int SMALL_MAX = 64;

    int width();

    boolean signed();

    /** The bit pattern as a non-negative number below 2^width. */
    BigInteger unsignedValue();

    /** The number the bits stand for: {@link #unsignedValue()}, or two's complement when signed. */
    default BigInteger toBigInteger() {
        BigInteger u = unsignedValue();
        if (signed() && width() > 0 && u.testBit(width() - 1)) {
            return u.subtract(BigInteger.ONE.shiftLeft(width()));
        }
        return u;
    }

    /** The low 64 bits of the pattern (all of it for widths up to 64). */
    long low64();

    /** Whether every bit is zero. */
    boolean isZero();

    @Override
    default Value copy() {
        return this;
    }

    /** The value {@code v} reduced modulo 2^width (two's complement wrap-around). */
    static BitsValue of(int width, boolean signed, BigInteger v) {
        if (width <= SMALL_MAX) {
            return SmallBits.of(width, signed, v.longValue());
        }
        BigInteger modulus = BigInteger.ONE.shiftLeft(width);
        BigInteger u = v.signum() >= 0 && v.bitLength() <= width ? v : v.mod(modulus);
        return new WideBits(width, signed, u);
    }

    /** The value {@code v} (read as a signed long) reduced modulo 2^width. */
    static BitsValue of(int width, boolean signed, long v) {
        if (width <= SMALL_MAX) {
            return SmallBits.of(width, signed, v);
        }
        return of(width, signed, BigInteger.valueOf(v));
    }

    /** Zero of the given type. */
    static BitsValue zero(int width, boolean signed) {
        return of(width, signed, 0L);
    }
}
