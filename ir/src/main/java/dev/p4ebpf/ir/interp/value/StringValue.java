package dev.p4ebpf.ir.interp.value;

/** A {@code string} (arguments of {@code log_msg} and the like). */
public record StringValue(String value) implements Value {
    @Override
    public Value copy() {
        return this;
    }

    @Override
    public String toString() {
        return '"' + value + '"';
    }
}
