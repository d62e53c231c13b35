package dev.p4ebpf.ebpf.insn;

/**
 * The 64-bit ALU operations as an assembler DSL: {@code Alu64.ADD.imm(R1, 22)} is
 * {@code r1 += 22}, {@code Alu64.MOV.reg(R6, R1)} is {@code r6 = r1}.
 */
public enum Alu64 {
    ADD(AluOp.ADD), SUB(AluOp.SUB), MUL(AluOp.MUL), DIV(AluOp.DIV), SDIV(AluOp.SDIV),
    OR(AluOp.OR), AND(AluOp.AND), LSH(AluOp.LSH), RSH(AluOp.RSH), MOD(AluOp.MOD), SMOD(AluOp.SMOD),
    XOR(AluOp.XOR), MOV(AluOp.MOV), ARSH(AluOp.ARSH);

    private final AluOp op;

    Alu64(AluOp op) {
        this.op = op;
    }

    public AluOp op() {
        return op;
    }

    /** {@code dst op= imm}. */
    public Insn.Arith imm(Reg dst, int imm) {
        return new Insn.Arith(true, op, dst, new Imm(imm), Meta.NONE);
    }

    /** {@code dst op= src}. */
    public Insn.Arith reg(Reg dst, Reg src) {
        return new Insn.Arith(true, op, dst, src, Meta.NONE);
    }

    /** {@code dst = -dst}. */
    public static Insn.Arith neg(Reg dst) {
        return new Insn.Arith(true, AluOp.NEG, dst, new Imm(0), Meta.NONE);
    }

    /** {@code dst = (s8) src} (v4). */
    public static Insn.Arith movsx8(Reg dst, Reg src) {
        return new Insn.Arith(true, AluOp.MOVSX8, dst, src, Meta.NONE);
    }

    /** {@code dst = (s16) src} (v4). */
    public static Insn.Arith movsx16(Reg dst, Reg src) {
        return new Insn.Arith(true, AluOp.MOVSX16, dst, src, Meta.NONE);
    }

    /** {@code dst = (s32) src} (v4). */
    public static Insn.Arith movsx32(Reg dst, Reg src) {
        return new Insn.Arith(true, AluOp.MOVSX32, dst, src, Meta.NONE);
    }

    /** {@code dst = bswap16/32/64 dst} (v4): unconditional byte swap. */
    public static Insn.Endian bswap(Reg dst, int bits) {
        return new Insn.Endian(ByteOrder.BSWAP, bits, dst, Meta.NONE);
    }
}
