package dev.p4ebpf.ebpf.opt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.p4ebpf.ebpf.lir.LFunction;
import dev.p4ebpf.ebpf.lir.LInsn;
import dev.p4ebpf.ebpf.lir.LTerm;
import org.junit.jupiter.api.Test;

class ConstantPropagationTest {
    private final ConstantPropagation pass = new ConstantPropagation();

    @Test
    void foldsWithBpfSemanticsAndTurnsConstantBranchesIntoJumps() {
        LFunction f = PassCheck.check("constant-propagation-fold", pass, """
                function f[%0.ctx]
                  b0:
                    %1 = 4294967295
                    %2 = %1 add32 1
                    %3 = %1 lsh 100
                    %4 = %1 div 0
                    %5 = %1 mod32 0
                    %6 = -9223372036854775808
                    %7 = %6 sdiv -1
                    %8 = bswap16 %1
                    %9 = sext8 %1
                    if %2 jeq 0 goto b1 else b2
                  b1:
                    %10 = %3 add %4
                    %10 = %10 add %5
                    %10 = %10 xor %7
                    %10 = %10 add %8
                    %10 = %10 add %9
                    return %10
                  b2:
                    return 0
                """);
        assertInstanceOf(LTerm.Jump.class, f.entry().term());
        assertEquals(0, PassCheck.count(f, LInsn.Alu.class), "every operation folded");
    }

    @Test
    void substitutesImmediatesOnlyWhereTheyFitAndSwapsConstantsToTheRight() {
        LFunction f = PassCheck.check("constant-propagation-operands", pass, """
                function f[%0.ctx]
                  b0:
                    %1 = *(W)(%0.ctx + 0)
                    %2 = 14
                    %3 = 81985529216486895
                    %4 = %2 add %1
                    %5 = %1 and %3
                    %6 = %1 and32 %3
                    *(DW)(%1 + 0) = %3
                    *(W)(%1 + 0) = %3
                    if %2 jgt %4 goto b1 else b2
                  b1:
                    return %5
                  b2:
                    return %6
                """);
        assertEquals("if %4 jlt 14 goto b1 else b2", dev.p4ebpf.ebpf.lir.LPrinter.term(f.entry().term()));
    }

    @Test
    void knowsOnlyWhatHoldsOnEveryPath() {
        PassCheck.check("constant-propagation-join", pass, """
                function f[%0.ctx]
                  b0:
                    %1 = *(W)(%0.ctx + 0)
                    %2 = *(W)(%0.ctx + 4)
                    %3 = 1
                    %4 = 7
                    if %1 jeq %2 goto b1 else b2
                  b1:
                    %3 = 2
                    goto b3
                  b2:
                    goto b3
                  b3:
                    %5 = %3 add %4
                    return %5
                """);
    }
}
