package dev.p4ebpf.ebpf.lower;

import dev.p4ebpf.ebpf.insn.AluOp;
import dev.p4ebpf.ebpf.insn.JmpOp;
import dev.p4ebpf.ebpf.insn.Size;
import dev.p4ebpf.ebpf.lir.Operand;
import dev.p4ebpf.ebpf.lir.VReg;
import dev.p4ebpf.ir.diag.Span;

/**
 * The packet as the program sees it: the context pointer, the packet's {@code data} and
 * {@code data_end} pointers (read from the context at entry and after anything that moves the
 * packet), and the parser's cursor, a packet pointer to the next byte to extract.
 */
final class Packet {
    /** Where {@code data} and {@code data_end} sit in the context, and how big the context's fields are. */
    enum Hook {
        XDP(0, 4), TC(76, 80);

        final int data;
        final int dataEnd;

        Hook(int data, int dataEnd) {
            this.data = data;
            this.dataEnd = dataEnd;
        }
    }

    final Hook hook;
    final VReg ctx;
    final VReg data;
    final VReg end;
    final VReg cursor;
    private final Gen g;

    Packet(Gen g, Hook hook, VReg ctx) {
        this.g = g;
        this.hook = hook;
        this.ctx = ctx;
        this.data = g.reg("data");
        this.end = g.reg("data_end");
        this.cursor = g.reg("cursor");
    }

    /** Reads data and data_end from the context (they are 32-bit fields holding pointers). */
    void reload(Span at) {
        g.b.emit(new dev.p4ebpf.ebpf.lir.LInsn.Load(Size.W, data, ctx, hook.data, at));
        g.b.emit(new dev.p4ebpf.ebpf.lir.LInsn.Load(Size.W, end, ctx, hook.dataEnd, at));
    }

    /**
     * Branches to {@code tooShort} unless {@code n} bytes are available at {@code from}; returns the
     * pointer just past them. The compare is the form the verifier turns into a range on {@code from}.
     */
    VReg require(VReg from, Operand n, int tooShort, Span at) {
        VReg past = g.alu(AluOp.ADD, from, n, at);
        int ok = g.block();
        g.b.branch(JmpOp.JGT, false, past, end, tooShort, ok, at);
        g.enter(ok);
        return past;
    }

    /** The number of bytes the parser consumed. */
    VReg consumed(Span at) {
        return g.alu(AluOp.SUB, g.mov(cursor, "pos", at), data, at);
    }
}
