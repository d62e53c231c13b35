package dev.p4ebpf.ebpf.opt;

import dev.p4ebpf.ebpf.lir.LBlock;
import dev.p4ebpf.ebpf.lir.LFunction;
import dev.p4ebpf.ebpf.lir.LInsn;
import dev.p4ebpf.ebpf.lir.VReg;
import dev.p4ebpf.ebpf.regalloc.Rewrite;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Copy propagation: after {@code x = y}, reads of {@code x} read {@code y} for as long as neither is
 * written again (a forward must-analysis of available copies). Copies left dead go in
 * {@link DeadCodeElimination}. Copies of a packet pointer keep the verifier's id, so a bounds check
 * on one still covers the other.
 */
public final class CopyPropagation implements LPass {
    @Override
    public String name() {
        return "copy-propagation";
    }

    private record Copies(Map<Integer, VReg> of) {
        Copies {
            of = Map.copyOf(of);
        }
    }

    @Override
    public LFunction run(LFunction f) {
        ForwardFlow<Copies> flow = new ForwardFlow<>() {
            @Override
            public Copies entry() {
                return new Copies(Map.of());
            }

            @Override
            public Copies transfer(LBlock b, Copies in) {
                Map<Integer, VReg> c = new HashMap<>(in.of());
                b.insns().forEach(i -> step(i, c));
                return new Copies(c);
            }

            @Override
            public Copies meet(Copies a, Copies b) {
                Map<Integer, VReg> c = new HashMap<>();
                a.of().forEach((r, v) -> {
                    VReg w = b.of().get(r);
                    if (w != null && w.id() == v.id()) {
                        c.put(r, v);
                    }
                });
                return new Copies(c);
            }
        };
        Map<Integer, Copies> in = ForwardFlow.solve(f, flow);
        List<LBlock> out = new ArrayList<>();
        for (LBlock b : f.blocks()) {
            Copies s = in.get(b.id());
            if (s == null) {
                out.add(b);
                continue;
            }
            Map<Integer, VReg> c = new HashMap<>(s.of());
            List<LInsn> insns = new ArrayList<>();
            for (LInsn i : b.insns()) {
                LInsn r = Rewrite.uses(i, v -> c.getOrDefault(v.id(), v));
                insns.add(r);
                step(r, c);
            }
            out.add(new LBlock(b.id(), insns, Rewrite.uses(b.term(), v -> c.getOrDefault(v.id(), v))));
        }
        return new LFunction(f.name(), f.params(), out, f.slots());
    }

    private static void step(LInsn i, Map<Integer, VReg> c) {
        i.def().ifPresent(d -> {
            c.remove(d.id());
            c.values().removeIf(v -> v.id() == d.id());
            if (i instanceof LInsn.Mov m && m.src() instanceof VReg s && s.id() != d.id()) {
                c.put(d.id(), c.getOrDefault(s.id(), s));
            }
        });
    }
}
