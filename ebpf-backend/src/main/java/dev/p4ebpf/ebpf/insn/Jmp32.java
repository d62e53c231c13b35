package dev.p4ebpf.ebpf.insn;

/**
 * Conditional jumps comparing the low 32 bits (JMP32 class), plus gotol, as an assembler DSL: {@code Jmp32.JEQ.imm(R1, 0, label)} is
 * {@code if w1 == 0 goto label}.
 */
public enum Jmp32 {
    JEQ(JmpOp.JEQ), JGT(JmpOp.JGT), JGE(JmpOp.JGE), JSET(JmpOp.JSET), JNE(JmpOp.JNE),
    JSGT(JmpOp.JSGT), JSGE(JmpOp.JSGE), JLT(JmpOp.JLT), JLE(JmpOp.JLE), JSLT(JmpOp.JSLT),
    JSLE(JmpOp.JSLE);

    private final JmpOp op;

    Jmp32(JmpOp op) {
        this.op = op;
    }

    public JmpOp op() {
        return op;
    }

    /** {@code if dst op imm goto target}. */
    public Insn.Branch imm(Reg dst, int imm, Target target) {
        return new Insn.Branch(true, op, dst, new Imm(imm), target, Meta.NONE);
    }

    /** {@code if dst op src goto target}. */
    public Insn.Branch reg(Reg dst, Reg src, Target target) {
        return new Insn.Branch(true, op, dst, src, target, Meta.NONE);
    }

    /** {@code gotol target} (v4, 32-bit offset). */
    public static Insn.Goto ja(Target target) {
        return new Insn.Goto(true, target, Meta.NONE);
    }
}
