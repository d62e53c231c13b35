package dev.p4ebpf.ebpf.emit;

import dev.p4ebpf.ebpf.lir.LBlock;
import dev.p4ebpf.ebpf.lir.LFunction;
import dev.p4ebpf.ebpf.lir.LInsn;
import dev.p4ebpf.ebpf.lir.LTerm;
import dev.p4ebpf.ebpf.opt.Cfg;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The order in which blocks are laid out, chosen so that control falls through as often as
 * possible: chains are grown from the entry along the successor whose other predecessors are
 * already placed, preferring the path that goes on over a block that only returns (the error and
 * drop exits, which end up at the end, as clang places them). Unreachable blocks are left out: the
 * verifier rejects unreachable instructions.
 */
public final class BlockOrder {
    private final Map<Integer, LBlock> byId;
    private final Map<Integer, Integer> rpoIndex = new HashMap<>();
    private final Map<Integer, List<Integer>> preds = new HashMap<>();
    private final Set<Integer> placed = new HashSet<>();
    private final List<LBlock> order = new ArrayList<>();

    private BlockOrder(LFunction f) {
        byId = f.byId();
    }

    public static List<LBlock> of(LFunction f) {
        return new BlockOrder(f).run(f);
    }

    private List<LBlock> run(LFunction f) {
        List<Integer> rpo = Cfg.reversePostorder(f);
        for (int i = 0; i < rpo.size(); i++) {
            rpoIndex.put(rpo.get(i), i);
        }
        for (int b : rpo) {
            for (int s : byId.get(b).term().successors()) {
                preds.computeIfAbsent(s, k -> new ArrayList<>()).add(b);
            }
        }
        for (boolean cold : new boolean[] {false, true}) {
            for (int seed : rpo) {
                if (!placed.contains(seed) && (cold || !isExit(byId.get(seed)) || seed == f.entry().id())) {
                    chain(seed);
                }
            }
        }
        return order;
    }

    private void chain(int start) {
        int cur = start;
        while (cur >= 0) {
            placed.add(cur);
            order.add(byId.get(cur));
            cur = next(byId.get(cur));
        }
    }

    /** The successor to fall through to, or -1. */
    private int next(LBlock b) {
        List<Integer> candidates = new ArrayList<>();
        LTerm t = b.term();
        if (t instanceof LTerm.Branch br) {
            candidates.add(br.ifFalse());
            candidates.add(br.ifTrue());
        } else {
            candidates.addAll(t.successors());
        }
        int fallback = -1;
        for (int s : candidates) {
            if (placed.contains(s) || !ready(s)) {
                continue;
            }
            boolean exit = isExit(byId.get(s));
            if (!exit) {
                return s;
            }
            if (fallback < 0 && (t instanceof LTerm.Jump || preds.get(s).size() == 1)) {
                fallback = s;
            }
        }
        return fallback;
    }

    /** True when every forward predecessor of {@code s} is placed. */
    private boolean ready(int s) {
        int idx = rpoIndex.get(s);
        for (int p : preds.getOrDefault(s, List.of())) {
            if (rpoIndex.get(p) < idx && !placed.contains(p)) {
                return false;
            }
        }
        return true;
    }

    /** A block that only sets the result and returns. */
    static boolean isExit(LBlock b) {
        return b.term() instanceof LTerm.Return && b.insns().stream().allMatch(i -> i instanceof LInsn.Mov);
    }
}
