package dev.p4ebpf.ebpf.regalloc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.p4ebpf.ebpf.insn.Reg;
import dev.p4ebpf.ebpf.lir.LFunction;
import dev.p4ebpf.ebpf.lir.LInsn;
import dev.p4ebpf.ebpf.lir.VReg;
import dev.p4ebpf.ebpf.lirtest.LirParser;
import dev.p4ebpf.ebpf.testutil.Golden;
import org.junit.jupiter.api.Test;

class RegisterAllocatorTest {

    @Test
    void argumentsAndResultsAreCoalescedIntoTheirRegisters() {
        LFunction f = LirParser.parse("""
                function f[%0.ctx]
                  b0:
                    %1 = *(W)(%0.ctx + 0)
                    %2 = map routes
                    %3 = &$0.key[8] + 0
                    *(DW)($0.key[8] + 0) = %1
                    %4 = call map_lookup_elem(%2, %3)
                    if %4 jeq 0 goto b1 else b2
                  b1:
                    return 1
                  b2:
                    %5 = *(B)(%4 + 0)
                    %6 = %5 add %1
                    return %6
                """);
        Allocation a = RegisterAllocator.allocate(f);
        Golden.check("dev/p4ebpf/ebpf/regalloc/coalescing.golden", a.listing());
        assertEquals(Reg.R2, reg(a, "%3"), "the key pointer is built in r2");
        assertEquals(Reg.R1, reg(a, "%2"), "the map is loaded into r1");
        assertEquals(Reg.R0, reg(a, "%4"), "the lookup result stays in r0");
        assertTrue(reg(a, "%1").number() >= 6, "data lives across the call");
        assertEquals(0, a.spilled());
    }

    @Test
    void valuesLiveAcrossCallsBeyondFourCalleeSavedRegistersAreSpilled() {
        StringBuilder sb = new StringBuilder("function f[%0.ctx]\n  b0:\n");
        for (int i = 1; i <= 7; i++) {
            sb.append("    %").append(i).append(" = call get_prandom_u32()\n");
        }
        sb.append("    %8 = call get_prandom_u32()\n    %9 = %8\n");
        for (int i = 1; i <= 7; i++) {
            sb.append("    %9 = %9 add %").append(i).append('\n');
        }
        sb.append("    return %9\n");
        Allocation a = RegisterAllocator.allocate(LirParser.parse(sb.toString()));
        Golden.check("dev/p4ebpf/ebpf/regalloc/spilling.golden", a.listing());
        assertTrue(a.spilled() >= 2, "seven values across calls, four callee-saved registers");
        long spillStores = a.function().blocks().stream().flatMap(b -> b.insns().stream())
                .filter(i -> i instanceof LInsn.StoreStack s && s.size() == dev.p4ebpf.ebpf.insn.Size.DW).count();
        assertTrue(spillStores >= 2);
    }

    @Test
    void spillSlotsWithDisjointLifetimesShareTheirPlace() {
        StringBuilder sb = new StringBuilder("function f[%0.ctx]\n  b0:\n");
        for (int round = 0; round < 3; round++) {
            int base = 1 + round * 20;
            for (int i = 0; i < 7; i++) {
                sb.append("    %").append(base + i).append(" = call get_prandom_u32()\n");
            }
            sb.append("    %").append(base + 10).append(" = call get_prandom_u32()\n");
            for (int i = 0; i < 7; i++) {
                sb.append("    %").append(base + 10).append(" = %").append(base + 10).append(" add %")
                        .append(base + i).append('\n');
            }
            sb.append("    *(DW)($").append(round).append(".out[8] + 0) = %").append(base + 10).append('\n');
        }
        sb.append("    %70 = *(DW)($0.out[8] + 0)\n    return %70\n");
        Allocation a = RegisterAllocator.allocate(LirParser.parse(sb.toString()));
        assertTrue(a.spilled() >= 6, "three rounds of seven values across calls");
        assertTrue(a.frame().size() <= 3 * 8 + 4 * 8, "spill slots of the three rounds overlap: " + a.frame().size());
    }

    @Test
    void aFrameOverTheLimitIsReported() {
        LFunction f = LirParser.parse("""
                function f[%0.ctx]
                  b0:
                    *(DW)($0.a[400] + 0) = 1
                    *(DW)($1.b[200] + 0) = 2
                    %1 = *(DW)($0.a[400] + 0)
                    %2 = *(DW)($1.b[200] + 0)
                    %3 = %1 add %2
                    return %3
                """);
        FrameTooLargeException e = assertThrows(FrameTooLargeException.class, () -> RegisterAllocator.allocate(f));
        assertEquals(600, e.bytes());
    }

    private static Reg reg(Allocation a, String v) {
        return a.reg(new VReg(Integer.parseInt(v.substring(1)), ""));
    }
}
