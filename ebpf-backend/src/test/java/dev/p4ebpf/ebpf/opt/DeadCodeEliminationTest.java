package dev.p4ebpf.ebpf.opt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.p4ebpf.ebpf.lir.LFunction;
import dev.p4ebpf.ebpf.lir.LInsn;
import org.junit.jupiter.api.Test;

class DeadCodeEliminationTest {
    private final DeadCodeElimination pass = new DeadCodeElimination();

    @Test
    void removesUnusedLoadsAndChainsButKeepsEffects() {
        LFunction f = PassCheck.check("dead-code-chain", pass, """
                function f[%0.ctx]
                  b0:
                    %1 = *(W)(%0.ctx + 0)
                    %2 = *(W)(%0.ctx + 4)
                    %3 = %1 add 14
                    %4 = %3 lsh 2
                    %5 = call get_prandom_u32()
                    %6 = %1
                    %6 = %6
                    *(DW)($0.unused[8] + 0) = %5
                    *(DW)($1.kept[8] + 0) = %5
                    %7 = *(DW)($1.kept[8] + 0)
                    if %2 jeq 0 goto b1 else b2
                  b1:
                    return %7
                  b2:
                    return 0
                """);
        assertEquals(4, f.entry().insns().size());
        assertEquals(1, PassCheck.count(f, LInsn.CallHelper.class), "calls stay even when the result is unused");
        assertEquals(1, f.slots().size(), "the never-read slot is gone");
    }

    @Test
    void keepsWhatALoopReadsBack() {
        PassCheck.check("dead-code-loop", pass, """
                function f[%0.ctx]
                  b0:
                    %1 = 0
                    %2 = 5
                    goto b1
                  b1:
                    %1 = %1 add %2
                    %3 = %1 mul 3
                    %2 = %2 sub 1
                    if %2 jne 0 goto b1 else b2
                  b2:
                    return %1
                """);
    }
}
