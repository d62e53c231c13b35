package dev.p4ebpf.driver.prog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class VerifierLogTest {
    private static final String LOG = """
            func#0 @0
            0: R1=ctx() R10=fp0
            ; hits.count(0); @ fault.p4:5
            0: (b7) r0 = 2                        ; R0_w=2
            1: (71) r0 = *(u8 *)(r2 +22)
            R2 !read_ok
            processed 2 insns (limit 1000000) max_states_per_insn 0 total_states 0 peak_states 0 mark_read 0
            """;

    @Test
    void findsTheFailingInstructionAndTheReason() {
        VerifierLog log = new VerifierLog(LOG);
        assertEquals(1, log.failingInstruction());
        assertEquals("r0 = *(u8 *)(r2 +22)", log.instructionText(1));
        assertEquals("r0 = 2", log.instructionText(0));
        assertEquals("R2 !read_ok", log.reason());
        assertEquals(2, log.lastLines(2).size());
        assertEquals("R2 !read_ok", log.lastLines(1).getFirst());
    }

    @Test
    void anEmptyLogNamesNoInstruction() {
        assertEquals(-1, new VerifierLog("").failingInstruction());
        assertEquals("(the log is empty)", new VerifierLog("").reason());
    }
}
