package dev.p4ebpf.ebpf.opt;

import dev.p4ebpf.ebpf.lir.LBlock;
import dev.p4ebpf.ebpf.lir.LFunction;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A forward data-flow problem over the CFG, solved to a fixed point in reverse postorder. Only
 * predecessors already reached take part in a meet, so "must" problems (whose meet is an
 * intersection) start optimistic and shrink to the right answer around loops.
 *
 * @param <S> the state; immutable, with value equality
 */
interface ForwardFlow<S> {
    /** The state on entry to the function. */
    S entry();

    /** The state after {@code b}'s instructions, given the state before them. */
    S transfer(LBlock b, S in);

    /** The state along the edge from {@code from} to its successor {@code to}. */
    default S edge(LBlock from, int to, S out) {
        return out;
    }

    S meet(S a, S b);

    /** The state on entry to each reachable block. */
    static <S> Map<Integer, S> solve(LFunction f, ForwardFlow<S> p) {
        Map<Integer, LBlock> byId = f.byId();
        List<Integer> rpo = Cfg.reversePostorder(f);
        Map<Integer, List<Integer>> preds = Cfg.predecessors(f);
        Map<Integer, S> in = new HashMap<>();
        Map<Integer, S> out = new HashMap<>();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int id : rpo) {
                LBlock b = byId.get(id);
                S s = id == f.entry().id() ? p.entry() : null;
                for (int pred : preds.get(id)) {
                    S o = out.get(pred);
                    if (o != null) {
                        S e = p.edge(byId.get(pred), id, o);
                        s = s == null ? e : p.meet(s, e);
                    }
                }
                if (s == null) {
                    continue;
                }
                in.put(id, s);
                S o = p.transfer(b, s);
                if (!o.equals(out.get(id))) {
                    out.put(id, o);
                    changed = true;
                }
            }
        }
        return in;
    }
}
