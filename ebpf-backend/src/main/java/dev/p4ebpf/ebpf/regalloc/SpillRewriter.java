package dev.p4ebpf.ebpf.regalloc;

import dev.p4ebpf.ebpf.insn.Size;
import dev.p4ebpf.ebpf.lir.LBlock;
import dev.p4ebpf.ebpf.lir.LFunction;
import dev.p4ebpf.ebpf.lir.LInsn;
import dev.p4ebpf.ebpf.lir.LTerm;
import dev.p4ebpf.ebpf.lir.Operand;
import dev.p4ebpf.ebpf.lir.StackSlot;
import dev.p4ebpf.ebpf.lir.VReg;
import dev.p4ebpf.ir.diag.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rewrites a function so that the given virtual registers live in memory: a register whose only
 * definition is a constant, a map address or a stack address is rematerialized before each use;
 * any other gets an 8-byte, 8-aligned stack slot (the form in which the verifier keeps a spilled
 * pointer's type), stored after each definition and reloaded before each use into a short-lived
 * temporary. The temporaries are added to {@code noSpill}.
 */
final class SpillRewriter {
    private final Fresh fresh;
    private final Set<Integer> noSpill;
    private final Map<Integer, LInsn> remat = new HashMap<>();
    private final Map<Integer, StackSlot> slots = new HashMap<>();
    private final List<StackSlot> newSlots = new ArrayList<>();

    private SpillRewriter(Fresh fresh, Set<Integer> noSpill) {
        this.fresh = fresh;
        this.noSpill = noSpill;
    }

    static MachineForm rewrite(MachineForm mf, Set<Integer> spill, Fresh fresh, Set<Integer> noSpill) {
        return new SpillRewriter(fresh, noSpill).run(mf, spill);
    }

    private MachineForm run(MachineForm mf, Set<Integer> spill) {
        LFunction f = mf.function();
        Map<Integer, List<LInsn>> defs = new HashMap<>();
        for (LBlock b : f.blocks()) {
            for (LInsn i : b.insns()) {
                i.def().filter(d -> spill.contains(d.id())).ifPresent(d ->
                        defs.computeIfAbsent(d.id(), k -> new ArrayList<>()).add(i));
            }
        }
        for (int v : spill) {
            List<LInsn> ds = defs.getOrDefault(v, List.of());
            if (ds.size() == 1 && rematerializable(ds.getFirst()) && !isParam(f, v)) {
                remat.put(v, ds.getFirst());
            } else {
                StackSlot s = fresh.slot(8, 8, "spill");
                slots.put(v, s);
                newSlots.add(s);
            }
        }
        List<LBlock> blocks = new ArrayList<>();
        for (LBlock b : f.blocks()) {
            blocks.add(block(b));
        }
        List<StackSlot> all = new ArrayList<>(f.slots());
        all.addAll(newSlots);
        return new MachineForm(new LFunction(f.name(), f.params(), blocks, all), mf.fixed());
    }

    private static boolean isParam(LFunction f, int v) {
        return f.params().stream().anyMatch(p -> p.id() == v);
    }

    private static boolean rematerializable(LInsn i) {
        return switch (i) {
            case LInsn.Mov m -> m.src() instanceof Operand.Imm;
            case LInsn.LoadMap m -> true;
            case LInsn.StackAddr s -> true;
            default -> false;
        };
    }

    private boolean spilled(VReg v) {
        return remat.containsKey(v.id()) || slots.containsKey(v.id());
    }

    private LBlock block(LBlock b) {
        List<LInsn> out = new ArrayList<>();
        for (LInsn i : b.insns()) {
            insn(i, out);
        }
        Map<Integer, VReg> temps = reloads(b.term().uses(), out);
        LTerm t = Rewrite.uses(b.term(), v -> temps.getOrDefault(v.id(), v));
        return new LBlock(b.id(), out, t);
    }

    private void insn(LInsn i, List<LInsn> out) {
        if (i.def().isPresent() && remat.containsKey(i.def().get().id())) {
            return;
        }
        if (i instanceof LInsn.Mov m && directMove(m, out)) {
            return;
        }
        Map<Integer, VReg> temps = reloads(i.uses(), out);
        LInsn r = Rewrite.uses(i, v -> temps.getOrDefault(v.id(), v));
        if (r.def().isPresent() && slots.containsKey(r.def().get().id())) {
            VReg d = r.def().get();
            VReg t = temps.computeIfAbsent(d.id(), k -> temp(d));
            out.add(Rewrite.def(r, t));
            out.add(new LInsn.StoreStack(Size.DW, slots.get(d.id()), 0, t, i.span()));
        } else {
            out.add(r);
        }
    }

    /** {@code spilled = x} stores x directly; {@code y = spilled} loads straight into y. */
    private boolean directMove(LInsn.Mov m, List<LInsn> out) {
        StackSlot into = slots.get(m.dst().id());
        boolean fromSpill = m.src() instanceof VReg s && spilled(s);
        if (into != null && !fromSpill && !(m.src() instanceof Operand.Imm(long v) && v != (int) v)) {
            out.add(new LInsn.StoreStack(Size.DW, into, 0, m.src(), m.span()));
            return true;
        }
        if (into == null && m.src() instanceof VReg s && slots.containsKey(s.id())) {
            out.add(new LInsn.LoadStack(Size.DW, m.dst(), slots.get(s.id()), 0, m.span()));
            return true;
        }
        return false;
    }

    private Map<Integer, VReg> reloads(List<VReg> uses, List<LInsn> out) {
        Map<Integer, VReg> temps = new HashMap<>();
        for (VReg u : uses) {
            if (!spilled(u) || temps.containsKey(u.id())) {
                continue;
            }
            VReg t = temp(u);
            temps.put(u.id(), t);
            LInsn def = remat.get(u.id());
            out.add(def != null ? Rewrite.def(def, t)
                    : new LInsn.LoadStack(Size.DW, t, slots.get(u.id()), 0, Span.NONE));
        }
        return temps;
    }

    private VReg temp(VReg of) {
        VReg t = fresh.reg(of.hint());
        noSpill.add(t.id());
        return t;
    }
}
