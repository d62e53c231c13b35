package dev.p4ebpf.ir.interp.value;

import java.math.BigInteger;

/** An {@code int}: an arbitrary-precision integer (compile-time values, constructor arguments, indices). */
public record IntValue(BigInteger value) implements Value {

    public static IntValue of(long v) {
        return new IntValue(BigInteger.valueOf(v));
    }

    @Override
    public Value copy() {
        return this;
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
