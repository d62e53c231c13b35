package dev.p4ebpf.ebpf.lower;

import dev.p4ebpf.ebpf.insn.AluOp;
import dev.p4ebpf.ebpf.insn.Helper;
import dev.p4ebpf.ebpf.insn.JmpOp;
import dev.p4ebpf.ebpf.insn.Size;
import dev.p4ebpf.ebpf.lir.Operand;
import dev.p4ebpf.ebpf.lir.StackSlot;
import dev.p4ebpf.ebpf.lir.VReg;
import dev.p4ebpf.ir.diag.Span;
import java.util.List;

/**
 * The lookup of a ternary table by tuple-space search (the layout of
 * {@link dev.p4ebpf.ebpf.controlplane.TableMaps.Ternary}): for each used slot of the mask list,
 * the key ANDed with the slot's mask is looked up in that mask's hash map, and the entry with the
 * highest priority wins. The mask list is sorted by descending highest priority, so the search
 * ends at the first unused slot or at the first mask whose entries cannot beat the best found.
 */
final class TupleSpace {
    /** Bytes before the mask in a mask-list slot: u32 tuple id, u32 used, u32 max priority, u32 pad. */
    static final int SLOT_HEADER = 16;
    private static final int USED_OFFSET = 4;
    private static final int MAX_PRIORITY_OFFSET = 8;

    private final Gen g;

    TupleSpace(Gen g) {
        this.g = g;
    }

    /**
     * Emits the search for the key in {@code key}; returns the register holding the winning
     * entry's value pointer, or 0 when no entry matched.
     */
    VReg lookup(TableLayout layout, String table, StackSlot key, String tuplesMap, String masksMap, int maxMasks,
                Span at) {
        VReg best = g.reg(table + ".best");
        VReg bestPriority = g.reg(table + ".bestPriority");
        VReg slot = g.reg(table + ".slot");
        g.set(best, Operand.imm(0), at);
        g.set(bestPriority, Operand.imm(0), at);
        g.set(slot, Operand.imm(0), at);
        StackSlot slotKey = g.b.slot(8, 8, table + "_slot");
        StackSlot masked = g.b.slot((layout.keySize() + 7) & ~7, 8, table + "_masked");
        int head = g.block();
        int probe = g.block();
        int next = g.block();
        int end = g.block();
        g.jump(head, at);

        g.enter(head);
        VReg slotAddr = g.stackAddr(slotKey, 0, at);
        g.store(Size.W, slotAddr, 0, slot, at);
        VReg mask = g.call(Helper.MAP_LOOKUP_ELEM, List.of(g.map(masksMap, at), slotAddr), at);
        int present = g.block();
        g.branch(JmpOp.JEQ, mask, Operand.imm(0), end, present, at);
        g.enter(present);
        int inUse = g.block();
        g.branch(JmpOp.JEQ, g.load(Size.W, mask, USED_OFFSET, at), Operand.imm(0), end, inUse, at);
        g.enter(inUse);
        // a later mask cannot win once its best priority is no higher than the entry already found
        int compare = g.block();
        g.branch(JmpOp.JEQ, best, Operand.imm(0), probe, compare, at);
        g.enter(compare);
        g.branch(JmpOp.JLE, g.load(Size.W, mask, MAX_PRIORITY_OFFSET, at), bestPriority, end, probe, at);

        g.enter(probe);
        VReg keyAddr = g.stackAddr(key, 0, at);
        VReg maskedAddr = g.stackAddr(masked, 0, at);
        for (int off = 0; off < layout.keySize(); ) {
            int left = layout.keySize() - off;
            Size size = left >= 8 ? Size.DW : left >= 4 ? Size.W : left >= 2 ? Size.H : Size.B;
            VReg bits = g.load(size, keyAddr, off, at);
            VReg m = g.load(size, mask, SLOT_HEADER + off, at);
            g.store(size, maskedAddr, off, g.alu(AluOp.AND, bits, m, at), at);
            off += size.bytes();
        }
        // the slot's first word is its tuple id, the key of the array of hash maps
        VReg tuple = g.call(Helper.MAP_LOOKUP_ELEM, List.of(g.map(tuplesMap, at), mask), at);
        int inner = g.block();
        g.branch(JmpOp.JEQ, tuple, Operand.imm(0), next, inner, at);
        g.enter(inner);
        VReg value = g.call(Helper.MAP_LOOKUP_ELEM, List.of(tuple, g.stackAddr(masked, 0, at)), at);
        int found = g.block();
        g.branch(JmpOp.JEQ, value, Operand.imm(0), next, found, at);
        g.enter(found);
        VReg priority = g.load(Size.W, value, TableLayout.PRIORITY_OFFSET, at);
        int take = g.block();
        int better = g.block();
        g.branch(JmpOp.JEQ, best, Operand.imm(0), take, better, at);
        g.enter(better);
        g.branch(JmpOp.JLE, priority, bestPriority, next, take, at);
        g.enter(take);
        g.set(best, value, at);
        g.set(bestPriority, priority, at);
        g.jump(next, at);

        g.enter(next);
        g.set(slot, g.alu(AluOp.ADD, slot, 1, at), at);
        g.branch(JmpOp.JLT, slot, Operand.imm(maxMasks), head, end, at);
        g.enter(end);
        return best;
    }
}
