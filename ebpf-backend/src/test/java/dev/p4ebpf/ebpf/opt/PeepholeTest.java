package dev.p4ebpf.ebpf.opt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.p4ebpf.ebpf.lir.LFunction;
import dev.p4ebpf.ebpf.lir.LPrinter;
import org.junit.jupiter.api.Test;

class PeepholeTest {
    private final Peephole pass = new Peephole();

    @Test
    void algebraicIdentitiesAndPowersOfTwo() {
        PassCheck.check("peephole-algebra", pass, """
                function f[%0.ctx]
                  b0:
                    %1 = call get_prandom_u32()
                    %2 = %1 add 0
                    %3 = %1 add32 0
                    %4 = %1 mul 8
                    %5 = %1 div32 16
                    %6 = %1 mod 64
                    %7 = %1 and 0
                    %8 = %1 lsh 64
                    %9 = %1 mul32 4294967296
                    %10 = %1 and -1
                    %11 = %1 mod 4294967296
                    %12 = %2 add %3
                    %12 = %12 add %4
                    %12 = %12 add %5
                    %12 = %12 add %6
                    %12 = %12 add %7
                    %12 = %12 add %8
                    %12 = %12 add %9
                    %12 = %12 add %10
                    %12 = %12 add %11
                    return %12
                """);
    }

    @Test
    void byteOrderRoundTripsAndComparisons() {
        LFunction f = PassCheck.check("peephole-byteorder", pass, """
                function f[%0.ctx]
                  b0:
                    %1 = *(W)(%0.ctx + 0)
                    %2 = *(W)(%0.ctx + 4)
                    %3 = %1 add 34
                    if %3 jgt %2 goto b9 else b1
                  b1:
                    %4 = *(H)(%1 + 12)
                    %5 = bswap16 %4
                    if %5 jne 2048 goto b9 else b2
                  b2:
                    %6 = *(W)(%1 + 30)
                    %7 = bswap32 %6
                    %8 = bswap32 %7
                    %9 = bswap32 %7
                    if %9 jeq 4294967295 goto b9 else b3
                  b3:
                    %10 = *(B)(%1 + 22)
                    %11 = %10 sub32 1
                    %12 = %11 and 255
                    *(B)(%1 + 22) = %12
                    return %8
                  b9:
                    return 1
                """);
        assertEquals("if %4.. jne 8 goto b9 else b2".replace("..", ""), LPrinter.term(f.byId().get(1).term()));
        assertEquals("%8 = %6", LPrinter.insn(f.byId().get(2).insns().get(2)));
        assertEquals("*(B)(%1 + 22) = %11", LPrinter.insn(f.byId().get(3).insns().get(3)));
    }
}
