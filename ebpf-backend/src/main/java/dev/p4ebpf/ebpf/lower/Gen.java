package dev.p4ebpf.ebpf.lower;

import dev.p4ebpf.ebpf.insn.AluOp;
import dev.p4ebpf.ebpf.insn.Helper;
import dev.p4ebpf.ebpf.insn.JmpOp;
import dev.p4ebpf.ebpf.insn.Size;
import dev.p4ebpf.ebpf.lir.LBuilder;
import dev.p4ebpf.ebpf.lir.LInsn;
import dev.p4ebpf.ebpf.lir.Operand;
import dev.p4ebpf.ebpf.lir.StackSlot;
import dev.p4ebpf.ebpf.lir.VReg;
import dev.p4ebpf.ir.diag.Span;
import java.util.List;
import java.util.Optional;

/**
 * Emission helpers over an {@link LBuilder} for the lowering: small operations that return the
 * register they define, so that lowering code reads like the computation it performs.
 */
final class Gen {
    final LBuilder b;

    Gen(LBuilder b) {
        this.b = b;
    }

    VReg reg(String hint) {
        return b.reg(hint);
    }

    VReg imm(long v, Span at) {
        VReg r = b.reg("k");
        b.emit(new LInsn.Mov(r, Operand.imm(v), at));
        return r;
    }

    VReg mov(VReg src, String hint, Span at) {
        VReg r = b.reg(hint);
        b.emit(new LInsn.Mov(r, src, at));
        return r;
    }

    void set(VReg dst, Operand src, Span at) {
        b.emit(new LInsn.Mov(dst, src, at));
    }

    VReg alu(AluOp op, VReg a, Operand c, Span at) {
        VReg r = b.reg("t");
        b.emit(new LInsn.Alu(op, false, r, a, c, at));
        return r;
    }

    VReg alu32(AluOp op, VReg a, Operand c, Span at) {
        VReg r = b.reg("t");
        b.emit(new LInsn.Alu(op, true, r, a, c, at));
        return r;
    }

    VReg alu(AluOp op, VReg a, long c, Span at) {
        return alu(op, a, Operand.imm(c), at);
    }

    /** {@code v} reduced to its low {@code width} bits. */
    VReg truncate(VReg v, int width, Span at) {
        if (width >= 64) {
            return v;
        }
        if (width == 32) {
            return alu32(AluOp.OR, v, Operand.imm(0), at);
        }
        if (width < 32) {
            return alu(AluOp.AND, v, Scalars.mask(width), at);
        }
        VReg m = imm(Scalars.mask(width), at);
        return alu(AluOp.AND, v, m, at);
    }

    /** {@code v}'s low {@code width} bits sign-extended to 64. */
    VReg signExtend(VReg v, int width, Span at) {
        if (width >= 64) {
            return v;
        }
        if (width == 8 || width == 16 || width == 32) {
            VReg r = b.reg("sx");
            b.emit(new LInsn.SignExtend(width, r, v, at));
            return r;
        }
        VReg up = alu(AluOp.LSH, v, 64 - width, at);
        return alu(AluOp.ARSH, up, 64 - width, at);
    }

    VReg load(Size size, VReg base, int offset, Span at) {
        VReg r = b.reg("ld");
        b.emit(new LInsn.Load(size, r, base, offset, at));
        return r;
    }

    void store(Size size, VReg base, int offset, Operand v, Span at) {
        b.emit(new LInsn.Store(size, base, offset, v, at));
    }

    VReg swap(int bits, VReg v, Span at) {
        VReg r = b.reg("be");
        b.emit(new LInsn.ByteSwap(bits, r, v, at));
        return r;
    }

    VReg stackAddr(StackSlot s, int offset, Span at) {
        VReg r = b.reg("sp");
        b.emit(new LInsn.StackAddr(r, s, offset, at));
        return r;
    }

    VReg map(String name, Span at) {
        VReg r = b.reg("map");
        b.emit(new LInsn.LoadMap(r, name, at));
        return r;
    }

    VReg call(Helper h, List<Operand> args, Span at) {
        VReg r = b.reg(h.name().toLowerCase());
        b.emit(new LInsn.CallHelper(h, args, Optional.of(r), at));
        return r;
    }

    void callVoid(Helper h, List<Operand> args, Span at) {
        b.emit(new LInsn.CallHelper(h, args, Optional.empty(), at));
    }

    /** A fresh block id. */
    int block() {
        return b.newBlock();
    }

    void jump(int target, Span at) {
        b.jump(target, at);
    }

    void branch(JmpOp cond, VReg a, Operand c, int ifTrue, int ifFalse, Span at) {
        b.branch(cond, false, a, c, ifTrue, ifFalse, at);
    }

    void enter(int block) {
        b.switchTo(block);
    }

    /** Ends the current block by jumping to {@code next} (unless already terminated) and continues there. */
    void continueAt(int next, Span at) {
        if (!b.terminated()) {
            b.jump(next, at);
        }
        b.switchTo(next);
    }

    boolean open() {
        return !b.terminated();
    }

    /** {@code dst = cond ? 1 : 0} for a condition that branches. */
    VReg materialize(Conditions.Cond cond, Span at) {
        VReg r = b.reg("bool");
        int t = block();
        int f = block();
        int join = block();
        cond.branch(t, f);
        enter(t);
        set(r, Operand.imm(1), at);
        jump(join, at);
        enter(f);
        set(r, Operand.imm(0), at);
        jump(join, at);
        enter(join);
        return r;
    }
}
