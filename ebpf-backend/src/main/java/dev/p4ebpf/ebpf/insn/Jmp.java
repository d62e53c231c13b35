package dev.p4ebpf.ebpf.insn;

/**
 * Conditional jumps comparing 64 bits, plus goto, call and exit, as an assembler DSL: {@code Jmp.JEQ.imm(R1, 0, label)} is
 * {@code if r1 == 0 goto label}.
 */
public enum Jmp {
    JEQ(JmpOp.JEQ), JGT(JmpOp.JGT), JGE(JmpOp.JGE), JSET(JmpOp.JSET), JNE(JmpOp.JNE),
    JSGT(JmpOp.JSGT), JSGE(JmpOp.JSGE), JLT(JmpOp.JLT), JLE(JmpOp.JLE), JSLT(JmpOp.JSLT),
    JSLE(JmpOp.JSLE);

    private final JmpOp op;

    Jmp(JmpOp op) {
        this.op = op;
    }

    public JmpOp op() {
        return op;
    }

    /** {@code if dst op imm goto target}. */
    public Insn.Branch imm(Reg dst, int imm, Target target) {
        return new Insn.Branch(false, op, dst, new Imm(imm), target, Meta.NONE);
    }

    /** {@code if dst op src goto target}. */
    public Insn.Branch reg(Reg dst, Reg src, Target target) {
        return new Insn.Branch(false, op, dst, src, target, Meta.NONE);
    }

    /** {@code goto target} (16-bit offset). */
    public static Insn.Goto ja(Target target) {
        return new Insn.Goto(false, target, Meta.NONE);
    }

    /** {@code exit}. */
    public static Insn.Exit exit() {
        return new Insn.Exit(Meta.NONE);
    }
}
