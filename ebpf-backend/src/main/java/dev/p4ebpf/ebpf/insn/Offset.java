package dev.p4ebpf.ebpf.insn;

/**
 * A raw relative target in instruction slots, counted from the slot after the instruction (as on
 * the wire): {@code goto +0} falls through.
 */
public record Offset(int delta) implements Target {

    public static Offset of(int delta) {
        return new Offset(delta);
    }

    @Override
    public String toString() {
        return (delta < 0 ? "-" : "+") + Math.abs((long) delta);
    }
}
