package dev.p4ebpf.ebpf.insn;

/**
 * An ALU operation: the {@code BPF_OP} nibble plus, for the ISA v4 signed division and
 * sign-extending moves, the value of the {@code off} field that selects them.
 */
public enum AluOp {
    ADD(0x00, 0, "+="),
    SUB(0x10, 0, "-="),
    MUL(0x20, 0, "*="),
    DIV(0x30, 0, "/="),
    /** Signed division (v4): DIV with {@code off = 1}. */
    SDIV(0x30, 1, "s/="),
    OR(0x40, 0, "|="),
    AND(0x50, 0, "&="),
    LSH(0x60, 0, "<<="),
    RSH(0x70, 0, ">>="),
    /** {@code dst = -dst}; takes no source. */
    NEG(0x80, 0, "= -"),
    MOD(0x90, 0, "%="),
    /** Signed modulo (v4): MOD with {@code off = 1}. */
    SMOD(0x90, 1, "s%="),
    XOR(0xa0, 0, "^="),
    MOV(0xb0, 0, "="),
    /** Sign-extending move from the low 8 bits (v4): MOV with {@code off = 8}; register source only. */
    MOVSX8(0xb0, 8, "="),
    /** Sign-extending move from the low 16 bits (v4): MOV with {@code off = 16}. */
    MOVSX16(0xb0, 16, "="),
    /** Sign-extending move from the low 32 bits (v4, ALU64 only): MOV with {@code off = 32}. */
    MOVSX32(0xb0, 32, "="),
    ARSH(0xc0, 0, "s>>=");

    private final int code;
    private final int off;
    private final String operator;

    AluOp(int code, int off, String operator) {
        this.code = code;
        this.off = off;
        this.operator = operator;
    }

    /** The {@code BPF_OP} bits. */
    public int code() {
        return code;
    }

    /** The {@code off} field this operation needs (0 except for the v4 variants). */
    public int off() {
        return off;
    }

    /** The operator llvm prints, e.g. {@code +=}. */
    public String operator() {
        return operator;
    }

    /** True for MOVSX8/16/32. */
    public boolean signExtendingMove() {
        return code == 0xb0 && off != 0;
    }

    /** The operation encoded by {@code code} and {@code off}, or null if there is none. */
    static AluOp of(int code, int off) {
        for (AluOp op : values()) {
            if (op.code == code && op.off == off) {
                return op;
            }
        }
        return null;
    }
}
