package dev.p4ebpf.frontend.parse;

import java.math.BigInteger;
import java.util.Optional;

/** Integer literals: {@code 10}, {@code 0xFF}, {@code 0b1010}, {@code 0o17}, {@code 0d99}, {@code 8w5}, {@code 16s0x7f}, with {@code _} separators. */
final class IntegerLiterals {
    /** Wider than any P4 target supports; stops {@code 99999999w0} from allocating gigabits. */
    static final int MAX_WIDTH = 1 << 20;

    private IntegerLiterals() {}

    record Literal(BigInteger value, Optional<Integer> width, boolean signed, Optional<String> error) {}

    static Literal parse(String text) {
        Optional<Integer> width = Optional.empty();
        boolean signed = false;
        String digits = text;
        int ws = widthSeparator(text);
        if (ws > 0) {
            signed = text.charAt(ws) == 's';
            String w = text.substring(0, ws);
            digits = text.substring(ws + 1);
            if (w.length() > 7 || Integer.parseInt(w) > MAX_WIDTH) {
                return new Literal(BigInteger.ZERO, Optional.of(1), signed,
                        Optional.of("width " + w + " is too large (at most " + MAX_WIDTH + ")"));
            }
            width = Optional.of(Integer.parseInt(w));
        }
        int radix = 10;
        if (digits.length() > 1 && digits.charAt(0) == '0') {
            radix = switch (Character.toLowerCase(digits.charAt(1))) {
                case 'x' -> 16;
                case 'b' -> 2;
                case 'o' -> 8;
                case 'd' -> 10;
                default -> 0;
            };
            if (radix == 0) {
                radix = 10;
            } else {
                digits = digits.substring(2);
            }
        }
        String clean = digits.replace("_", "");
        if (clean.isEmpty()) {
            return new Literal(BigInteger.ZERO, width, signed, Optional.of("no digits"));
        }
        return new Literal(new BigInteger(clean, radix), width, signed, Optional.empty());
    }

    /** The index of the {@code w}/{@code s} of a sized literal, or -1. */
    private static int widthSeparator(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 'w' || c == 's') {
                return i;
            }
            if (c < '0' || c > '9') {
                return -1;
            }
        }
        return -1;
    }
}
