package dev.p4ebpf.driver.table;

import dev.p4ebpf.ebpf.controlplane.MatchKind;
import java.math.BigInteger;

/** Parses one key field's text by its match kind: {@code v}, {@code v/len}, {@code v&&&m}, {@code lo..hi}, {@code *}. */
final class KeyText {
    private KeyText() {}

    static KeyMatch parse(String text, MatchKind kind, int width) throws P4Value.BadValue {
        return switch (kind) {
            case EXACT -> new KeyMatch.Exact(P4Value.parse(text, width));
            case LPM -> prefix(text, width);
            case TERNARY -> masked(text, width);
            case OPTIONAL -> isWildcard(text) ? new KeyMatch.Masked(BigInteger.ZERO, BigInteger.ZERO)
                    : new KeyMatch.Masked(P4Value.parse(text, width), P4Value.ones(width));
            case RANGE -> range(text, width);
        };
    }

    /** A key as the user wrote it, for messages: {@code dstAddr=10.0.0.0/8, port=80}. */
    static String show(java.util.Map<String, String> key) {
        StringBuilder b = new StringBuilder();
        key.forEach((name, value) -> b.append(b.isEmpty() ? "" : ", ").append(name).append('=').append(value));
        return b.toString();
    }

    static String forms(MatchKind kind) {
        return switch (kind) {
            case EXACT -> "An exact field takes one value (decimal, 0x hex, MAC or IP address).";
            case LPM -> "An lpm field takes VALUE/PREFIX_LENGTH (e.g. 10.0.0.0/8) or a single value (full length).";
            case TERNARY -> "A ternary field takes VALUE&&&MASK, a single value (all bits), or * (any).";
            case OPTIONAL -> "An optional field takes a single value or * (any).";
            case RANGE -> "A range field takes LOW..HIGH, a single value, or * (any).";
        };
    }

    private static boolean isWildcard(String text) {
        return text.equals("*") || text.equals("_");
    }

    private static KeyMatch prefix(String text, int width) throws P4Value.BadValue {
        int slash = text.lastIndexOf('/');
        if (slash < 0) {
            return new KeyMatch.Prefix(P4Value.parse(text, width), width);
        }
        BigInteger value = P4Value.parse(text.substring(0, slash), width);
        int length;
        try {
            length = Integer.parseInt(text.substring(slash + 1).strip());
        } catch (NumberFormatException e) {
            throw new P4Value.BadValue("the prefix length in '" + text + "' is not a number");
        }
        if (length < 0 || length > width) {
            throw new P4Value.BadValue("prefix length " + length + " in '" + text + "' is not between 0 and " + width);
        }
        BigInteger hostBits = P4Value.ones(width - length);
        if (value.and(hostBits).signum() != 0) {
            throw new P4Value.BadValue("'" + text + "' has bits set after the first " + length
                    + " (did you mean the network address?)");
        }
        return new KeyMatch.Prefix(value, length);
    }

    private static KeyMatch masked(String text, int width) throws P4Value.BadValue {
        if (isWildcard(text)) {
            return new KeyMatch.Masked(BigInteger.ZERO, BigInteger.ZERO);
        }
        int sep = text.indexOf("&&&");
        if (sep < 0) {
            return new KeyMatch.Masked(P4Value.parse(text, width), P4Value.ones(width));
        }
        BigInteger value = P4Value.parse(text.substring(0, sep), width);
        BigInteger mask = P4Value.parse(text.substring(sep + 3), width);
        if (value.andNot(mask).signum() != 0) {
            throw new P4Value.BadValue("'" + text + "' has value bits outside the mask");
        }
        return new KeyMatch.Masked(value, mask);
    }

    private static KeyMatch range(String text, int width) throws P4Value.BadValue {
        if (isWildcard(text)) {
            return new KeyMatch.Range(BigInteger.ZERO, P4Value.ones(width));
        }
        int sep = text.indexOf("..");
        if (sep < 0) {
            BigInteger v = P4Value.parse(text, width);
            return new KeyMatch.Range(v, v);
        }
        BigInteger low = P4Value.parse(text.substring(0, sep), width);
        BigInteger high = P4Value.parse(text.substring(sep + 2), width);
        if (low.compareTo(high) > 0) {
            throw new P4Value.BadValue("the range '" + text + "' is empty: its low end is above its high end");
        }
        return new KeyMatch.Range(low, high);
    }
}
