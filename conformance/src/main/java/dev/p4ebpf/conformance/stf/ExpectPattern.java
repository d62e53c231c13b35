package dev.p4ebpf.conformance.stf;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The packet an {@code expect} line describes: hex nibbles, each either a digit the packet must
 * have at that position or {@code *} for any nibble, optionally closed by {@code $}.
 *
 * <p>As p4c's runners compare (tools/testutils.py {@code compare_pkt}): the packet must be at
 * least as long as the pattern; bytes after the pattern are not looked at, unless the pattern
 * ends with {@code $}, which asks for exactly the pattern's length. A pattern may have an odd
 * number of nibbles, then it constrains only the high nibble of its last byte.
 *
 * @param nibbles     upper-case hex digits and {@code *}, one character a nibble
 * @param exactLength whether the pattern ended with {@code $}
 */
public record ExpectPattern(String nibbles, boolean exactLength) {

    public ExpectPattern {
        for (int i = 0; i < nibbles.length(); i++) {
            char c = nibbles.charAt(i);
            if (c != '*' && (Character.digit(c, 16) < 0 || Character.isLowerCase(c))) {
                throw new IllegalArgumentException("not an upper-case hex digit or '*': '" + c + "'");
            }
        }
        if (exactLength && nibbles.length() % 2 != 0) {
            throw new IllegalArgumentException("a pattern ending in $ has whole bytes");
        }
    }

    /** A pattern from hex text with {@code *} wildcards, in either case. */
    public static ExpectPattern of(String nibbles, boolean exactLength) {
        return new ExpectPattern(nibbles.toUpperCase(java.util.Locale.ROOT), exactLength);
    }

    /** How many nibbles the pattern constrains or skips. */
    public int length() {
        return nibbles.length();
    }

    /** Compares a packet with this pattern. */
    public PacketMatch match(byte[] packet) {
        String actual = HexFormat.of().withUpperCase().formatHex(packet);
        if (exactLength && actual.length() > nibbles.length()) {
            return new PacketMatch.TooLong(nibbles.length() / 2, packet.length);
        }
        if (actual.length() < nibbles.length()) {
            return new PacketMatch.TooShort((nibbles.length() + 1) / 2, packet.length);
        }
        List<Integer> differing = new ArrayList<>();
        for (int i = 0; i < nibbles.length(); i++) {
            char want = nibbles.charAt(i);
            if (want != '*' && want != actual.charAt(i)) {
                differing.add(i);
            }
        }
        return differing.isEmpty() ? new PacketMatch.Matches() : new PacketMatch.Differs(differing);
    }
}
