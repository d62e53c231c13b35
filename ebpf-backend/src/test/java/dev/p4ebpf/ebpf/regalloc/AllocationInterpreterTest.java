package dev.p4ebpf.ebpf.regalloc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.p4ebpf.ebpf.insn.Reg;
import dev.p4ebpf.ebpf.lir.LBlock;
import dev.p4ebpf.ebpf.lir.LFunction;
import dev.p4ebpf.ebpf.lir.LInsn;
import dev.p4ebpf.ebpf.lir.StackSlot;
import dev.p4ebpf.ebpf.lir.VReg;
import dev.p4ebpf.ebpf.lirtest.LirInterpreter;
import dev.p4ebpf.ebpf.lirtest.RandomLir;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Allocation checked without a kernel: random LIR programs are allocated, every virtual register is
 * renamed to its physical register, and the result runs in the interpreter with calls overwriting
 * r0–r5; it must compute what the original computes. Also checks that nothing live across a call
 * sits in r0–r5 and that spill slots are 8-byte aligned inside the 512-byte frame.
 */
class AllocationInterpreterTest {
    private static final int COUNT = Integer.getInteger("lir.random.count", 400);

    @Test
    void allocatedProgramsComputeTheSameOnPhysicalRegisters() {
        long seed = Long.getLong("lir.random.seed", System.nanoTime());
        System.out.println("AllocationInterpreterTest seed " + seed);
        Random rnd = new Random(seed);
        int spilled = 0;
        for (int n = 0; n < COUNT; n++) {
            LFunction f = RandomLir.generate(rnd, false);
            byte[] packet = new byte[RandomLir.PACKET + rnd.nextInt(32)];
            rnd.nextBytes(packet);
            Allocation a = RegisterAllocator.allocate(f);
            String where = "program " + n + " of seed " + seed + ":\n" + f + "\n" + a.listing();
            assertEquals(LirInterpreter.run(f, packet), LirInterpreter.runPhysical(physical(a), packet), where);
            callsPreserve(a, where);
            frameIsSound(a, where);
            spilled += a.spilled();
        }
        System.out.println("AllocationInterpreterTest: " + COUNT + " programs, " + spilled + " registers spilled");
    }

    /** The allocated function with %n standing for register rn. */
    static LFunction physical(Allocation a) {
        LFunction f = a.function();
        java.util.function.Function<VReg, VReg> phys = v -> new VReg(a.reg(v).number(), "");
        List<LBlock> blocks = new ArrayList<>();
        for (LBlock b : f.blocks()) {
            List<LInsn> insns = new ArrayList<>();
            for (LInsn i : b.insns()) {
                LInsn r = Rewrite.uses(i, phys::apply);
                insns.add(r.def().isPresent() ? Rewrite.def(r, phys.apply(r.def().get())) : r);
            }
            blocks.add(new LBlock(b.id(), insns, Rewrite.uses(b.term(), phys::apply)));
        }
        return new LFunction(f.name(), f.params().stream().map(phys).toList(), blocks, f.slots());
    }

    private static void callsPreserve(Allocation a, String where) {
        LFunction f = a.function();
        Liveness live = Liveness.of(f);
        for (LBlock b : f.blocks()) {
            BitSet l = live.liveOut(b.id());
            b.term().uses().forEach(u -> l.set(u.id()));
            for (int k = b.insns().size() - 1; k >= 0; k--) {
                LInsn i = b.insns().get(k);
                if (Rewrite.isCall(i)) {
                    BitSet across = (BitSet) l.clone();
                    i.def().ifPresent(d -> across.clear(d.id()));
                    for (int v = across.nextSetBit(0); v >= 0; v = across.nextSetBit(v + 1)) {
                        Reg r = a.registers().get(v);
                        assertTrue(r.number() >= 6, "%" + v + " lives across a call in " + r + ": " + where);
                    }
                }
                live.stepBack(i, l);
            }
        }
    }

    private static void frameIsSound(Allocation a, String where) {
        assertTrue(a.frame().size() <= FrameLayout.LIMIT, where);
        for (StackSlot s : a.function().slots()) {
            int off = a.frame().offset(s, 0);
            assertEquals(0, Math.floorMod(off, s.align()), "slot " + s + " misaligned: " + where);
            assertTrue(off + s.size() <= 0 && off >= -a.frame().size(), "slot " + s + " outside the frame: " + where);
        }
    }
}
