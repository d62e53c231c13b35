package dev.p4ebpf.ebpf.insn;

/** A conditional jump's comparison: the {@code BPF_OP} nibble of a JMP/JMP32 instruction. */
public enum JmpOp {
    JEQ(0x10, "=="),
    JGT(0x20, ">"),
    JGE(0x30, ">="),
    JSET(0x40, "&"),
    JNE(0x50, "!="),
    JSGT(0x60, "s>"),
    JSGE(0x70, "s>="),
    JLT(0xa0, "<"),
    JLE(0xb0, "<="),
    JSLT(0xc0, "s<"),
    JSLE(0xd0, "s<=");

    private final int code;
    private final String operator;

    JmpOp(int code, String operator) {
        this.code = code;
        this.operator = operator;
    }

    public int code() {
        return code;
    }

    /** The comparison llvm prints, e.g. {@code s>=}. */
    public String operator() {
        return operator;
    }

    static JmpOp of(int code) {
        for (JmpOp op : values()) {
            if (op.code == code) {
                return op;
            }
        }
        return null;
    }
}
