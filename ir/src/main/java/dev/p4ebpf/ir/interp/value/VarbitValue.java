package dev.p4ebpf.ir.interp.value;

import java.math.BigInteger;

/**
 * A {@code varbit<maxWidth>} value: {@code width} bits (0 ≤ width ≤ maxWidth) holding
 * {@code bits}, a non-negative number below 2^width. Two varbits are equal when they have the
 * same width and bits.
 */
public record VarbitValue(int maxWidth, int width, BigInteger bits) implements Value {

    public VarbitValue {
        if (width < 0 || width > maxWidth || bits.signum() < 0 || bits.bitLength() > width) {
            throw new IllegalArgumentException("varbit<" + maxWidth + "> of " + width + " bits: " + bits);
        }
    }

    public static VarbitValue empty(int maxWidth) {
        return new VarbitValue(maxWidth, 0, BigInteger.ZERO);
    }

    @Override
    public Value copy() {
        return this;
    }

    @Override
    public String toString() {
        return "varbit<" + maxWidth + ">(" + width + "w" + bits + ")";
    }
}
