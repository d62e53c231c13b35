package dev.p4ebpf.ebpf.lir;

/** A virtual register; {@code hint} names what it holds, for dumps and messages. */
public record VReg(int id, String hint) implements Operand {
    @Override
    public String toString() {
        return "%" + id + (hint.isEmpty() ? "" : "." + hint);
    }
}
