package dev.p4ebpf.ebpf.opt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.p4ebpf.ebpf.lir.LFunction;
import dev.p4ebpf.ebpf.lir.LPrinter;
import org.junit.jupiter.api.Test;

class JumpThreadingTest {
    private final JumpThreading pass = new JumpThreading();

    @Test
    void aValidFlagSetByTheParserDecidesTheBranch() {
        LFunction f = PassCheck.check("jump-threading-flag", pass, """
                function f[%0.ctx]
                  b0:
                    %1 = *(W)(%0.ctx + 0)
                    %2 = *(W)(%0.ctx + 4)
                    %3 = 0
                    %4 = %1 add 14
                    if %4 jgt %2 goto b1 else b2
                  b1:
                    %3 = 0
                    goto b3
                  b2:
                    %3 = 1
                    goto b3
                  b3:
                    %5 = 2
                    if %3 jne 0 goto b4 else b5
                  b4:
                    %6 = *(B)(%1 + 0)
                    return %6
                  b5:
                    return %5
                """);
        assertEquals("goto b4", LPrinter.term(f.byId().get(2).term()));
        assertEquals("return 2", LPrinter.term(f.byId().get(1).term()), "the return of a known value is threaded too");
    }

    @Test
    void emptyBlocksAreThreadedFromBranchesButLoopsAreLeftAlone() {
        LFunction f = PassCheck.check("jump-threading-branch", pass, """
                function f[%0.ctx]
                  b0:
                    %1 = *(W)(%0.ctx + 0)
                    %2 = 3
                    if %1 jeq 0 goto b1 else b2
                  b1:
                    if %2 jeq 4 goto b3 else b2
                  b2:
                    %2 = %2 sub 1
                    if %2 jne 0 goto b2 else b3
                  b3:
                    return %2
                """);
        assertEquals("if %1 jeq 0 goto b2 else b2", LPrinter.term(f.entry().term()));
    }
}
