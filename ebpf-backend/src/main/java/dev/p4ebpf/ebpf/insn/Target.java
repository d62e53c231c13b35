package dev.p4ebpf.ebpf.insn;

/**
 * Where a jump, a local call or a function-pointer load goes: a symbolic {@link Label} resolved by
 * the encoder, or a raw {@link Offset} in instruction slots (what the decoder produces).
 */
public sealed interface Target permits Label, Offset {
}
