package dev.p4ebpf.ebpf.insn;

/** Loads, stores and atomics as an assembler DSL: {@code Mem.ldx(Size.W, R2, R1, 4)}. */
public final class Mem {
    private Mem() {
    }

    /** {@code dst = *(size *)(src + off)}, zero-extended. */
    public static Insn.Load ldx(Size size, Reg dst, Reg src, int off) {
        return new Insn.Load(size, false, dst, src, off, Meta.NONE);
    }

    /** {@code dst = *(s8/s16/s32 *)(src + off)}, sign-extended to 64 bits (v4). */
    public static Insn.Load ldxs(Size size, Reg dst, Reg src, int off) {
        return new Insn.Load(size, true, dst, src, off, Meta.NONE);
    }

    /** {@code *(size *)(dst + off) = src}. */
    public static Insn.Store stx(Size size, Reg dst, int off, Reg src) {
        return new Insn.Store(size, dst, src, off, Meta.NONE);
    }

    /** {@code *(size *)(dst + off) = imm}. */
    public static Insn.Store st(Size size, Reg dst, int off, int imm) {
        return new Insn.Store(size, dst, new Imm(imm), off, Meta.NONE);
    }

    /** An atomic operation on {@code *(size *)(dst + off)} with {@code src} (size W or DW). */
    public static Insn.Atomic atomic(Size size, AtomicOp op, Reg dst, int off, Reg src) {
        return new Insn.Atomic(size, op, dst, src, off, Meta.NONE);
    }

    /** Legacy {@code r0 = *(size *)skb[imm]}. */
    public static Insn.LoadAbs ldAbs(Size size, int imm) {
        return new Insn.LoadAbs(size, imm, Meta.NONE);
    }

    /** Legacy {@code r0 = *(size *)skb[src + imm]}. */
    public static Insn.LoadInd ldInd(Size size, Reg src, int imm) {
        return new Insn.LoadInd(size, src, imm, Meta.NONE);
    }
}
