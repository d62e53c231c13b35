package dev.p4ebpf.ebpf.insn;

/**
 * Bytes that are not a valid eBPF instruction sequence: an unknown opcode, a reserved field that
 * is set, a truncated {@code LD_IMM64}, a jump out of the block. Carries the byte offset of the
 * offending instruction and the reason.
 */
public final class DecodeException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int byteOffset;
    private final String reason;

    public DecodeException(int byteOffset, String reason) {
        super(String.format("invalid instruction at byte offset %d (insn %d): %s", byteOffset, byteOffset / 8, reason));
        this.byteOffset = byteOffset;
        this.reason = reason;
    }

    public int byteOffset() {
        return byteOffset;
    }

    public String reason() {
        return reason;
    }
}
