package dev.p4ebpf.conformance.stf;

import dev.p4ebpf.ir.diag.Span;
import java.math.BigInteger;

/**
 * A number as an STF file writes it: decimal ({@code 42}), hex ({@code 0x2a}) or binary
 * ({@code 0b101010}). Hex and binary numbers may have {@code *} digits, each standing for a
 * nibble or a bit that an entry does not care about ({@code 0x****0101}, {@code 0b1*0}).
 *
 * <p>The digits are kept as written (without the radix prefix), so that a number prints back
 * the way it was read and keeps its written width: {@code 0x00ff} is 16 bits wide, {@code 0xff}
 * 8. The span is where it was written and, like every span, takes no part in equality.
 *
 * @param radix  how the digits are written
 * @param digits the digits after the prefix: decimal digits, or hex/binary digits and {@code *}
 * @param span   where the number was written
 */
public record StfNumber(Radix radix, String digits, Span span) {

    /** The ways a number can be written. */
    public enum Radix {
        DECIMAL("", 10, 0),
        HEX("0x", 16, 4),
        BINARY("0b", 2, 1);

        private final String prefix;
        private final int base;
        private final int bitsPerDigit;

        Radix(String prefix, int base, int bitsPerDigit) {
            this.prefix = prefix;
            this.base = base;
            this.bitsPerDigit = bitsPerDigit;
        }

        /** {@code 0x}, {@code 0b}, or nothing for decimal. */
        public String prefix() {
            return prefix;
        }

        public int base() {
            return base;
        }

        /** Bits one digit stands for; 0 for decimal, whose digits are not bit groups. */
        public int bitsPerDigit() {
            return bitsPerDigit;
        }
    }

    public StfNumber {
        if (digits.isEmpty()) {
            throw new IllegalArgumentException("a number needs digits");
        }
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            boolean ok = c == '*' ? radix != Radix.DECIMAL : Character.digit(c, radix.base()) >= 0;
            if (!ok) {
                throw new IllegalArgumentException("'" + c + "' is not a digit of a " + radix + " number");
            }
        }
    }

    /** A decimal number with no place in a source, for tests and for programs that build STF. */
    public static StfNumber decimal(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("STF numbers are not negative: " + value);
        }
        return new StfNumber(Radix.DECIMAL, Long.toString(value), Span.NONE);
    }

    /** A hex number with exactly these digits (which may include {@code *}). */
    public static StfNumber hex(String digits) {
        return new StfNumber(Radix.HEX, digits, Span.NONE);
    }

    /** The number as written: prefix and digits. */
    public String text() {
        return radix.prefix() + digits;
    }

    public boolean hasWildcards() {
        return digits.indexOf('*') >= 0;
    }

    /** The value, with every {@code *} digit read as 0. */
    public BigInteger value() {
        return new BigInteger(digits.replace('*', '0'), radix.base());
    }

    /**
     * The width the digits spell out: digits times bits per digit for hex and binary; for
     * decimal the bit length of the value (at least 1).
     */
    public int writtenWidth() {
        if (radix == Radix.DECIMAL) {
            return Math.max(1, value().bitLength());
        }
        return digits.length() * radix.bitsPerDigit();
    }

    /**
     * The bits an entry compares, for a key of {@code width} bits. For hex and binary, as p4c's
     * BMv2 runner builds ternary masks: all ones under each written digit that is not {@code *},
     * zero under {@code *} digits and above the written digits. For decimal every bit of the key.
     */
    public BigInteger careMask(int width) {
        BigInteger keyBits = BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE);
        if (radix == Radix.DECIMAL) {
            return keyBits;
        }
        BigInteger mask = BigInteger.ZERO;
        BigInteger digitOnes = BigInteger.ONE.shiftLeft(radix.bitsPerDigit()).subtract(BigInteger.ONE);
        for (int i = 0; i < digits.length(); i++) {
            mask = mask.shiftLeft(radix.bitsPerDigit());
            if (digits.charAt(i) != '*') {
                mask = mask.or(digitOnes);
            }
        }
        return mask.and(keyBits);
    }

    /**
     * The prefix length of this number used on an lpm key of {@code width} bits without an
     * explicit {@code /length}. For hex and binary, as p4c's BMv2 runner computes it: the count
     * of non-{@code *} digits times bits per digit ({@code 0x0a01****} is a /16). A decimal number
     * has no digits to count and is a full-width prefix.
     */
    public int writtenPrefixLength(int width) {
        if (radix == Radix.DECIMAL) {
            return width;
        }
        int cared = (int) digits.chars().filter(c -> c != '*').count();
        return cared * radix.bitsPerDigit();
    }

    @Override
    public String toString() {
        return text();
    }
}
