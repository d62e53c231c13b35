package dev.p4ebpf.ebpf.regalloc;

import dev.p4ebpf.ebpf.insn.Reg;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Iterated register coalescing (George and Appel, 1996) over an {@link InterferenceGraph} with
 * r0–r9 as the colours: simplify, conservative coalescing (Briggs for two virtual registers,
 * George against a physical one), freeze, optimistic spilling, and colour selection biased towards
 * the colour of a move partner. Gives either a colour for every virtual register or the registers
 * to spill.
 */
final class GraphColoring {
    static final int K = 10;
    /** Colour preference when no move partner decides: argument registers first, callee-saved last. */
    private static final int[] ORDER = {1, 2, 3, 4, 5, 0, 6, 7, 8, 9};

    /** The outcome: colours of virtual register ids, or the ids to spill. */
    sealed interface Result {}

    record Colored(Map<Integer, Reg> colors) implements Result {}

    record Spill(Set<Integer> vregs) implements Result {}

    private enum MoveState { WORKLIST, ACTIVE, COALESCED, CONSTRAINED, FROZEN }

    private final InterferenceGraph g;
    private final Set<Integer> noSpill;
    private final int[] alias;
    private final int[] color;
    private final int[] degree;
    private final int[] occurrences;
    private final List<List<Integer>> members = new ArrayList<>();
    private final MoveState[] moveState;
    private final LinkedHashSet<Integer> simplifyWl = new LinkedHashSet<>();
    private final LinkedHashSet<Integer> freezeWl = new LinkedHashSet<>();
    private final LinkedHashSet<Integer> spillWl = new LinkedHashSet<>();
    private final LinkedHashSet<Integer> workMoves = new LinkedHashSet<>();
    private final BitSet coalesced = new BitSet();
    private final BitSet onStack = new BitSet();
    private final BitSet colored = new BitSet();
    private final Deque<Integer> selectStack = new ArrayDeque<>();
    private final List<Integer> spilled = new ArrayList<>();

    private GraphColoring(InterferenceGraph g, Set<Integer> noSpill) {
        this.g = g;
        this.noSpill = noSpill;
        alias = new int[g.size];
        color = new int[g.size];
        degree = g.degree;
        occurrences = g.occurrences.clone();
        moveState = new MoveState[g.moves.size()];
        for (int n = 0; n < g.size; n++) {
            alias[n] = n;
            color[n] = n < InterferenceGraph.PHYSICAL ? n : -1;
            List<Integer> m = new ArrayList<>();
            if (n >= InterferenceGraph.PHYSICAL) {
                m.add(g.vregOfNode.get(n));
            }
            members.add(m);
        }
        for (int m = 0; m < moveState.length; m++) {
            moveState[m] = MoveState.WORKLIST;
            workMoves.add(m);
        }
    }

    /** Colours {@code g}; registers in {@code noSpill} (spill temporaries) are spilled only as a last resort. */
    static Result color(InterferenceGraph g, Set<Integer> noSpill) {
        return new GraphColoring(g, noSpill).run();
    }

    private Result run() {
        for (int n = InterferenceGraph.PHYSICAL; n < g.size; n++) {
            if (degree[n] >= K) {
                spillWl.add(n);
            } else if (moveRelated(n)) {
                freezeWl.add(n);
            } else {
                simplifyWl.add(n);
            }
        }
        while (!simplifyWl.isEmpty() || !workMoves.isEmpty() || !freezeWl.isEmpty() || !spillWl.isEmpty()) {
            if (!simplifyWl.isEmpty()) {
                simplify();
            } else if (!workMoves.isEmpty()) {
                coalesce();
            } else if (!freezeWl.isEmpty()) {
                freeze();
            } else {
                selectSpill();
            }
        }
        assignColors();
        if (!spilled.isEmpty()) {
            Set<Integer> out = new LinkedHashSet<>();
            for (int n : spilled) {
                members.get(n).stream().filter(v -> !noSpill.contains(v)).forEach(out::add);
            }
            if (out.isEmpty()) {
                throw new IllegalStateException("register allocation failed: only spill temporaries are left to spill");
            }
            return new Spill(out);
        }
        Map<Integer, Reg> colors = new HashMap<>();
        for (int n = InterferenceGraph.PHYSICAL; n < g.size; n++) {
            colors.put(g.vregOfNode.get(n), Reg.of(color[alias(n)]));
        }
        return new Colored(colors);
    }

    private static <T> T pop(LinkedHashSet<T> set) {
        T first = set.iterator().next();
        set.remove(first);
        return first;
    }

    private List<Integer> adjacent(int n) {
        List<Integer> out = new ArrayList<>();
        for (int m : g.adjList.get(n)) {
            if (!onStack.get(m) && !coalesced.get(m)) {
                out.add(m);
            }
        }
        return out;
    }

    private List<Integer> nodeMoves(int n) {
        List<Integer> out = new ArrayList<>();
        for (int m : g.movesOf.get(n)) {
            if (moveState[m] == MoveState.ACTIVE || moveState[m] == MoveState.WORKLIST) {
                out.add(m);
            }
        }
        return out;
    }

    private boolean moveRelated(int n) {
        return !nodeMoves(n).isEmpty();
    }

    private boolean precolored(int n) {
        return n < InterferenceGraph.PHYSICAL;
    }

