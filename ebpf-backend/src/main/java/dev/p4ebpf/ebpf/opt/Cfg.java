package dev.p4ebpf.ebpf.opt;

import dev.p4ebpf.ebpf.lir.LBlock;
import dev.p4ebpf.ebpf.lir.LFunction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Control-flow facts of a function: reverse postorder of the reachable blocks and predecessors. */
public final class Cfg {
    private Cfg() {}

    /** The reachable blocks' ids in reverse postorder (the entry first). */
    public static List<Integer> reversePostorder(LFunction f) {
        Map<Integer, LBlock> byId = f.byId();
        List<Integer> post = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        List<int[]> stack = new ArrayList<>();
        stack.add(new int[] {f.entry().id(), 0});
        seen.add(f.entry().id());
        while (!stack.isEmpty()) {
            int[] top = stack.getLast();
            List<Integer> succ = byId.get(top[0]).term().successors();
            if (top[1] < succ.size()) {
                int s = succ.get(top[1]++);
                if (seen.add(s)) {
                    stack.add(new int[] {s, 0});
                }
            } else {
                post.add(top[0]);
                stack.removeLast();
            }
        }
        return post.reversed();
    }

    /** Predecessors of every reachable block (a block branching twice to one target counts once). */
    public static Map<Integer, List<Integer>> predecessors(LFunction f) {
        Map<Integer, LBlock> byId = f.byId();
        Map<Integer, List<Integer>> preds = new HashMap<>();
        for (int b : reversePostorder(f)) {
            preds.computeIfAbsent(b, k -> new ArrayList<>());
            for (int s : new HashSet<>(byId.get(b).term().successors())) {
                preds.computeIfAbsent(s, k -> new ArrayList<>()).add(b);
            }
        }
        return preds;
    }
}
