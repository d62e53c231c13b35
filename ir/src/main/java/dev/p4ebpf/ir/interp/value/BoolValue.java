package dev.p4ebpf.ir.interp.value;

/** A {@code bool}. Use {@link #of} and the two constants. */
public record BoolValue(boolean value) implements Value {
    public static final BoolValue TRUE = new BoolValue(true);
    public static final BoolValue FALSE = new BoolValue(false);

    public static BoolValue of(boolean b) {
        return b ? TRUE : FALSE;
    }

    @Override
    public Value copy() {
        return this;
    }

    @Override
    public String toString() {
        return Boolean.toString(value);
    }
}
