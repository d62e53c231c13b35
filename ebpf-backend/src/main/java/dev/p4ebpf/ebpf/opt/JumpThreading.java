package dev.p4ebpf.ebpf.opt;

import dev.p4ebpf.ebpf.lir.LBlock;
import dev.p4ebpf.ebpf.lir.LFunction;
import dev.p4ebpf.ebpf.lir.LInsn;
import dev.p4ebpf.ebpf.lir.LTerm;
import dev.p4ebpf.ebpf.lir.Operand;
import dev.p4ebpf.ebpf.regalloc.Rewrite;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Jump threading on known values: where a predecessor reaches a small block whose branch (or
 * returned value) is decided by constants that hold at the end of that predecessor — a header's
 * valid flag set by the parser state just left, the output action set by the action just run — the
 * predecessor gets a copy of the block's instructions and goes straight to the successor taken (or
 * returns the constant). A block without instructions is threaded from branches too. Only forward
 * edges and blocks of at most {@value #LIMIT} instructions without calls or stores are copied, so
 * code grows little and loops keep their shape.
 */
public final class JumpThreading implements LPass {
    static final int LIMIT = 4;
    /** Rounds per run: each threads what the previous one made a plain jump. */
    static final int ROUNDS = 3;

    @Override
    public String name() {
        return "jump-threading";
    }

    @Override
    public LFunction run(LFunction f) {
        LFunction cur = f;
        for (int round = 0; round < ROUNDS; round++) {
            LFunction next = once(cur);
            if (next.equals(cur)) {
                break;
            }
            cur = next;
        }
        return cur;
    }

    private static LFunction once(LFunction f) {
        Map<Integer, Map<Integer, Long>> in = ConstantPropagation.constantsIn(f);
        List<Integer> rpo = Cfg.reversePostorder(f);
        Map<Integer, Integer> order = new HashMap<>();
        for (int i = 0; i < rpo.size(); i++) {
            order.put(rpo.get(i), i);
        }
        Map<Integer, LBlock> byId = f.byId();
        Map<Integer, LBlock> out = new LinkedHashMap<>();
        f.blocks().forEach(b -> out.put(b.id(), b));
        for (int id : rpo) {
            LBlock p = out.get(id);
            Map<Integer, Long> k = new HashMap<>(in.get(id));
            p.insns().forEach(i -> ConstantPropagation.step(i, k));
            LBlock threaded = switch (p.term()) {
                case LTerm.Jump j -> forward(order, id, j.target()) ? viaJump(p, byId.get(j.target()), k) : null;
                case LTerm.Branch br -> viaBranch(p, br, byId, order, k);
                case LTerm.Return r -> null;
            };
            if (threaded != null) {
                out.put(id, threaded);
            }
        }
        return new LFunction(f.name(), f.params(), List.copyOf(out.values()), f.slots());
    }

    private static boolean forward(Map<Integer, Integer> order, int from, int to) {
        return order.get(from) < order.get(to);
    }

    private static boolean copyable(LBlock b) {
        return b.insns().size() <= LIMIT && b.insns().stream().noneMatch(i -> Rewrite.hasSideEffect(i));
    }

    /** Where {@code b} goes (or what it returns) when entered with constants {@code k}, if decided. */
    private static Optional<LTerm> decided(LBlock b, Map<Integer, Long> k) {
        Map<Integer, Long> after = new HashMap<>(k);
        b.insns().forEach(i -> ConstantPropagation.step(i, after));
        return switch (b.term()) {
            case LTerm.Branch br -> ConstantPropagation.value(br.a(), after).flatMap(x ->
                    ConstantPropagation.value(br.b(), after).map(y -> new LTerm.Jump(
                            Semantics.branch(br.cond(), br.is32(), x, y) ? br.ifTrue() : br.ifFalse(), br.span())));
            case LTerm.Return r -> r.value() instanceof Operand.Imm ? Optional.empty()
                    : ConstantPropagation.value(r.value(), after).map(v -> new LTerm.Return(Operand.imm(v), r.span()));
            case LTerm.Jump j -> Optional.empty();
        };
    }

    private static LBlock viaJump(LBlock p, LBlock b, Map<Integer, Long> k) {
        if (b.id() == p.id() || !copyable(b)) {
            return null;
        }
        return decided(b, k).map(t -> {
            List<LInsn> insns = new ArrayList<>(p.insns());
            insns.addAll(b.insns());
            return new LBlock(p.id(), insns, t);
        }).orElse(null);
    }

    private static LBlock viaBranch(LBlock p, LTerm.Branch br, Map<Integer, LBlock> byId,
                                    Map<Integer, Integer> order, Map<Integer, Long> k) {
        int yes = edge(p.id(), br.ifTrue(), byId, order, k);
        int no = edge(p.id(), br.ifFalse(), byId, order, k);
        if (yes == br.ifTrue() && no == br.ifFalse()) {
            return null;
        }
        return new LBlock(p.id(), p.insns(), new LTerm.Branch(br.cond(), br.is32(), br.a(), br.b(), yes, no,
                br.span()));
    }

    /** The block an edge from {@code from} to the empty block {@code to} can go to instead. */
    private static int edge(int from, int to, Map<Integer, LBlock> byId, Map<Integer, Integer> order,
                            Map<Integer, Long> k) {
        LBlock b = byId.get(to);
        if (!b.insns().isEmpty() || !forward(order, from, to) || !(b.term() instanceof LTerm.Branch)) {
            return to;
        }
        return decided(b, k).map(t -> ((LTerm.Jump) t).target()).orElse(to);
    }
}
