package dev.p4ebpf.ir.interp.value;

/**
 * A run-time object passed where P4 passes an object rather than data: an extern instance, a
 * {@code packet_in} or {@code packet_out}, a parser or control instance given as a
 * directionless argument. Copying shares the object, as P4 does.
 */
public record ObjectValue(Object object) implements Value {
    @Override
    public Value copy() {
        return this;
    }
}
