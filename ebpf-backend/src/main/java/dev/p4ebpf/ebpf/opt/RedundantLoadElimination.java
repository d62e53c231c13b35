package dev.p4ebpf.ebpf.opt;

import dev.p4ebpf.ebpf.insn.Size;
import dev.p4ebpf.ebpf.lir.LBlock;
import dev.p4ebpf.ebpf.lir.LFunction;
import dev.p4ebpf.ebpf.lir.LInsn;
import dev.p4ebpf.ebpf.lir.VReg;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Redundant load elimination: a load of the same location ({@code base + offset}, same width)
 * that is already in a register, along every path, with no store, atomic or call in between and
 * neither the base nor that register written since, becomes a move. Covers the context
 * ({@code data}, {@code data_end} read again by each parser state), packet fields read twice, and
 * map values. Any memory write or call forgets every location: the analysis does not reason about
 * aliasing.
 */
public final class RedundantLoadElimination implements LPass {
    @Override
    public String name() {
        return "redundant-load-elimination";
    }

    /** A location: base register id, offset, width. */
    private record Loc(int base, int offset, Size size) {}

    private record Avail(Map<Loc, VReg> at) {
        Avail {
            at = Map.copyOf(at);
        }
    }

    @Override
    public LFunction run(LFunction f) {
        ForwardFlow<Avail> flow = new ForwardFlow<>() {
            @Override
            public Avail entry() {
                return new Avail(Map.of());
            }

            @Override
            public Avail transfer(LBlock b, Avail in) {
                Map<Loc, VReg> a = new HashMap<>(in.at());
                b.insns().forEach(i -> step(i, a));
                return new Avail(a);
            }

            @Override
            public Avail meet(Avail x, Avail y) {
                Map<Loc, VReg> a = new HashMap<>();
                x.at().forEach((l, v) -> {
                    VReg w = y.at().get(l);
                    if (w != null && w.id() == v.id()) {
                        a.put(l, v);
                    }
                });
                return new Avail(a);
            }
        };
        Map<Integer, Avail> in = ForwardFlow.solve(f, flow);
        List<LBlock> out = new ArrayList<>();
        for (LBlock b : f.blocks()) {
            Avail s = in.get(b.id());
            if (s == null) {
                out.add(b);
                continue;
            }
            Map<Loc, VReg> a = new HashMap<>(s.at());
            List<LInsn> insns = new ArrayList<>();
            for (LInsn i : b.insns()) {
                LInsn r = i;
                if (i instanceof LInsn.Load l) {
                    VReg have = a.get(new Loc(l.base().id(), l.offset(), l.size()));
                    if (have != null) {
                        r = new LInsn.Mov(l.dst(), have, l.span());
                    }
                }
                insns.add(r);
                step(i, a);
            }
            out.add(new LBlock(b.id(), insns, b.term()));
        }
        return new LFunction(f.name(), f.params(), out, f.slots());
    }

    private static void step(LInsn i, Map<Loc, VReg> a) {
        switch (i) {
            case LInsn.Store s -> a.clear();
            case LInsn.StoreStack s -> a.clear();
            case LInsn.AtomicAdd s -> a.clear();
            case LInsn.CallHelper c -> a.clear();
            case LInsn.CallLocal c -> a.clear();
            default -> { }
        }
        i.def().ifPresent(d -> a.entrySet().removeIf(e -> e.getKey().base() == d.id() || e.getValue().id() == d.id()));
        if (i instanceof LInsn.Load l && l.dst().id() != l.base().id()) {
            a.putIfAbsent(new Loc(l.base().id(), l.offset(), l.size()), l.dst());
        }
    }
}
