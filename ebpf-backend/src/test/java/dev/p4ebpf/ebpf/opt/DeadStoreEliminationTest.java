package dev.p4ebpf.ebpf.opt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.p4ebpf.ebpf.lir.LFunction;
import dev.p4ebpf.ebpf.lir.LInsn;
import org.junit.jupiter.api.Test;

class DeadStoreEliminationTest {
    private final DeadStoreElimination pass = new DeadStoreElimination();

    @Test
    void aZeroedKeyFilledFieldByFieldLosesTheZeroing() {
        LFunction f = PassCheck.check("dead-store-key", pass, """
                function f[%0.ctx]
                  b0:
                    %1 = *(W)(%0.ctx + 0)
                    *(DW)($0.key[8] + 0) = 0
                    *(W)($0.key[8] + 0) = 32
                    %2 = *(W)(%1 + 0)
                    *(W)($0.key[8] + 4) = %2
                    %3 = &$0.key[8] + 0
                    %4 = call csum_diff(0, 0, %3, 0, 0)
                    return %4
                """);
        assertEquals(2, PassCheck.count(f, LInsn.StoreStack.class), "a packet load cannot read the key");
    }

    @Test
    void readsInBetweenKeepTheStore() {
        LFunction f = PassCheck.check("dead-store-read", pass, """
                function f[%0.ctx]
                  b0:
                    *(DW)($0.key[8] + 0) = 0
                    %3 = &$0.key[8] + 0
                    %5 = *(B)(%3 + 1)
                    *(DW)($0.key[8] + 0) = 1
                    *(DW)($1.s[8] + 0) = 0
                    %6 = call get_prandom_u32()
                    %7 = *(DW)($1.s[8] + 0)
                    *(DW)($1.s[8] + 0) = %6
                    %8 = *(DW)($1.s[8] + 0)
                    %9 = %5 add %7
                    %9 = %9 add %8
                    return %9
                """);
        assertEquals(4, PassCheck.count(f, LInsn.StoreStack.class));
    }
}
