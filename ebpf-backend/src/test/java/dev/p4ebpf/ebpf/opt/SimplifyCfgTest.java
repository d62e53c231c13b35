package dev.p4ebpf.ebpf.opt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.p4ebpf.ebpf.lir.LFunction;
import org.junit.jupiter.api.Test;

class SimplifyCfgTest {
    private final SimplifyCfg pass = new SimplifyCfg();

    @Test
    void threadsEmptyBlocksMergesChainsAndDropsUnreachable() {
        LFunction f = PassCheck.check("simplify-cfg", pass, """
                function f[%0.ctx]
                  b0:
                    %1 = *(W)(%0.ctx + 0)
                    %2 = *(W)(%0.ctx + 4)
                    if %1 jgt %2 goto b1 else b2
                  b1:
                    goto b5
                  b2:
                    %3 = %1 add 1
                    goto b3
                  b3:
                    %4 = %3 add 1
                    if %4 jeq 0 goto b6 else b6
                  b6:
                    return %4
                  b5:
                    return 1
                  b7:
                    return 9
                """);
        assertEquals(3, f.blocks().size(), "entry, merged b2+b3+b6, and b5");
        assertEquals(java.util.List.of(5, 2), f.entry().term().successors());
    }

    @Test
    void identicalExitsBecomeOne() {
        LFunction f = PassCheck.check("simplify-cfg-identical", pass, """
                function f[%0.ctx]
                  b0:
                    %1 = *(W)(%0.ctx + 0)
                    if %1 jeq 0 goto b1 else b2
                  b1:
                    return 2
                  b2:
                    if %1 jeq 1 goto b3 else b4
                  b3:
                    return 2
                  b4:
                    return 2
                """);
        assertEquals(1, f.blocks().size(), "all exits are one, both branches went with their targets, the rest merged");
    }

    @Test
    void leavesLoopsAlone() {
        LFunction f = PassCheck.check("simplify-cfg-loop", pass, """
                function f[%0.ctx]
                  b0:
                    %1 = 3
                    goto b1
                  b1:
                    %1 = %1 sub 1
                    if %1 jne 0 goto b1 else b2
                  b2:
                    return %1
                """);
        assertEquals(3, f.blocks().size());
    }
}
