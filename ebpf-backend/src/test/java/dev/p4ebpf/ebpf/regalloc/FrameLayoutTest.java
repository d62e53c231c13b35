package dev.p4ebpf.ebpf.regalloc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.p4ebpf.ebpf.lir.StackSlot;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameLayoutTest {

    @Test
    void slotsAreAlignedAndPackedFromTheMostAligned() {
        StackSlot a = new StackSlot(0, 6, 2, "mac");
        StackSlot b = new StackSlot(1, 8, 8, "key");
        StackSlot c = new StackSlot(2, 1, 1, "flag");
        StackSlot d = new StackSlot(3, 12, 4, "addr");
        FrameLayout f = FrameLayout.of("fn", List.of(a, b, c, d));
        assertEquals(-8, f.offset(b, 0));
        assertEquals(-20, f.offset(d, 0));
        assertEquals(-26, f.offset(a, 0));
        assertEquals(-27, f.offset(c, 0));
        assertEquals(27, f.size());
        assertEquals(-18, f.offset(d, 2));
    }

    @Test
    void exactly512BytesFit() {
        FrameLayout f = FrameLayout.of("fn", List.of(new StackSlot(0, 512, 8, "big")));
        assertEquals(-512, f.offset(new StackSlot(0, 512, 8, "big"), 0));
    }

    @Test
    void aLargerFrameIsAClearError() {
        FrameTooLargeException e = assertThrows(FrameTooLargeException.class, () -> FrameLayout.of("ingress",
                List.of(new StackSlot(0, 400, 8, "hdrs"), new StackSlot(1, 120, 8, "key"))));
        assertEquals(520, e.bytes());
        assertEquals("ingress", e.function());
        assertTrue(e.getMessage().contains("ingress: the stack frame needs 520 bytes but BPF allows 512"), e.getMessage());
        assertTrue(e.getMessage().contains("$0.hdrs[400] (400 bytes)"), e.getMessage());
        assertTrue(e.getMessage().contains("per-CPU scratch map"), e.getMessage());
    }
}
