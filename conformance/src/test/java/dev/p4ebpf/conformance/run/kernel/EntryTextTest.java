package dev.p4ebpf.conformance.run.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.p4ebpf.conformance.run.EntryKey;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** Entry keys written as the driver's entry parser reads them, with the bits that do not match cleared. */
class EntryTextTest {
    private static BigInteger n(long v) {
        return BigInteger.valueOf(v);
    }

    @Test
    void everyMatchFormIsWrittenInTheDriversSyntax() {
        assertEquals("0xc0000201", EntryText.key(new EntryKey.Exact(n(0xc0000201L)), 32));
        assertEquals("0xc0000200&&&0xffffff00", EntryText.key(new EntryKey.Ternary(n(0xc0000207L), n(0xffffff00L)), 32));
        assertEquals("0xc0000000/8", EntryText.key(new EntryKey.Prefix(n(0xc0000207L), 8), 32));
        assertEquals("0x0/0", EntryText.key(new EntryKey.Prefix(n(0xc0000207L), 0), 32));
        assertEquals("0xabc00/12", EntryText.key(new EntryKey.Prefix(n(0xabc12), 12), 20));
        assertEquals("0x6..0x11", EntryText.key(new EntryKey.Range(n(6), n(17)), 8));
        assertEquals("*", EntryText.key(new EntryKey.Any(), 16));
    }
}
