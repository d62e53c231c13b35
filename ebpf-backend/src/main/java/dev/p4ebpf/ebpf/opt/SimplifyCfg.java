package dev.p4ebpf.ebpf.opt;

import dev.p4ebpf.ebpf.lir.LBlock;
import dev.p4ebpf.ebpf.lir.LFunction;
import dev.p4ebpf.ebpf.lir.LInsn;
import dev.p4ebpf.ebpf.lir.LTerm;
import dev.p4ebpf.ebpf.regalloc.Rewrite;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CFG clean-up, to a fixed point: blocks identical in instructions and terminator are merged (the
 * many {@code return 2} exits of a lowered program); a branch whose two targets agree becomes a jump; jumps to empty
 * blocks go straight to where those blocks jump (threading); a block that is the only successor of
 * a jump and has no other predecessor is merged into it; unreachable blocks are dropped.
 */
public final class SimplifyCfg implements LPass {
    @Override
    public String name() {
        return "simplify-cfg";
    }

    @Override
    public LFunction run(LFunction f) {
        LFunction cur = f;
        for (int round = 0; round < 100; round++) {
            LFunction next = merge(thread(trivialBranches(mergeIdentical(dropUnreachable(cur)))));
            if (next.equals(cur)) {
                return next;
            }
            cur = next;
        }
        return cur;
    }

    private static LFunction dropUnreachable(LFunction f) {
        Set<Integer> live = new HashSet<>(Cfg.reversePostorder(f));
        List<LBlock> blocks = f.blocks().stream().filter(b -> live.contains(b.id())).toList();
        return new LFunction(f.name(), f.params(), blocks, f.slots());
    }

    /** Blocks with the same instructions and terminator become one (the first); jumps to the others go to it. */
    private static LFunction mergeIdentical(LFunction f) {
        Map<List<Object>, Integer> seen = new java.util.HashMap<>();
        Map<Integer, Integer> to = new java.util.HashMap<>();
        for (LBlock b : f.blocks()) {
            if (b.id() == f.entry().id() || b.term().successors().contains(b.id())) {
                continue;
            }
            Integer first = seen.putIfAbsent(List.of(b.insns(), b.term()), b.id());
            if (first != null) {
                to.put(b.id(), first);
            }
        }
        if (to.isEmpty()) {
            return f;
        }
        List<LBlock> out = new ArrayList<>();
        for (LBlock b : f.blocks()) {
            if (!to.containsKey(b.id())) {
                out.add(new LBlock(b.id(), b.insns(), Rewrite.targets(b.term(), t -> to.getOrDefault(t, t))));
            }
        }
        return new LFunction(f.name(), f.params(), out, f.slots());
    }

    private static LFunction trivialBranches(LFunction f) {
        List<LBlock> out = new ArrayList<>();
        for (LBlock b : f.blocks()) {
            if (b.term() instanceof LTerm.Branch br && br.ifTrue() == br.ifFalse()) {
                out.add(new LBlock(b.id(), b.insns(), new LTerm.Jump(br.ifTrue(), br.span())));
            } else {
                out.add(b);
            }
        }
        return new LFunction(f.name(), f.params(), out, f.slots());
    }

    /** Where a jump to {@code id} ends up, past empty blocks that only jump. */
    private static int target(Map<Integer, LBlock> byId, int id) {
        Set<Integer> seen = new HashSet<>();
        int cur = id;
        while (seen.add(cur) && byId.get(cur).insns().isEmpty() && byId.get(cur).term() instanceof LTerm.Jump j) {
            cur = j.target();
        }
        return cur;
    }

    private static LFunction thread(LFunction f) {
        Map<Integer, LBlock> byId = f.byId();
        List<LBlock> out = new ArrayList<>();
        for (LBlock b : f.blocks()) {
            out.add(new LBlock(b.id(), b.insns(), Rewrite.targets(b.term(), t -> target(byId, t))));
        }
        return dropUnreachable(new LFunction(f.name(), f.params(), out, f.slots()));
    }

    private static LFunction merge(LFunction f) {
        Map<Integer, List<Integer>> preds = Cfg.predecessors(f);
        Map<Integer, LBlock> blocks = new LinkedHashMap<>();
        f.blocks().forEach(b -> blocks.put(b.id(), b));
        for (LBlock b : f.blocks()) {
            LBlock cur = blocks.get(b.id());
            if (cur == null) {
                continue;
            }
            while (cur.term() instanceof LTerm.Jump j && j.target() != cur.id() && j.target() != f.entry().id()
                    && preds.get(j.target()).size() == 1 && blocks.containsKey(j.target())) {
                LBlock succ = blocks.remove(j.target());
                List<LInsn> insns = new ArrayList<>(cur.insns());
                insns.addAll(succ.insns());
                cur = new LBlock(cur.id(), insns, succ.term());
                blocks.put(cur.id(), cur);
            }
        }
        return new LFunction(f.name(), f.params(), List.copyOf(blocks.values()), f.slots());
    }
}
