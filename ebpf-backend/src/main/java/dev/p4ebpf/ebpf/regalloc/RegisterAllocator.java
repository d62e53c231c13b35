package dev.p4ebpf.ebpf.regalloc;

import dev.p4ebpf.ebpf.lir.LFunction;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Maps a function's virtual registers onto r0–r9 under BPF's calling convention: arguments in
 * r1–r5, the result in r0, r0–r5 overwritten by every call (so whatever lives across a call gets
 * r6–r9 or the stack), r10 the read-only frame pointer. Rewrites into {@link MachineForm}, colours
 * the interference graph with coalescing ({@link GraphColoring}), spills and retries until every
 * register has a colour, lets spill slots share space ({@link SpillSlotSharing}), then lays out the
 * frame.
 */
public final class RegisterAllocator {
    private static final int MAX_ROUNDS = 32;

    private RegisterAllocator() {}

    /**
     * Allocates {@code f}.
     *
     * @throws FrameTooLargeException when slots and spills need more than 512 bytes
     */
    public static Allocation allocate(LFunction f) {
        MachineForm mf = ConstraintLowering.lower(f);
        Fresh fresh = new Fresh(mf.function());
        Set<Integer> noSpill = new HashSet<>();
        Set<Integer> everSpilled = new HashSet<>();
        Set<Integer> originalSlots = new HashSet<>();
        f.slots().forEach(s -> originalSlots.add(s.id()));
        for (int round = 0; round < MAX_ROUNDS; round++) {
            InterferenceGraph g = new InterferenceGraph(mf);
            switch (GraphColoring.color(g, noSpill)) {
                case GraphColoring.Colored c -> {
                    Map<Integer, dev.p4ebpf.ebpf.insn.Reg> regs = new HashMap<>(c.colors());
                    regs.putAll(mf.fixed());
                    Set<Integer> spillSlots = new HashSet<>();
                    mf.function().slots().stream().filter(s -> !originalSlots.contains(s.id()))
                            .forEach(s -> spillSlots.add(s.id()));
                    LFunction shared = SpillSlotSharing.share(mf.function(), spillSlots);
                    FrameLayout frame = FrameLayout.of(f.name(), shared.slots());
                    return new Allocation(shared, regs, frame, everSpilled.size());
                }
                case GraphColoring.Spill s -> {
                    everSpilled.addAll(s.vregs());
                    mf = SpillRewriter.rewrite(mf, s.vregs(), fresh, noSpill);
                }
            }
        }
        throw new IllegalStateException(f.name() + ": register allocation did not converge after " + MAX_ROUNDS
                + " rounds of spilling");
    }
}
