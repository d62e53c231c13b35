package dev.p4ebpf.ebpf.opt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.p4ebpf.ebpf.lir.LFunction;
import dev.p4ebpf.ebpf.lir.LInsn;
import org.junit.jupiter.api.Test;

class StackForwardingTest {
    private final StackForwarding pass = new StackForwarding();

    @Test
    void forwardsWhatFitsAndForgetsOverlaps() {
        LFunction f = PassCheck.check("stack-forwarding", pass, """
                function f[%0.ctx]
                  b0:
                    %1 = call get_prandom_u32()
                    %1 = %1 lsh 20
                    *(DW)($0.a[16] + 0) = %1
                    *(W)($0.a[16] + 8) = %1
                    *(H)($0.a[16] + 12) = 305419896
                    %2 = *(DW)($0.a[16] + 0)
                    %3 = *(W)($0.a[16] + 8)
                    %4 = *(H)($0.a[16] + 12)
                    *(B)($0.a[16] + 1) = 7
                    %5 = *(DW)($0.a[16] + 0)
                    %6 = *(DW)($0.a[16] + 0)
                    %7 = %2 add %3
                    %7 = %7 add %4
                    %7 = %7 add %5
                    %7 = %7 add %6
                    return %7
                """);
        assertEquals(2, PassCheck.count(f, LInsn.LoadStack.class), "the narrow load of a wide value and the load after "
                + "the overlapping byte store stay");
    }

    @Test
    void aSlotWhoseAddressIsTakenIsForgottenAtCalls() {
        LFunction f = PassCheck.check("stack-forwarding-escaped", pass, """
                function f[%0.ctx]
                  b0:
                    *(DW)($0.key[8] + 0) = 5
                    %1 = &$0.key[8] + 0
                    %2 = call csum_diff(0, 0, %1, 0, 0)
                    %3 = *(DW)($0.key[8] + 0)
                    *(DW)($1.own[8] + 0) = 6
                    %4 = call get_prandom_u32()
                    %5 = *(DW)($1.own[8] + 0)
                    %6 = %3 add %5
                    return %6
                """);
        assertEquals(1, PassCheck.count(f, LInsn.LoadStack.class));
    }
}
