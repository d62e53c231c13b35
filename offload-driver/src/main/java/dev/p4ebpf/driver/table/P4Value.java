package dev.p4ebpf.driver.table;

import java.math.BigInteger;
import java.util.Locale;

/**
 * Reads one number the way a P4 programmer writes it, and checks it fits a {@code bit<W>} field:
 * decimal ({@code 42}), hex ({@code 0x2a}), binary ({@code 0b101010}), octal ({@code 0o52}),
 * P4 width-prefixed literals ({@code 8w42}, {@code 16w0x2a}), MAC addresses
 * ({@code 00:11:22:33:44:55}), IPv4 addresses ({@code 10.0.0.1}) and IPv6 addresses
 * ({@code 2001:db8::1}). Underscores between digits are allowed, as in P4.
 */
public final class P4Value {
    private P4Value() {}

    /** A value that is not a number of the accepted forms, or does not fit. */
    public static final class BadValue extends Exception {
        private static final long serialVersionUID = 1L;

        public BadValue(String message) {
            super(message);
        }
    }

    /** Parses {@code text} and checks that it fits in {@code width} bits. */
    public static BigInteger parse(String text, int width) throws BadValue {
        BigInteger v = parse(text.strip());
        if (v.signum() < 0 || v.bitLength() > width) {
            throw new BadValue("'" + text + "' does not fit in bit<" + width + "> (0 to "
                    + BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE) + ")");
        }
        return v;
    }

    /**
     * Parses {@code text} without a width check. Hand-written scanning rather than regular
     * expressions: bulk loads parse millions of values.
     */
    public static BigInteger parse(String text) throws BadValue {
        String t = text.indexOf('_') >= 0 ? text.replace("_", "") : text;
        if (t.isEmpty()) {
            throw new BadValue("an empty value");
        }
        int prefixEnd = widthPrefixEnd(t);
        if (prefixEnd > 0) {
            return parse(t.substring(prefixEnd + 1), Integer.parseInt(t.substring(0, prefixEnd)));
        }
        int colons = count(t, ':');
        if (colons == 5) {
            long mac = mac(t);
            if (mac >= 0) {
                return BigInteger.valueOf(mac);
            }
        }
        if (colons > 0) {
            return ipv6(text);
        }
        if (count(t, '.') == 3) {
            return ipv4(t);
        }
        return integer(text, t);
    }

    /**
     * The value of {@code text} from {@code from} to {@code to} when it is written in one of the
     * forms bulk loads mostly carry — up to 18 decimal digits, {@code 0x} and up to 15 hex digits,
     * a dotted-quad IPv4 address, a MAC address — and -1 otherwise. Every text it reads,
     * {@link #parse(String)} reads as the same number; anything else, and every error message, is
     * left to that general path. No object is allocated.
     */
    static long simple(String text, int from, int to) {
        int n = to - from;
        if (n > 2 && text.charAt(from) == '0' && (text.charAt(from + 1) | 0x20) == 'x') {
            return n - 2 <= 15 ? hexRun(text, from + 2, to) : -1;
        }
        long v = decimalRun(text, from, to);
        if (v >= 0 || n < 7) {
            return v;
        }
        v = n <= 15 ? simpleIpv4(text, from, to) : -1;
        return v < 0 && n >= 11 && n <= 17 ? simpleMac(text, from, to) : v;
    }

    /** 1 to 18 ASCII decimal digits as a number, else -1. */
    private static long decimalRun(String text, int from, int to) {
        if (to <= from || to - from > 18) {
            return -1;
        }
        long v = 0;
        for (int i = from; i < to; i++) {
            int d = text.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }

    /** ASCII hex digits (at least one, at most 15) as a number, else -1. */
    private static long hexRun(String text, int from, int to) {
        if (to <= from) {
            return -1;
        }
        long v = 0;
        for (int i = from; i < to; i++) {
            int d = hexDigit(text.charAt(i));
            if (d < 0) {
                return -1;
            }
            v = (v << 4) | d;
        }
        return v;
    }

    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        int lower = c | 0x20;
        return lower >= 'a' && lower <= 'f' ? lower - 'a' + 10 : -1;
    }

    /** Four dot-separated groups of one to three ASCII digits, each at most 255, else -1. */
    private static long simpleIpv4(String text, int from, int to) {
        long v = 0;
        int groups = 0;
        int i = from;
        while (true) {
            int octet = 0;
            int start = i;
            while (i < to && i - start < 3 && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                octet = octet * 10 + text.charAt(i++) - '0';
            }
            if (i == start || octet > 255) {
                return -1;
            }
            v = (v << 8) | octet;
            if (++groups == 4) {
                return i == to ? v : -1;
            }
            if (i == to || text.charAt(i++) != '.') {
                return -1;
            }
        }
    }

    /** Six colon-separated groups of one or two ASCII hex digits, else -1. */
    private static long simpleMac(String text, int from, int to) {
        long v = 0;
        int groups = 0;
        int i = from;
        while (true) {
            int b = 0;
            int start = i;
            while (i < to && i - start < 2 && hexDigit(text.charAt(i)) >= 0) {
                b = (b << 4) | hexDigit(text.charAt(i++));
            }
            if (i == start) {
                return -1;
            }
            v = (v << 8) | b;
            if (++groups == 6) {
                return i == to ? v : -1;
            }
            if (i == to || text.charAt(i++) != ':') {
                return -1;
            }
        }
    }

    /** The index of the 'w' or 's' of a P4 width prefix ({@code 8w42}), or -1. */
    private static int widthPrefixEnd(String t) {
        int i = 0;
        while (i < t.length() && Character.isDigit(t.charAt(i))) {
            i++;
        }
        return i > 0 && i < t.length() - 1 && (t.charAt(i) == 'w' || t.charAt(i) == 's') ? i : -1;
    }

    private static int count(String t, char c) {
        int n = 0;
        for (int i = 0; i < t.length(); i++) {
            if (t.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }

    /** A MAC address {@code 0:11:22:33:44:55} (groups of one or two hex digits) as a number, or -1. */
    private static long mac(String t) {
        long v = 0;
        int digits = 0;
        for (int i = 0; i <= t.length(); i++) {
            char c = i == t.length() ? ':' : t.charAt(i);
            if (c == ':') {
                if (digits == 0) {
                    return -1;
                }
                digits = 0;
                continue;
            }
            int d = Character.digit(c, 16);
            if (d < 0 || ++digits > 2) {
                return -1;
            }
            v = digits == 1 ? (v << 8) | d : (v & ~0xffL) | ((v & 0xf) << 4) | d;
        }
        return v;
    }

    private static BigInteger integer(String original, String t) throws BadValue {
        try {
            if (t.length() > 2 && t.charAt(0) == '0') {
                char radix = Character.toLowerCase(t.charAt(1));
                int base = radix == 'x' ? 16 : radix == 'b' ? 2 : radix == 'o' ? 8 : 0;
                if (base != 0) {
                    String digits = t.substring(2);
                    return digits.length() <= 15 && digits.charAt(0) != '-' && digits.charAt(0) != '+'
                            ? BigInteger.valueOf(Long.parseLong(digits, base)) : new BigInteger(digits, base);
                }
            }
            if (t.charAt(0) == '-' || t.charAt(0) == '+') {
                throw new NumberFormatException(t);
            }
            return t.length() <= 18 ? BigInteger.valueOf(Long.parseLong(t)) : new BigInteger(t);
        } catch (NumberFormatException e) {
            throw new BadValue("'" + original + "' is not a number (write it in decimal, 0x hex, 0b binary, as a MAC"
                    + " address 00:11:22:33:44:55 or an IP address 10.0.0.1)");
        }
    }

    private static BigInteger ipv4(String t) throws BadValue {
        long v = 0;
        int octet = 0;
        int digits = 0;
        for (int i = 0; i <= t.length(); i++) {
            char c = i == t.length() ? '.' : t.charAt(i);
            if (c == '.') {
                if (digits == 0 || octet > 255) {
                    throw new BadValue("'" + t + "' is not an IPv4 address" + (octet > 255 ? ": " + octet
                            + " is more than 255" : ""));
                }
                v = (v << 8) | octet;
                octet = 0;
                digits = 0;
            } else if (c >= '0' && c <= '9' && digits < 3) {
                octet = octet * 10 + (c - '0');
                digits++;
            } else {
                throw new BadValue("'" + t + "' is not an IPv4 address or a number");
            }
        }
        return BigInteger.valueOf(v);
    }

    private static BigInteger ipv6(String text) throws BadValue {
        String t = text.strip();
        String[] halves = t.split("::", -1);
        if (halves.length > 2) {
            throw new BadValue("'" + text + "' is not an IPv6 address: '::' appears twice");
        }
        String[] head = halves[0].isEmpty() ? new String[0] : halves[0].split(":");
        String[] tail = halves.length == 1 || halves[1].isEmpty() ? new String[0] : halves[1].split(":");
        int missing = 8 - head.length - tail.length;
        if (halves.length == 1 && missing != 0 || missing < 0 || halves.length == 2 && missing < 1) {
            throw new BadValue("'" + text + "' is not an IPv6 address: it needs 8 groups");
        }
        BigInteger v = BigInteger.ZERO;
        for (String group : concat(head, missing, tail)) {
            if (!group.matches("[0-9a-fA-F]{1,4}")) {
                throw new BadValue("'" + text + "' is not a number or address ('" + group + "' is not a hex group)");
            }
            v = v.shiftLeft(16).or(new BigInteger(group, 16));
        }
        return v;
    }

    private static String[] concat(String[] head, int zeros, String[] tail) {
        String[] all = new String[head.length + zeros + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        for (int i = 0; i < zeros; i++) {
            all[head.length + i] = "0";
        }
        System.arraycopy(tail, 0, all, head.length + zeros, tail.length);
        return all;
    }

    /** {@code width} one-bits. */
    public static BigInteger ones(int width) {
        return BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE);
    }

    /** A value for printing: MAC form for 48-bit fields, dotted quad for 32-bit fields named like addresses, else hex. */
    public static String format(BigInteger v, int width, String fieldName) {
        String lower = fieldName.toLowerCase(Locale.ROOT);
        if (width == 48 && (lower.contains("mac") || lower.contains("addr") || lower.contains("dmac")
                || lower.contains("smac"))) {
            String hex = String.format("%012x", v);
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < 12; i += 2) {
                b.append(i == 0 ? "" : ":").append(hex, i, i + 2);
            }
            return b.toString();
        }
        if (width == 32 && (lower.contains("addr") || lower.contains("ip"))) {
            long x = v.longValue();
            return ((x >> 24) & 255) + "." + ((x >> 16) & 255) + "." + ((x >> 8) & 255) + "." + (x & 255);
        }
        return "0x" + v.toString(16);
    }
}
