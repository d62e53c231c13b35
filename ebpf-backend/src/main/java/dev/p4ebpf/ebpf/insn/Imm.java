package dev.p4ebpf.ebpf.insn;

/** A 32-bit immediate operand. ALU64 and 64-bit jumps sign-extend it to 64 bits. */
public record Imm(int value) implements Src {

    public static Imm of(int value) {
        return new Imm(value);
    }
}
