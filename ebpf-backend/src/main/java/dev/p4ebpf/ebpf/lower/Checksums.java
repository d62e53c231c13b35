package dev.p4ebpf.ebpf.lower;

import dev.p4ebpf.ebpf.insn.AluOp;
import dev.p4ebpf.ebpf.lir.VReg;
import dev.p4ebpf.ir.diag.Span;

/** Ones'-complement checksum arithmetic, inline: folding and the incremental update of RFC 1624. */
final class Checksums {
    private Checksums() {}

    /** Folds a sum of 16-bit words (at most 32 bits wide) to 16 bits with end-around carry. */
    static VReg fold(Gen g, VReg sum, Span at) {
        VReg s = g.alu(AluOp.ADD, g.alu(AluOp.AND, sum, 0xffff, at), g.alu(AluOp.RSH, sum, 16, at), at);
        return g.alu(AluOp.ADD, g.alu(AluOp.AND, s, 0xffff, at), g.alu(AluOp.RSH, s, 16, at), at);
    }

    /**
     * HC' = ~(~HC + ~m + m') for a 16- or 32-bit field changing from {@code old} to {@code new}
     * (RFC 1624, eqn. 3), as csum_replace2/csum_replace4 of ebpf_model.p4 define it.
     */
    static VReg replace(Gen g, VReg csum, VReg old, VReg updated, int width, Span at) {
        VReg sum = g.alu(AluOp.XOR, csum, 0xffff, at);
        if (width == 16) {
            sum = g.alu(AluOp.ADD, sum, g.alu(AluOp.XOR, old, 0xffff, at), at);
            sum = g.alu(AluOp.ADD, sum, updated, at);
        } else {
            VReg notOld = g.alu32(AluOp.XOR, old, dev.p4ebpf.ebpf.lir.Operand.imm(-1), at);
            sum = g.alu(AluOp.ADD, sum, g.alu(AluOp.RSH, notOld, 16, at), at);
            sum = g.alu(AluOp.ADD, sum, g.alu(AluOp.AND, notOld, 0xffff, at), at);
            sum = g.alu(AluOp.ADD, sum, g.alu(AluOp.RSH, updated, 16, at), at);
            sum = g.alu(AluOp.ADD, sum, g.alu(AluOp.AND, updated, 0xffff, at), at);
        }
        return g.alu(AluOp.XOR, fold(g, sum, at), 0xffff, at);
    }
}
