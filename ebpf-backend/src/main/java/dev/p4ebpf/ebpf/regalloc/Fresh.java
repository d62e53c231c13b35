package dev.p4ebpf.ebpf.regalloc;

import dev.p4ebpf.ebpf.lir.LBlock;
import dev.p4ebpf.ebpf.lir.LFunction;
import dev.p4ebpf.ebpf.lir.LInsn;
import dev.p4ebpf.ebpf.lir.StackSlot;
import dev.p4ebpf.ebpf.lir.VReg;

/** Hands out virtual register, stack slot and block ids that a function does not use yet. */
public final class Fresh {
    private int nextReg;
    private int nextSlot;
    private int nextBlock;

    /** Ids above every register, slot and block {@code f} mentions. */
    public Fresh(LFunction f) {
        f.params().forEach(this::see);
        for (LBlock b : f.blocks()) {
            nextBlock = Math.max(nextBlock, b.id() + 1);
            for (LInsn i : b.insns()) {
                i.def().ifPresent(this::see);
                i.uses().forEach(this::see);
            }
            b.term().uses().forEach(this::see);
        }
        for (StackSlot s : f.slots()) {
            nextSlot = Math.max(nextSlot, s.id() + 1);
        }
    }

    private void see(VReg v) {
        nextReg = Math.max(nextReg, v.id() + 1);
    }

    public VReg reg(String hint) {
        return new VReg(nextReg++, hint);
    }

    public StackSlot slot(int size, int align, String hint) {
        return new StackSlot(nextSlot++, size, align, hint);
    }

    public int block() {
        return nextBlock++;
    }

    /** One more than the highest register id handed out or seen. */
    public int regLimit() {
        return nextReg;
    }
}
