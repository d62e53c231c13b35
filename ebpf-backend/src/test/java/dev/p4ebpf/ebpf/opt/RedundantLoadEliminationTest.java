package dev.p4ebpf.ebpf.opt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.p4ebpf.ebpf.lir.LFunction;
import dev.p4ebpf.ebpf.lir.LInsn;
import org.junit.jupiter.api.Test;

class RedundantLoadEliminationTest {
    private final RedundantLoadElimination pass = new RedundantLoadElimination();

    @Test
    void reloadsOfTheContextAndOfFieldsBecomeMoves() {
        LFunction f = PassCheck.check("loads-reloaded", pass, """
                function f[%0.ctx]
                  b0:
                    %1 = *(W)(%0.ctx + 0)
                    %2 = *(W)(%0.ctx + 4)
                    %3 = %1 add 14
                    if %3 jgt %2 goto b2 else b1
                  b1:
                    %4 = *(W)(%0.ctx + 0)
                    %5 = *(H)(%4 + 12)
                    %6 = *(H)(%1 + 12)
                    %7 = *(B)(%1 + 12)
                    %8 = %5 add %6
                    %8 = %8 add %7
                    return %8
                  b2:
                    return 1
                """);
        assertEquals("%4 = %1", dev.p4ebpf.ebpf.lir.LPrinter.insn(f.byId().get(1).insns().getFirst()));
        assertEquals(5, PassCheck.count(f, LInsn.Load.class), "loads through %4 match once copy propagation has run");
    }

    @Test
    void storesAndCallsForgetEverything() {
        LFunction f = PassCheck.check("loads-killed", pass, """
                function f[%0.ctx]
                  b0:
                    %1 = *(W)(%0.ctx + 0)
                    %2 = *(W)(%0.ctx + 4)
                    %3 = %1 add 14
                    if %3 jgt %2 goto b2 else b1
                  b1:
                    %4 = *(H)(%1 + 12)
                    *(B)(%1 + 13) = 0
                    %5 = *(H)(%1 + 12)
                    %6 = call get_prandom_u32()
                    %7 = *(H)(%1 + 12)
                    %8 = %4 add %5
                    %8 = %8 add %7
                    return %8
                  b2:
                    return 1
                """);
        assertEquals(5, PassCheck.count(f, LInsn.Load.class));
    }
}
