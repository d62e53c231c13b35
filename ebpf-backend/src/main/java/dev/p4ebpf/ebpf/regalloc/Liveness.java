package dev.p4ebpf.ebpf.regalloc;

import dev.p4ebpf.ebpf.lir.LBlock;
import dev.p4ebpf.ebpf.lir.LFunction;
import dev.p4ebpf.ebpf.lir.LInsn;
import dev.p4ebpf.ebpf.lir.VReg;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * Which registers are live at the start and end of every block: the classic backward data-flow
 * problem over the CFG, solved to a fixed point. Registers are numbered by an index function, so the
 * allocator can track physical registers and virtual ones in one set.
 */
public final class Liveness {
    private final Map<Integer, BitSet> in = new HashMap<>();
    private final Map<Integer, BitSet> out = new HashMap<>();
    private final ToIntFunction<VReg> index;

    private Liveness(ToIntFunction<VReg> index) {
        this.index = index;
    }

    /** Liveness of virtual registers by their id. */
    public static Liveness of(LFunction f) {
        return of(f, VReg::id);
    }

    /** Liveness with registers numbered by {@code index}. */
    public static Liveness of(LFunction f, ToIntFunction<VReg> index) {
        Liveness l = new Liveness(index);
        l.solve(f);
        return l;
    }

    /** Registers live on entry to block {@code id}. */
    public BitSet liveIn(int id) {
        return (BitSet) in.getOrDefault(id, new BitSet()).clone();
    }

    /** Registers live on exit from block {@code id}. */
    public BitSet liveOut(int id) {
        return (BitSet) out.getOrDefault(id, new BitSet()).clone();
    }

    /** Updates {@code live} (live after {@code i}) to what is live before it. */
    public void stepBack(LInsn i, BitSet live) {
        i.def().ifPresent(d -> live.clear(index.applyAsInt(d)));
        for (VReg u : i.uses()) {
            live.set(index.applyAsInt(u));
        }
    }

    private void solve(LFunction f) {
        Map<Integer, BitSet> gen = new HashMap<>();
        Map<Integer, BitSet> kill = new HashMap<>();
        for (LBlock b : f.blocks()) {
            BitSet g = new BitSet();
            BitSet k = new BitSet();
            for (VReg u : b.term().uses()) {
                g.set(index.applyAsInt(u));
            }
            List<LInsn> insns = b.insns();
            for (int i = insns.size() - 1; i >= 0; i--) {
                LInsn insn = insns.get(i);
                insn.def().ifPresent(d -> {
                    g.clear(index.applyAsInt(d));
                    k.set(index.applyAsInt(d));
                });
                for (VReg u : insn.uses()) {
                    g.set(index.applyAsInt(u));
                }
            }
            gen.put(b.id(), g);
            kill.put(b.id(), k);
            in.put(b.id(), (BitSet) g.clone());
            out.put(b.id(), new BitSet());
        }
        boolean changed = true;
        List<LBlock> reversed = f.blocks().reversed();
        while (changed) {
            changed = false;
            for (LBlock b : reversed) {
                BitSet o = new BitSet();
                for (int s : b.term().successors()) {
                    BitSet si = in.get(s);
                    if (si != null) {
                        o.or(si);
                    }
                }
                BitSet n = (BitSet) o.clone();
                n.andNot(kill.get(b.id()));
                n.or(gen.get(b.id()));
                out.put(b.id(), o);
                if (!n.equals(in.get(b.id()))) {
                    in.put(b.id(), n);
                    changed = true;
                }
            }
        }
    }
}
