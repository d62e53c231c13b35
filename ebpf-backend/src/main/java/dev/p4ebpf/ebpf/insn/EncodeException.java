package dev.p4ebpf.ebpf.insn;

/**
 * A block that cannot be encoded: a jump to a label the block does not bind, or a jump too far
 * for its offset field. The message names the instruction index and what to change.
 */
public final class EncodeException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int index;

    public EncodeException(int index, String message) {
        super("instruction " + index + ": " + message);
        this.index = index;
    }

    /** The index of the offending instruction in its block. */
    public int index() {
        return index;
    }
}
