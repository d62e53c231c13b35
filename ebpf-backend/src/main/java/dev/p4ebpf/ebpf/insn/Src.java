package dev.p4ebpf.ebpf.insn;

/**
 * The source operand of an ALU, jump or store instruction: a register ({@code BPF_X}) or a 32-bit
 * immediate ({@code BPF_K}).
 */
public sealed interface Src permits Reg, Imm {
}
