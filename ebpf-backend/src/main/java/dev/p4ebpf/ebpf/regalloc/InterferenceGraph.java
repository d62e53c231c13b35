package dev.p4ebpf.ebpf.regalloc;

import dev.p4ebpf.ebpf.insn.Reg;
import dev.p4ebpf.ebpf.lir.LBlock;
import dev.p4ebpf.ebpf.lir.LInsn;
import dev.p4ebpf.ebpf.lir.VReg;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The interference graph of a function in {@link MachineForm}: nodes 0–9 are the physical registers
 * r0–r9, the others stand for virtual registers (a register fixed to a physical one is that node).
 * Two nodes interfere when one is written while the other is live; a call writes r0–r5. Moves
 * between registers are recorded for coalescing.
 */
final class InterferenceGraph {
    static final int PHYSICAL = 10;
    /** Registers a call overwrites. */
    static final int CLOBBERED = 6;

    /** A move {@code dst = src} between two nodes. */
    record Move(int dst, int src) {}

    final int size;
    final BitSet adjacent;
    final List<List<Integer>> adjList = new ArrayList<>();
    final int[] degree;
    final int[] occurrences;
    final List<Move> moves = new ArrayList<>();
    final List<List<Integer>> movesOf = new ArrayList<>();
    final List<Integer> vregOfNode = new ArrayList<>();
    private final Map<Integer, Integer> nodeOfVreg = new HashMap<>();
    private final Map<Integer, Reg> fixed;

    InterferenceGraph(MachineForm mf) {
        this.fixed = mf.fixed();
        for (int i = 0; i < PHYSICAL; i++) {
            vregOfNode.add(-1);
        }
        for (LBlock b : mf.function().blocks()) {
            for (LInsn i : b.insns()) {
                i.def().ifPresent(this::number);
                i.uses().forEach(this::number);
            }
            b.term().uses().forEach(this::number);
        }
        mf.function().params().forEach(this::number);
        size = vregOfNode.size();
        adjacent = new BitSet(size * size);
        degree = new int[size];
        occurrences = new int[size];
        for (int i = 0; i < size; i++) {
            adjList.add(new ArrayList<>());
            movesOf.add(new ArrayList<>());
            if (i < PHYSICAL) {
                degree[i] = Integer.MAX_VALUE / 4;
            }
        }
        build(mf);
    }

    private void number(VReg v) {
        if (!fixed.containsKey(v.id()) && !nodeOfVreg.containsKey(v.id())) {
            nodeOfVreg.put(v.id(), vregOfNode.size());
            vregOfNode.add(v.id());
        }
    }

    int node(VReg v) {
        Reg r = fixed.get(v.id());
        return r != null ? r.number() : nodeOfVreg.get(v.id());
    }

    boolean interferes(int u, int v) {
        return adjacent.get(u * size + v);
    }

    void addEdge(int u, int v) {
        if (u == v || interferes(u, v)) {
            return;
        }
        adjacent.set(u * size + v);
        adjacent.set(v * size + u);
        if (u >= PHYSICAL) {
            adjList.get(u).add(v);
            degree[u]++;
        }
        if (v >= PHYSICAL) {
            adjList.get(v).add(u);
            degree[v]++;
        }
    }

    private void build(MachineForm mf) {
        Liveness liveness = Liveness.of(mf.function(), this::node);
        for (LBlock b : mf.function().blocks()) {
            BitSet live = liveness.liveOut(b.id());
            for (VReg u : b.term().uses()) {
                live.set(node(u));
                occurrences[node(u)]++;
            }
            List<LInsn> insns = b.insns();
            for (int k = insns.size() - 1; k >= 0; k--) {
                step(insns.get(k), live);
            }
        }
    }

    private void step(LInsn insn, BitSet live) {
        if (insn instanceof LInsn.Mov m && m.src() instanceof VReg s) {
            int d = node(m.dst());
            int src = node(s);
            live.clear(src);
            if (d != src) {
                int index = moves.size();
                moves.add(new Move(d, src));
                movesOf.get(d).add(index);
                movesOf.get(src).add(index);
            }
        }
        BitSet defs = new BitSet();
        insn.def().ifPresent(d -> defs.set(node(d)));
        if (Rewrite.isCall(insn)) {
            defs.set(0, CLOBBERED);
        }
        live.or(defs);
        for (int d = defs.nextSetBit(0); d >= 0; d = defs.nextSetBit(d + 1)) {
            occurrences[d]++;
            for (int l = live.nextSetBit(0); l >= 0; l = live.nextSetBit(l + 1)) {
                addEdge(l, d);
            }
        }
        live.andNot(defs);
        for (VReg u : insn.uses()) {
            live.set(node(u));
            occurrences[node(u)]++;
        }
    }
}
