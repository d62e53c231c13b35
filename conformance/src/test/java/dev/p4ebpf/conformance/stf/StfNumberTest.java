package dev.p4ebpf.conformance.stf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.p4ebpf.ir.diag.Span;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** Values, widths, masks and prefixes of STF numbers. */
class StfNumberTest {

    private static StfNumber bin(String digits) {
        return new StfNumber(StfNumber.Radix.BINARY, digits, Span.NONE);
    }

    private static BigInteger big(long v) {
        return BigInteger.valueOf(v);
    }

    @Test
    void valuesOfEachRadix() {
        assertEquals(big(42), StfNumber.decimal(42).value());
        assertEquals(big(0x2a), StfNumber.hex("2A").value());
        assertEquals(big(5), bin("101").value());
        assertEquals(new BigInteger("ffffffffffffffffffff", 16), StfNumber.hex("ffffffffffffffffffff").value());
    }

    @Test
    void wildcardDigitsReadAsZero() {
        StfNumber n = StfNumber.hex("****0101");
        assertTrue(n.hasWildcards());
        assertEquals(big(0x0101), n.value());
        assertEquals(big(0b100), bin("1*0").value());
        assertFalse(StfNumber.hex("0101").hasWildcards());
    }

    @Test
    void writtenWidthCountsLeadingZeros() {
        assertEquals(16, StfNumber.hex("00ff").writtenWidth());
        assertEquals(8, StfNumber.hex("ff").writtenWidth());
        assertEquals(3, bin("0*1").writtenWidth());
        assertEquals(6, StfNumber.decimal(42).writtenWidth());
        assertEquals(1, StfNumber.decimal(0).writtenWidth());
    }

    @Test
    void careMaskFollowsTheWrittenDigits() {
        assertEquals(big(0x0000ffff), StfNumber.hex("****0101").careMask(32));
        assertEquals(big(0xff00), StfNumber.hex("25**").careMask(48));
        assertEquals(big(0b101), bin("1*1").careMask(8));
        assertEquals(big(0xff), StfNumber.hex("ffff").careMask(8));
        assertEquals(big(0xffff), StfNumber.decimal(7).careMask(16));
    }

    @Test
    void prefixLengthCountsTheDigitsThatAreNotWildcards() {
        assertEquals(16, StfNumber.hex("0a01****").writtenPrefixLength(32));
        assertEquals(32, StfNumber.hex("0a019845").writtenPrefixLength(32));
        assertEquals(2, bin("10**").writtenPrefixLength(4));
        assertEquals(24, StfNumber.decimal(10).writtenPrefixLength(24));
    }

    @Test
    void textKeepsTheDigitsAsWritten() {
        assertEquals("0x0A0b", StfNumber.hex("0A0b").text());
        assertEquals("0b1*", bin("1*").text());
        assertEquals("42", StfNumber.decimal(42).toString());
    }

    @Test
    void invalidDigitsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> StfNumber.hex("g"));
        assertThrows(IllegalArgumentException.class, () -> bin("2"));
        assertThrows(IllegalArgumentException.class, () -> new StfNumber(StfNumber.Radix.DECIMAL, "1*", Span.NONE));
        assertThrows(IllegalArgumentException.class, () -> StfNumber.hex(""));
        assertThrows(IllegalArgumentException.class, () -> StfNumber.decimal(-1));
    }

    @Test
    void comparisonsHoldAsTheirSymbolsSay() {
        for (CounterCheck.Comparison c : CounterCheck.Comparison.values()) {
            boolean less = c.holds(big(1), big(2));
            boolean equal = c.holds(big(2), big(2));
            boolean greater = c.holds(big(3), big(2));
            String symbol = c.symbol();
            assertEquals(symbol.contains("<") || symbol.equals("!="), less, symbol);
            assertEquals(symbol.contains("=") && !symbol.equals("!="), equal, symbol);
            assertEquals(symbol.contains(">") || symbol.equals("!="), greater, symbol);
        }
    }
}
