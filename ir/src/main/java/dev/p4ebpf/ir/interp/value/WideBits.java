package dev.p4ebpf.ir.interp.value;

import java.math.BigInteger;

/**
 * A {@code bit<W>} or {@code int<W>} value with W > 64: {@code bits} is the pattern as a
 * non-negative number below 2^W. Build it with {@link BitsValue#of(int, boolean, BigInteger)}.
 */
public record WideBits(int width, boolean signed, BigInteger bits) implements BitsValue {

    public WideBits {
        if (width <= SMALL_MAX) {
            throw new IllegalArgumentException("WideBits width " + width + " fits a SmallBits");
        }
        if (bits.signum() < 0 || bits.bitLength() > width) {
            throw new IllegalArgumentException("bits " + bits + " outside width " + width);
        }
    }

    @Override
    public BigInteger unsignedValue() {
        return bits;
    }

    @Override
    public long low64() {
        return bits.longValue();
    }

    @Override
    public boolean isZero() {
        return bits.signum() == 0;
    }

    @Override
    public String toString() {
        return width + (signed ? "s" : "w") + toBigInteger();
    }
}
