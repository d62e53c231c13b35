package dev.p4ebpf.ebpf.insn;

/**
 * The byte-order conversions of {@code BPF_END}: to little or big endian (ALU class, the source
 * bit selects the order) and the unconditional byte swap of ISA v4 (ALU64 class, source bit 0).
 */
public enum ByteOrder {
    /** {@code BPF_ALU | BPF_END | BPF_TO_LE}: a no-op on little-endian hosts except for truncation. */
    LE("le"),
    /** {@code BPF_ALU | BPF_END | BPF_TO_BE}. */
    BE("be"),
    /** {@code BPF_ALU64 | BPF_END | BPF_TO_LE} (v4): swap unconditionally. */
    BSWAP("bswap");

    private final String mnemonic;

    ByteOrder(String mnemonic) {
        this.mnemonic = mnemonic;
    }

    public String mnemonic() {
        return mnemonic;
    }
}
