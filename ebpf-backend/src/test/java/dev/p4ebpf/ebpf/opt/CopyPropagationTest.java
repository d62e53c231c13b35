package dev.p4ebpf.ebpf.opt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.p4ebpf.ebpf.lir.LFunction;
import dev.p4ebpf.ebpf.lir.LPrinter;
import org.junit.jupiter.api.Test;

class CopyPropagationTest {
    private final CopyPropagation pass = new CopyPropagation();

    @Test
    void readsTheOriginalUntilEitherIsWritten() {
        LFunction f = PassCheck.check("copy-propagation-chain", pass, """
                function f[%0.ctx]
                  b0:
                    %1 = *(W)(%0.ctx + 0)
                    %2 = %1
                    %3 = %2
                    %4 = %3 add 1
                    %1 = %4
                    %5 = %3 add %2
                    return %5
                """);
        assertEquals("%4 = %1 add 1", LPrinter.insn(f.entry().insns().get(3)));
        assertEquals("%5 = %3 add %2", LPrinter.insn(f.entry().insns().get(5)), "after %1 changes, %3 is no copy of it");
    }

    @Test
    void aCopyOnBothPathsSurvivesTheJoin() {
        LFunction f = PassCheck.check("copy-propagation-join", pass, """
                function f[%0.ctx]
                  b0:
                    %1 = *(W)(%0.ctx + 0)
                    %2 = *(W)(%0.ctx + 4)
                    if %1 jeq %2 goto b1 else b2
                  b1:
                    %3 = %1
                    %4 = %2
                    goto b3
                  b2:
                    %3 = %1
                    %4 = %1
                    goto b3
                  b3:
                    %5 = %3 sub %4
                    return %5
                """);
        assertEquals("%5 = %1 sub %4", LPrinter.insn(f.byId().get(3).insns().getFirst()));
    }
}
