package dev.p4ebpf.ebpf.opt;

import dev.p4ebpf.ebpf.lir.LBlock;
import dev.p4ebpf.ebpf.lir.LFunction;
import dev.p4ebpf.ebpf.lir.LInsn;
import dev.p4ebpf.ebpf.lir.StackSlot;
import dev.p4ebpf.ebpf.lir.VReg;
import dev.p4ebpf.ebpf.regalloc.Liveness;
import dev.p4ebpf.ebpf.regalloc.Rewrite;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Dead code elimination: instructions without side effects (moves, arithmetic, loads — unused
 * packet, map and stack loads included — addresses) whose result is not live are removed, as are
 * moves of a register to itself and stores to stack slots that are never read (no load of the slot
 * and no address taken). Repeated until nothing changes; unused slots are dropped.
 */
public final class DeadCodeElimination implements LPass {
    @Override
    public String name() {
        return "dead-code-elimination";
    }

    @Override
    public LFunction run(LFunction f) {
        LFunction cur = f;
        while (true) {
            LFunction next = sweep(cur);
            if (next.equals(cur)) {
                return dropUnusedSlots(next);
            }
            cur = next;
        }
    }

    private static LFunction sweep(LFunction f) {
        Liveness live = Liveness.of(f);
        Set<Integer> read = readSlots(f);
        List<LBlock> out = new ArrayList<>();
        for (LBlock b : f.blocks()) {
            BitSet l = live.liveOut(b.id());
            b.term().uses().forEach(u -> l.set(u.id()));
            List<LInsn> kept = new ArrayList<>();
            List<LInsn> insns = b.insns();
            for (int k = insns.size() - 1; k >= 0; k--) {
                LInsn i = insns.get(k);
                if (!dead(i, l, read)) {
                    kept.add(i);
                    live.stepBack(i, l);
                }
            }
            out.add(new LBlock(b.id(), kept.reversed(), b.term()));
        }
        return new LFunction(f.name(), f.params(), out, f.slots());
    }

    private static boolean dead(LInsn i, BitSet live, Set<Integer> read) {
        if (i instanceof LInsn.Mov m && m.src() instanceof VReg s && s.id() == m.dst().id()) {
            return true;
        }
        if (i instanceof LInsn.StoreStack s) {
            return !read.contains(s.slot().id());
        }
        return !Rewrite.hasSideEffect(i) && i.def().isPresent() && !live.get(i.def().get().id());
    }

    /** Slots some instruction may read: loaded from, or with their address taken. */
    private static Set<Integer> readSlots(LFunction f) {
        Set<Integer> read = new HashSet<>();
        for (LBlock b : f.blocks()) {
            for (LInsn i : b.insns()) {
                switch (i) {
                    case LInsn.LoadStack l -> read.add(l.slot().id());
                    case LInsn.StackAddr s -> read.add(s.slot().id());
                    default -> { }
                }
            }
        }
        return read;
    }

    private static LFunction dropUnusedSlots(LFunction f) {
        Set<Integer> used = readSlots(f);
        for (LBlock b : f.blocks()) {
            for (LInsn i : b.insns()) {
                if (i instanceof LInsn.StoreStack s) {
                    used.add(s.slot().id());
                }
            }
        }
        List<StackSlot> slots = f.slots().stream().filter(s -> used.contains(s.id())).toList();
        return new LFunction(f.name(), f.params(), f.blocks(), slots);
    }
}
