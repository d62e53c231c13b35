package dev.p4ebpf.driver.table;

import java.math.BigInteger;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one number the way a P4 programmer writes it, and checks it fits a {@code bit<W>} field:
 * decimal ({@code 42}), hex ({@code 0x2a}), binary ({@code 0b101010}), octal ({@code 0o52}),
 * P4 width-prefixed literals ({@code 8w42}, {@code 16w0x2a}), MAC addresses
 * ({@code 00:11:22:33:44:55}), IPv4 addresses ({@code 10.0.0.1}) and IPv6 addresses
 * ({@code 2001:db8::1}). Underscores between digits are allowed, as in P4.
 */
public final class P4Value {
    private P4Value() {}

    private static final Pattern WIDTH_PREFIX = Pattern.compile("^(\\d+)[ws](.+)$");
    private static final Pattern MAC = Pattern.compile("^[0-9a-fA-F]{1,2}(:[0-9a-fA-F]{1,2}){5}$");
    private static final Pattern IPV4 = Pattern.compile("^\\d{1,3}(\\.\\d{1,3}){3}$");

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

    /** Parses {@code text} without a width check. */
    public static BigInteger parse(String text) throws BadValue {
        String t = text.replace("_", "");
        if (t.isEmpty()) {
            throw new BadValue("an empty value");
        }
        Matcher prefixed = WIDTH_PREFIX.matcher(t);
        if (prefixed.matches()) {
            return parse(prefixed.group(2), Integer.parseInt(prefixed.group(1)));
        }
        if (MAC.matcher(t).matches()) {
            return new BigInteger(t.replace(":", "").length() == 12 ? t.replace(":", "") : padMac(t), 16);
        }
        if (IPV4.matcher(t).matches()) {
            return ipv4(t);
        }
        if (t.contains(":")) {
            return ipv6(text);
        }
        return integer(text, t);
    }

    private static BigInteger integer(String original, String t) throws BadValue {
        String lower = t.toLowerCase(Locale.ROOT);
        try {
            if (lower.startsWith("0x")) {
                return new BigInteger(lower.substring(2), 16);
            }
            if (lower.startsWith("0b")) {
                return new BigInteger(lower.substring(2), 2);
            }
            if (lower.startsWith("0o")) {
                return new BigInteger(lower.substring(2), 8);
            }
            return new BigInteger(lower, 10);
        } catch (NumberFormatException e) {
            throw new BadValue("'" + original + "' is not a number (write it in decimal, 0x hex, 0b binary, as a MAC"
                    + " address 00:11:22:33:44:55 or an IP address 10.0.0.1)");
        }
    }

    private static String padMac(String t) {
        StringBuilder b = new StringBuilder();
        for (String part : t.split(":")) {
            b.append(part.length() == 1 ? "0" + part : part);
        }
        return b.toString();
    }

    private static BigInteger ipv4(String t) throws BadValue {
        long v = 0;
        for (String part : t.split("\\.")) {
            int octet = Integer.parseInt(part);
            if (octet > 255) {
                throw new BadValue("'" + t + "' is not an IPv4 address: " + octet + " is more than 255");
            }
            v = (v << 8) | octet;
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
