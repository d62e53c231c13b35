package dev.p4ebpf.ebpf.lir;

import java.util.List;

/** A basic block: straight-line instructions and one terminator. */
public record LBlock(int id, List<LInsn> insns, LTerm term) {
    public LBlock {
        insns = List.copyOf(insns);
    }
}
