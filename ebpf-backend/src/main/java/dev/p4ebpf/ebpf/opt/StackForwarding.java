package dev.p4ebpf.ebpf.opt;

import dev.p4ebpf.ebpf.insn.Size;
import dev.p4ebpf.ebpf.lir.LBlock;
import dev.p4ebpf.ebpf.lir.LFunction;
import dev.p4ebpf.ebpf.lir.LInsn;
import dev.p4ebpf.ebpf.lir.Operand;
import dev.p4ebpf.ebpf.lir.VReg;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Store-to-load forwarding on stack slots: a load of exactly what an earlier store (or load) of
 * the same slot, offset and width left there, with nothing overlapping written since, becomes a
 * move of that value. A narrow store forwards only a value known to fit its width (a constant,
 * truncated, or the result of a load no wider). Slots whose address is taken may also be written
 * through pointers and by helpers: any store, atomic or call forgets them.
 */
public final class StackForwarding implements LPass {
    @Override
    public String name() {
        return "stack-forwarding";
    }

    private record Loc(int slot, int offset, Size size) {
        boolean overlaps(int s, int off, Size sz) {
            return slot == s && offset < off + sz.bytes() && off < offset + size.bytes();
        }
    }

    /** What a location holds: {@code value}, exactly as a zero-extending load would give it if {@code exact}. */
    private record Val(Operand value, boolean exact) {}

    private record State(Map<Loc, Val> at) {
        State {
            at = Map.copyOf(at);
        }
    }

    @Override
    public LFunction run(LFunction f) {
        Defs defs = new Defs(f);
        Set<Integer> escaped = new HashSet<>();
        f.blocks().forEach(b -> b.insns().forEach(i -> {
            if (i instanceof LInsn.StackAddr s) {
                escaped.add(s.slot().id());
            }
        }));
        ForwardFlow<State> flow = new ForwardFlow<>() {
            @Override
            public State entry() {
                return new State(Map.of());
            }

            @Override
            public State transfer(LBlock b, State in) {
                Map<Loc, Val> m = new HashMap<>(in.at());
                b.insns().forEach(i -> step(i, m, escaped, defs));
                return new State(m);
            }

            @Override
            public State meet(State x, State y) {
                Map<Loc, Val> m = new HashMap<>();
                x.at().forEach((l, v) -> {
                    if (v.equals(y.at().get(l))) {
                        m.put(l, v);
                    }
                });
                return new State(m);
            }
        };
        Map<Integer, State> in = ForwardFlow.solve(f, flow);
        List<LBlock> out = new ArrayList<>();
        for (LBlock b : f.blocks()) {
            State s = in.get(b.id());
            if (s == null) {
                out.add(b);
                continue;
            }
            Map<Loc, Val> m = new HashMap<>(s.at());
            List<LInsn> insns = new ArrayList<>();
            for (LInsn i : b.insns()) {
                LInsn r = i;
                if (i instanceof LInsn.LoadStack l) {
                    Val v = m.get(new Loc(l.slot().id(), l.offset(), l.size()));
                    if (v != null && v.exact()) {
                        r = new LInsn.Mov(l.dst(), v.value(), l.span());
                    }
                }
                insns.add(r);
                step(i, m, escaped, defs);
            }
            out.add(new LBlock(b.id(), insns, b.term()));
        }
        return new LFunction(f.name(), f.params(), out, f.slots());
    }

    private static void step(LInsn i, Map<Loc, Val> m, Set<Integer> escaped, Defs defs) {
        switch (i) {
            case LInsn.Store s -> m.keySet().removeIf(l -> escaped.contains(l.slot()));
            case LInsn.AtomicAdd s -> m.keySet().removeIf(l -> escaped.contains(l.slot()));
            case LInsn.CallHelper c -> m.keySet().removeIf(l -> escaped.contains(l.slot()));
            case LInsn.CallLocal c -> m.keySet().removeIf(l -> escaped.contains(l.slot()));
            case LInsn.StoreStack s -> m.keySet().removeIf(l -> l.overlaps(s.slot().id(), s.offset(), s.size()));
            default -> { }
        }
        i.def().ifPresent(d -> m.values().removeIf(v -> v.value() instanceof VReg r && r.id() == d.id()));
        switch (i) {
            case LInsn.StoreStack s -> m.put(new Loc(s.slot().id(), s.offset(), s.size()), stored(s, defs));
            case LInsn.LoadStack l -> m.putIfAbsent(new Loc(l.slot().id(), l.offset(), l.size()),
                    new Val(l.dst(), true));
            default -> { }
        }
    }

    private static Val stored(LInsn.StoreStack s, Defs defs) {
        return switch (s.value()) {
            case Operand.Imm(long v) -> new Val(Operand.imm(Semantics.truncate(s.size().bytes(), v)), true);
            case VReg r -> new Val(r, s.size() == Size.DW || fits(r, s.size(), defs));
        };
    }

    /** True when {@code r} is known to have no bits above {@code size}. */
    private static boolean fits(VReg r, Size size, Defs defs) {
        return defs.single(r).map(d -> switch (d) {
            case LInsn.Load l -> l.size().bytes() <= size.bytes();
            case LInsn.LoadStack l -> l.size().bytes() <= size.bytes();
            default -> false;
        }).orElse(false);
    }
}
