package dev.p4ebpf.ebpf.opt;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.p4ebpf.ebpf.lir.LFunction;
import dev.p4ebpf.ebpf.lir.LTerm;
import org.junit.jupiter.api.Test;

class BoundsCheckEliminationTest {
    private final BoundsCheckElimination pass = new BoundsCheckElimination();

    private static final String HEAD = """
            function f[%0.ctx]
              b0:
                %1 = *(W)(%0.ctx + 0)
                %2 = *(W)(%0.ctx + 4)
                %3 = %1 add 34
                if %3 jgt %2 goto b9 else b1
            """;

    @Test
    void aCheckDominatedByAWiderOneGoes() {
        LFunction f = PassCheck.check("bounds-dominated", pass, HEAD + """
                  b1:
                    %4 = %1
                    %5 = %4 add 14
                    if %2 jlt %5 goto b9 else b2
                  b2:
                    %6 = *(H)(%1 + 12)
                    %7 = %1 add 20
                    if %7 jle %2 goto b3 else b9
                  b3:
                    return %6
                  b9:
                    return 1
                """);
        assertInstanceOf(LTerm.Jump.class, f.byId().get(1).term());
        assertInstanceOf(LTerm.Jump.class, f.byId().get(2).term());
    }

    @Test
    void aWiderCheckAfterANarrowOneStays() {
        LFunction f = PassCheck.check("bounds-wider-stays", pass, HEAD + """
                  b1:
                    %5 = %1 add 54
                    if %5 jgt %2 goto b9 else b2
                  b2:
                    return 2
                  b9:
                    return 1
                """);
        assertInstanceOf(LTerm.Branch.class, f.byId().get(1).term());
    }

    @Test
    void notWhenOnePathIsUnchecked() {
        LFunction f = PassCheck.check("bounds-join", pass, """
                function f[%0.ctx]
                  b0:
                    %1 = *(W)(%0.ctx + 0)
                    %2 = *(W)(%0.ctx + 4)
                    %8 = *(W)(%0.ctx + 12)
                    if %8 jeq 0 goto b1 else b2
                  b1:
                    %3 = %1 add 34
                    if %3 jgt %2 goto b9 else b2
                  b2:
                    %5 = %1 add 14
                    if %5 jgt %2 goto b9 else b3
                  b3:
                    return 2
                  b9:
                    return 1
                """);
        assertInstanceOf(LTerm.Branch.class, f.byId().get(2).term());
    }

    @Test
    void notAfterTheBaseIsWrittenNorForScalars() {
        LFunction f = PassCheck.check("bounds-redefined", pass, HEAD + """
                  b1:
                    %1 = %1 add 2
                    %5 = %1 add 14
                    if %5 jgt %2 goto b9 else b2
                  b2:
                    %6 = %0.ctx add 8
                    %7 = %6 add 40
                    if %7 jgt %2 goto b9 else b3
                  b3:
                    %8 = %6 add 4
                    if %8 jgt %2 goto b9 else b4
                  b4:
                    return 2
                  b9:
                    return 1
                """);
        assertInstanceOf(LTerm.Branch.class, f.byId().get(1).term());
        assertInstanceOf(LTerm.Branch.class, f.byId().get(3).term(), "ctx + 8 is no packet pointer");
    }
}
