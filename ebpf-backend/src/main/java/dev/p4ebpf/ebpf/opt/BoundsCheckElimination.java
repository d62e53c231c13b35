package dev.p4ebpf.ebpf.opt;

import dev.p4ebpf.ebpf.insn.AluOp;
import dev.p4ebpf.ebpf.lir.LBlock;
import dev.p4ebpf.ebpf.lir.LFunction;
import dev.p4ebpf.ebpf.lir.LInsn;
import dev.p4ebpf.ebpf.lir.LTerm;
import dev.p4ebpf.ebpf.lir.Operand;
import dev.p4ebpf.ebpf.lir.VReg;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Redundant bounds-check elimination: a packet check {@code base + n <= end} (in any of the shapes
 * {@code if base+n > end goto fail}, {@code if base+n <= end goto ok}, {@code if end < base+n goto
 * fail}, {@code if end >= base+n goto ok}) on a path where {@code base + m <= end} with {@code m >= n}
 * already holds — neither register written since, both read from the context — is replaced by a jump to its success side. The
 * verifier agrees: the earlier check gave the base (and every copy of it) a range of {@code m}.
 */
public final class BoundsCheckElimination implements LPass {
    @Override
    public String name() {
        return "bounds-check-elimination";
    }

    /** {@code reg} holds {@code base + n}. */
    private record Sum(int base, long n) {}

    /** A check on {@code base + n} against {@code end}, going to {@code ok} when it holds. */
    private record Check(int base, int end, long n, int ok) {}

    /**
     * @param sums   register → the base and offset it holds
     * @param proven (base, end) → the largest n with base + n <= end
     */
    private record Facts(Map<Integer, Sum> sums, Map<List<Integer>, Long> proven) {
        Facts {
            sums = Map.copyOf(sums);
            proven = Map.copyOf(proven);
        }
    }

    @Override
    public LFunction run(LFunction f) {
        Defs defs = new Defs(f);
        java.util.Set<Integer> params = new java.util.HashSet<>();
        f.params().forEach(p -> params.add(p.id()));
        java.util.function.IntPredicate fromContext = id -> defs.single(new VReg(id, "")).map(d ->
                d instanceof LInsn.Load l && l.size() == dev.p4ebpf.ebpf.insn.Size.W && params.contains(l.base().id()))
                .orElse(false);
        ForwardFlow<Facts> flow = new ForwardFlow<>() {
            @Override
            public Facts entry() {
                return new Facts(Map.of(), Map.of());
            }

            @Override
            public Facts transfer(LBlock b, Facts in) {
                Map<Integer, Sum> sums = new HashMap<>(in.sums());
                Map<List<Integer>, Long> proven = new HashMap<>(in.proven());
                b.insns().forEach(i -> step(i, sums, proven));
                return new Facts(sums, proven);
            }

            @Override
            public Facts edge(LBlock from, int to, Facts out) {
                Optional<Check> c = check(from.term(), out.sums()).filter(k -> packet(k, fromContext));
                if (c.isEmpty() || c.get().ok() != to) {
                    return out;
                }
                Map<List<Integer>, Long> proven = new HashMap<>(out.proven());
                proven.merge(List.of(c.get().base(), c.get().end()), c.get().n(), Math::max);
                return new Facts(out.sums(), proven);
            }

            @Override
            public Facts meet(Facts a, Facts b) {
                Map<Integer, Sum> sums = new HashMap<>();
                a.sums().forEach((r, s) -> {
                    if (s.equals(b.sums().get(r))) {
                        sums.put(r, s);
                    }
                });
                Map<List<Integer>, Long> proven = new HashMap<>();
                a.proven().forEach((k, n) -> {
                    Long m = b.proven().get(k);
                    if (m != null) {
                        proven.put(k, Math.min(n, m));
                    }
                });
                return new Facts(sums, proven);
            }
        };
        Map<Integer, Facts> in = ForwardFlow.solve(f, flow);
        List<LBlock> out = new ArrayList<>();
        for (LBlock b : f.blocks()) {
            Facts s = in.get(b.id());
            if (s == null) {
                out.add(b);
                continue;
            }
            Facts end = flow.transfer(b, s);
            Optional<Check> c = check(b.term(), end.sums()).filter(k -> packet(k, fromContext));
            Long have = c.map(k -> end.proven().get(List.of(k.base(), k.end()))).orElse(null);
            if (c.isPresent() && have != null && have >= c.get().n()) {
                out.add(new LBlock(b.id(), b.insns(), new LTerm.Jump(c.get().ok(), b.term().span())));
            } else {
                out.add(b);
            }
        }
        return new LFunction(f.name(), f.params(), out, f.slots());
    }

    private static void step(LInsn i, Map<Integer, Sum> sums, Map<List<Integer>, Long> proven) {
        i.def().ifPresent(d -> {
            sums.remove(d.id());
            sums.values().removeIf(s -> s.base() == d.id());
            proven.keySet().removeIf(k -> k.contains(d.id()));
            if (i instanceof LInsn.Alu a && a.op() == AluOp.ADD && !a.is32() && a.b() instanceof Operand.Imm(long n)
                    && n >= 0 && a.a().id() != d.id()) {
                Sum base = sums.get(a.a().id());
                Sum sum = base != null ? new Sum(base.base(), base.n() + n) : new Sum(a.a().id(), n);
                if (sum.n() < Integer.MAX_VALUE) {
                    sums.put(d.id(), sum);
                }
            } else if (i instanceof LInsn.Mov m && m.src() instanceof VReg s && s.id() != d.id()) {
                Sum base = sums.get(s.id());
                sums.put(d.id(), base != null ? base : new Sum(s.id(), 0));
            }
        });
    }

    /**
     * Only checks of 32-bit values read from the context (packet data against data_end) count, with
     * offsets below 2^31: their sums cannot wrap around, so a larger bound implies a smaller one.
     */
    private static boolean packet(Check c, java.util.function.IntPredicate fromContext) {
        return fromContext.test(c.base()) && fromContext.test(c.end());
    }

    /** The bounds check {@code t} makes, if it is one. */
    private static Optional<Check> check(LTerm t, Map<Integer, Sum> sums) {
        if (!(t instanceof LTerm.Branch b) || b.is32() || !(b.b() instanceof VReg rb)) {
            return Optional.empty();
        }
        Sum left = sums.get(b.a().id());
        Sum right = sums.get(rb.id());
        return switch (b.cond()) {
            case JGT -> left == null ? Optional.empty() : Optional.of(new Check(left.base(), rb.id(), left.n(), b.ifFalse()));
            case JLE -> left == null ? Optional.empty() : Optional.of(new Check(left.base(), rb.id(), left.n(), b.ifTrue()));
            case JLT -> right == null ? Optional.empty()
                    : Optional.of(new Check(right.base(), b.a().id(), right.n(), b.ifFalse()));
            case JGE -> right == null ? Optional.empty()
                    : Optional.of(new Check(right.base(), b.a().id(), right.n(), b.ifTrue()));
            default -> Optional.empty();
        };
    }
}
