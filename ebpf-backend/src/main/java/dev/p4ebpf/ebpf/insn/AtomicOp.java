package dev.p4ebpf.ebpf.insn;

/**
 * An atomic memory operation: the {@code imm} of a {@code BPF_STX | BPF_ATOMIC} instruction.
 * The {@code FETCH_} forms and XCHG return the old value in the source register; CMPXCHG compares
 * with R0 and returns the old value in R0.
 */
public enum AtomicOp {
    ADD(0x00, "+="),
    OR(0x40, "|="),
    AND(0x50, "&="),
    XOR(0xa0, "^="),
    FETCH_ADD(0x01, "add"),
    FETCH_OR(0x41, "or"),
    FETCH_AND(0x51, "and"),
    FETCH_XOR(0xa1, "xor"),
    XCHG(0xe1, "xchg"),
    CMPXCHG(0xf1, "cmpxchg");

    private final int code;
    private final String mnemonic;

    AtomicOp(int code, String mnemonic) {
        this.code = code;
        this.mnemonic = mnemonic;
    }

    /** The {@code imm} value. */
    public int code() {
        return code;
    }

    /** For the plain forms the operator ({@code +=}), otherwise the operation's name ({@code add}). */
    public String mnemonic() {
        return mnemonic;
    }

    /** True when the old value is written back to a register. */
    public boolean fetches() {
        return (code & 0x01) != 0;
    }

    static AtomicOp of(int code) {
        for (AtomicOp op : values()) {
            if (op.code == code) {
                return op;
            }
        }
        return null;
    }
}
