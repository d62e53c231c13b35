package dev.p4ebpf.conformance.stf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Matching packets against expect patterns with the length rules of p4c's runners. */
class ExpectPatternTest {

    private static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    private static PacketMatch match(String pattern, boolean exact, String packet) {
        return ExpectPattern.of(pattern, exact).match(bytes(packet));
    }

    @Test
    void equalPacketMatches() {
        assertEquals(new PacketMatch.Matches(), match("0a0b0c", false, "0a0b0c"));
        assertEquals(new PacketMatch.Matches(), match("0A0B0C", true, "0a0b0c"));
    }

    @Test
    void bytesAfterThePatternAreIgnoredUnlessItEndsWithDollar() {
        assertTrue(match("0a0b", false, "0a0b0c0d").matches());
        assertEquals(new PacketMatch.TooLong(2, 4), match("0a0b", true, "0a0b0c0d"));
    }

    @Test
    void shorterPacketNeverMatches() {
        assertEquals(new PacketMatch.TooShort(3, 2), match("0a0b0c", false, "0a0b"));
        assertEquals(new PacketMatch.TooShort(3, 2), match("0a0b0c", true, "0a0b"));
        assertEquals(new PacketMatch.TooShort(2, 1), match("0a0", false, "0a"));
    }

    @Test
    void wildcardsMatchAnyNibbleButStillNeedTheByte() {
        assertTrue(match("0a**0c", false, "0aff0c").matches());
        assertTrue(match("0a*f0c", false, "0a1f0c").matches());
        assertEquals(new PacketMatch.Differs(List.of(3)), match("0a*f0c", false, "0a1e0c"));
        assertEquals(new PacketMatch.TooShort(3, 2), match("0a0b**", false, "0a0b"));
    }

    @Test
    void oddPatternConstrainsOnlyTheHighNibbleOfItsLastByte() {
        assertTrue(match("0a0", false, "0a0f").matches());
        assertEquals(new PacketMatch.Differs(List.of(2)), match("0a1", false, "0a0f"));
    }

    @Test
    void everyDifferingNibbleIsListed() {
        PacketMatch m = match("00112233", false, "01112332");
        assertEquals(new PacketMatch.Differs(List.of(1, 5, 7)), m);
        assertEquals(0, ((PacketMatch.Differs) m).firstByte());
        assertFalse(m.matches());
        assertEquals("3 nibble(s) differ, the first in byte 0", m.describe());
    }

    @Test
    void emptyPatterns() {
        assertTrue(match("", false, "").matches());
        assertTrue(match("", false, "00").matches());
        assertTrue(match("", true, "").matches());
        assertEquals(new PacketMatch.TooLong(0, 1), match("", true, "00"));
    }

    @Test
    void lengthIsCheckedBeforeContent() {
        assertEquals(new PacketMatch.TooLong(1, 2), match("ff", true, "0000"));
        assertEquals(new PacketMatch.TooShort(2, 1), match("ffff", false, "00"));
    }

    @Test
    void descriptionsSayWhatIsWrong() {
        assertEquals("packet too short: 2 bytes, the pattern needs 3", match("0a0b0c", false, "0a0b").describe());
        assertEquals("packet too long: 4 bytes, the pattern ends with $ after 2",
                match("0a0b", true, "0a0b0c0d").describe());
        assertEquals("matches", match("0a", false, "0a").describe());
    }

    @Test
    void malformedPatternsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new ExpectPattern("0g", false));
        assertThrows(IllegalArgumentException.class, () -> new ExpectPattern("0ab", true));
        assertThrows(IllegalArgumentException.class, () -> new ExpectPattern("ab", false), "the model is upper case");
        assertEquals("AB*", ExpectPattern.of("ab*", false).nibbles());
    }
}
