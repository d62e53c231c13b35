package dev.p4ebpf.ebpf.insn;

/**
 * The 32-bit ALU operations as an assembler DSL: {@code Alu.ADD.imm(R1, 22)} is
 * {@code w1 += 22}, {@code Alu.MOV.reg(R6, R1)} is {@code w6 = w1}.
 */
public enum Alu {
    ADD(AluOp.ADD), SUB(AluOp.SUB), MUL(AluOp.MUL), DIV(AluOp.DIV), SDIV(AluOp.SDIV),
    OR(AluOp.OR), AND(AluOp.AND), LSH(AluOp.LSH), RSH(AluOp.RSH), MOD(AluOp.MOD), SMOD(AluOp.SMOD),
    XOR(AluOp.XOR), MOV(AluOp.MOV), ARSH(AluOp.ARSH);

    private final AluOp op;

    Alu(AluOp op) {
        this.op = op;
    }

    public AluOp op() {
        return op;
    }

    /** {@code dst op= imm}. */
    public Insn.Arith imm(Reg dst, int imm) {
        return new Insn.Arith(false, op, dst, new Imm(imm), Meta.NONE);
    }

    /** {@code dst op= src}. */
    public Insn.Arith reg(Reg dst, Reg src) {
        return new Insn.Arith(false, op, dst, src, Meta.NONE);
    }

    /** {@code dst = -dst}. */
    public static Insn.Arith neg(Reg dst) {
        return new Insn.Arith(false, AluOp.NEG, dst, new Imm(0), Meta.NONE);
    }

    /** {@code dst = (s8) src} (v4). */
    public static Insn.Arith movsx8(Reg dst, Reg src) {
        return new Insn.Arith(false, AluOp.MOVSX8, dst, src, Meta.NONE);
    }

    /** {@code dst = (s16) src} (v4). */
    public static Insn.Arith movsx16(Reg dst, Reg src) {
        return new Insn.Arith(false, AluOp.MOVSX16, dst, src, Meta.NONE);
    }

    /** {@code dst = be16/32/64 dst}: convert to big endian (network order). */
    public static Insn.Endian be(Reg dst, int bits) {
        return new Insn.Endian(ByteOrder.BE, bits, dst, Meta.NONE);
    }

    /** {@code dst = le16/32/64 dst}: convert to little endian. */
    public static Insn.Endian le(Reg dst, int bits) {
        return new Insn.Endian(ByteOrder.LE, bits, dst, Meta.NONE);
    }
}