    private void simplify() {
        int n = pop(simplifyWl);
        selectStack.push(n);
        onStack.set(n);
        for (int m : adjacent(n)) {
            decrementDegree(m);
        }
    }

    private void decrementDegree(int m) {
        if (precolored(m)) {
            return;
        }
        int d = degree[m]--;
        if (d == K) {
            List<Integer> nodes = new ArrayList<>(adjacent(m));
            nodes.add(m);
            enableMoves(nodes);
            spillWl.remove(m);
            if (moveRelated(m)) {
                freezeWl.add(m);
            } else {
                simplifyWl.add(m);
            }
        }
    }

    private void enableMoves(List<Integer> nodes) {
        for (int n : nodes) {
            for (int m : nodeMoves(n)) {
                if (moveState[m] == MoveState.ACTIVE) {
                    moveState[m] = MoveState.WORKLIST;
                    workMoves.add(m);
                }
            }
        }
    }

    private int alias(int n) {
        while (coalesced.get(n)) {
            n = alias[n];
        }
        return n;
    }

    private void coalesce() {
        int m = pop(workMoves);
        int x = alias(g.moves.get(m).dst());
        int y = alias(g.moves.get(m).src());
        int u = precolored(y) ? y : x;
        int v = precolored(y) ? x : y;
        if (u == v) {
            moveState[m] = MoveState.COALESCED;
            addWorkList(u);
        } else if (precolored(v) || g.interferes(u, v)) {
            moveState[m] = MoveState.CONSTRAINED;
            addWorkList(u);
            addWorkList(v);
        } else if (precolored(u) ? allOk(adjacent(v), u) : conservative(u, v)) {
            moveState[m] = MoveState.COALESCED;
            combine(u, v);
            addWorkList(u);
        } else {
            moveState[m] = MoveState.ACTIVE;
        }
    }

    private void addWorkList(int u) {
        if (!precolored(u) && !moveRelated(u) && degree[u] < K) {
            freezeWl.remove(u);
            simplifyWl.add(u);
        }
    }

    private boolean allOk(List<Integer> ts, int r) {
        for (int t : ts) {
            if (!(degree[t] < K || precolored(t) || g.interferes(t, r))) {
                return false;
            }
        }
        return true;
    }

    private boolean conservative(int u, int v) {
        Set<Integer> nodes = new LinkedHashSet<>(adjacent(u));
        nodes.addAll(adjacent(v));
        int k = 0;
        for (int n : nodes) {
            if (degree[n] >= K) {
                k++;
            }
        }
        return k < K;
    }

    private void combine(int u, int v) {
        if (!freezeWl.remove(v)) {
            spillWl.remove(v);
        }
        coalesced.set(v);
        alias[v] = u;
        g.movesOf.get(u).addAll(g.movesOf.get(v));
        members.get(u).addAll(members.get(v));
        occurrences[u] += occurrences[v];
        enableMoves(List.of(v));
        for (int t : adjacent(v)) {
            g.addEdge(t, u);
            decrementDegree(t);
        }
        if (!precolored(u) && degree[u] >= K && freezeWl.remove(u)) {
            spillWl.add(u);
        }
    }

    private void freeze() {
        int u = pop(freezeWl);
        simplifyWl.add(u);
        freezeMoves(u);
    }

    private void freezeMoves(int u) {
        for (int m : nodeMoves(u)) {
            int x = g.moves.get(m).dst();
            int y = g.moves.get(m).src();
            int v = alias(y) == alias(u) ? alias(x) : alias(y);
            moveState[m] = MoveState.FROZEN;
            if (!precolored(v) && nodeMoves(v).isEmpty() && degree[v] < K) {
                freezeWl.remove(v);
                simplifyWl.add(v);
            }
        }
    }

    private void selectSpill() {
        int best = -1;
        double bestCost = Double.MAX_VALUE;
        for (int n : spillWl) {
            boolean temp = members.get(n).stream().allMatch(noSpill::contains);
            double cost = (temp ? 1e9 : 0) + (double) occurrences[n] / Math.max(1, degree[n]);
            if (cost < bestCost) {
                bestCost = cost;
                best = n;
            }
        }
        spillWl.remove(best);
        simplifyWl.add(best);
        freezeMoves(best);
    }

    private void assignColors() {
        while (!selectStack.isEmpty()) {
            int n = selectStack.pop();
            onStack.clear(n);
            BitSet ok = new BitSet();
            ok.set(0, K);
            for (int w : g.adjList.get(n)) {
                int a = alias(w);
                if (precolored(a) || colored.get(a)) {
                    ok.clear(color[a]);
                }
            }
            if (ok.isEmpty()) {
                spilled.add(n);
            } else {
                color[n] = choose(n, ok);
                colored.set(n);
            }
        }
    }

    /** A move partner's colour if it is free, else the first free colour in {@link #ORDER}. */
    private int choose(int n, BitSet ok) {
        for (int m : g.movesOf.get(n)) {
            int other = alias(g.moves.get(m).dst()) == n ? alias(g.moves.get(m).src()) : alias(g.moves.get(m).dst());
            if ((precolored(other) || colored.get(other)) && ok.get(color[other])) {
                return color[other];
            }
        }
        for (int c : ORDER) {
            if (ok.get(c)) {
                return c;
            }
        }
        throw new IllegalStateException("no colour left");
    }
}
