package dev.p4ebpf.ebpf.opt;

import dev.p4ebpf.ebpf.lir.LBlock;
import dev.p4ebpf.ebpf.lir.LFunction;
import dev.p4ebpf.ebpf.lir.LInsn;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Dead store elimination on stack slots, within a block: a store whose every byte is overwritten
 * by later stores of the same block before anything can read the slot is removed (a key zeroed and
 * then filled field by field). A load of the slot, and for slots whose address is taken a call or
 * a load through a register that may point into the stack ({@link StackPointers}), counts as a read.
 */
public final class DeadStoreElimination implements LPass {
    @Override
    public String name() {
        return "dead-store-elimination";
    }

    @Override
    public LFunction run(LFunction f) {
        Set<Integer> escaped = new HashSet<>();
        f.blocks().forEach(b -> b.insns().forEach(i -> {
            if (i instanceof LInsn.StackAddr s) {
                escaped.add(s.slot().id());
            }
        }));
        StackPointers pointers = new StackPointers(f);
        List<LBlock> out = new ArrayList<>();
        for (LBlock b : f.blocks()) {
            Map<Integer, BitSet> covered = new HashMap<>();
            List<LInsn> kept = new ArrayList<>();
            for (int k = b.insns().size() - 1; k >= 0; k--) {
                LInsn i = b.insns().get(k);
                switch (i) {
                    case LInsn.StoreStack s -> {
                        BitSet c = covered.computeIfAbsent(s.slot().id(), x -> new BitSet());
                        int from = s.offset();
                        int to = s.offset() + s.size().bytes();
                        if (c.nextClearBit(from) >= to) {
                            continue;
                        }
                        c.set(from, to);
                    }
                    case LInsn.LoadStack l -> covered.remove(l.slot().id());
                    case LInsn.Load l -> {
                        if (pointers.mayPointToStack(l.base())) {
                            covered.keySet().removeIf(escaped::contains);
                        }
                    }
                    case LInsn.CallHelper c -> covered.keySet().removeIf(escaped::contains);
                    case LInsn.CallLocal c -> covered.keySet().removeIf(escaped::contains);
                    case LInsn.AtomicAdd a -> covered.keySet().removeIf(escaped::contains);
                    default -> { }
                }
                kept.add(i);
            }
            out.add(new LBlock(b.id(), kept.reversed(), b.term()));
        }
        return new LFunction(f.name(), f.params(), out, f.slots());
    }
}
