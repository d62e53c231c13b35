package dev.p4ebpf.ebpf.regalloc;

import dev.p4ebpf.ebpf.lir.LBlock;
import dev.p4ebpf.ebpf.lir.LFunction;
import dev.p4ebpf.ebpf.lir.LInsn;
import dev.p4ebpf.ebpf.lir.StackSlot;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lets spill slots whose contents are never needed at the same time share one 8-byte slot, so
 * spilling costs as little of the 512-byte frame as possible. A spill slot is live from a store to
 * the reload that reads it back (backward liveness over the CFG, spill stores as definitions);
 * slots that interfere get different places, greedily in order of first appearance.
 */
final class SpillSlotSharing {
    private SpillSlotSharing() {}

    static LFunction share(LFunction f, Set<Integer> spillSlots) {
        if (spillSlots.size() < 2) {
            return f;
        }
        Map<Integer, BitSet> liveIn = new HashMap<>();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (LBlock b : f.blocks().reversed()) {
                BitSet live = liveOut(b, liveIn);
                for (int k = b.insns().size() - 1; k >= 0; k--) {
                    step(b.insns().get(k), live, spillSlots);
                }
                if (!live.equals(liveIn.get(b.id()))) {
                    liveIn.put(b.id(), live);
                    changed = true;
                }
            }
        }
        Map<Integer, Set<Integer>> conflicts = new HashMap<>();
        for (LBlock b : f.blocks()) {
            BitSet live = liveOut(b, liveIn);
            for (int k = b.insns().size() - 1; k >= 0; k--) {
                LInsn i = b.insns().get(k);
                if (i instanceof LInsn.StoreStack s && spillSlots.contains(s.slot().id())) {
                    for (int o = live.nextSetBit(0); o >= 0; o = live.nextSetBit(o + 1)) {
                        if (o != s.slot().id()) {
                            conflicts.computeIfAbsent(o, x -> new HashSet<>()).add(s.slot().id());
                            conflicts.computeIfAbsent(s.slot().id(), x -> new HashSet<>()).add(o);
                        }
                    }
                }
                step(i, live, spillSlots);
            }
        }
        return rename(f, assign(f, spillSlots, conflicts));
    }

    private static BitSet liveOut(LBlock b, Map<Integer, BitSet> liveIn) {
        BitSet out = new BitSet();
        for (int s : b.term().successors()) {
            BitSet in = liveIn.get(s);
            if (in != null) {
                out.or(in);
            }
        }
        return out;
    }

    private static void step(LInsn i, BitSet live, Set<Integer> spillSlots) {
        if (i instanceof LInsn.StoreStack s && spillSlots.contains(s.slot().id())) {
            live.clear(s.slot().id());
        } else if (i instanceof LInsn.LoadStack l && spillSlots.contains(l.slot().id())) {
            live.set(l.slot().id());
        }
    }

    /** Slot id → the slot that stands for it. */
    private static Map<Integer, StackSlot> assign(LFunction f, Set<Integer> spillSlots,
                                                  Map<Integer, Set<Integer>> conflicts) {
        Map<Integer, StackSlot> to = new HashMap<>();
        List<StackSlot> places = new ArrayList<>();
        for (StackSlot s : f.slots()) {
            if (!spillSlots.contains(s.id())) {
                continue;
            }
            Set<Integer> against = conflicts.getOrDefault(s.id(), Set.of());
            StackSlot place = null;
            for (StackSlot p : places) {
                boolean free = true;
                for (int o : against) {
                    if (to.get(o) == p) {
                        free = false;
                        break;
                    }
                }
                if (free) {
                    place = p;
                    break;
                }
            }
            if (place == null) {
                place = s;
                places.add(s);
            }
            to.put(s.id(), place);
        }
        return to;
    }

    private static LFunction rename(LFunction f, Map<Integer, StackSlot> to) {
        List<LBlock> blocks = new ArrayList<>();
        for (LBlock b : f.blocks()) {
            List<LInsn> insns = new ArrayList<>();
            for (LInsn i : b.insns()) {
                insns.add(switch (i) {
                    case LInsn.StoreStack s when to.containsKey(s.slot().id()) ->
                            new LInsn.StoreStack(s.size(), to.get(s.slot().id()), s.offset(), s.value(), s.span());
                    case LInsn.LoadStack l when to.containsKey(l.slot().id()) ->
                            new LInsn.LoadStack(l.size(), l.dst(), to.get(l.slot().id()), l.offset(), l.span());
                    default -> i;
                });
            }
            blocks.add(new LBlock(b.id(), insns, b.term()));
        }
        List<StackSlot> slots = f.slots().stream()
                .filter(s -> !to.containsKey(s.id()) || to.get(s.id()).id() == s.id()).toList();
        return new LFunction(f.name(), f.params(), blocks, slots);
    }
}
