package dev.p4ebpf.conformance.stf;

/**
 * The kinds of problem the STF parser reports, each with a stable key that tests and tools may
 * rely on (the STF counterpart of the compiler's diagnostic catalog).
 */
public enum StfErrorKind {
    /** The file cannot be read, or is not UTF-8 text. */
    UNREADABLE("stf.unreadable"),
    /** A line starts with a word that is no STF command. */
    UNKNOWN_COMMAND("stf.unknown-command"),
    /** A token other than the one the command's syntax needs at this point. */
    SYNTAX("stf.syntax"),
    /** A character that cannot start any STF token. */
    BAD_CHARACTER("stf.bad-character"),
    /** A quoted name without its closing quote. */
    UNTERMINATED_NAME("stf.unterminated-name"),
    /** A malformed number: bad digits for its radix, letters glued to it, out of range. */
    BAD_NUMBER("stf.bad-number"),
    /** A port that is not a decimal number in 0..2^32-1. */
    BAD_PORT("stf.bad-port"),
    /** Packet data that is not hex digits (or, in expect, '*' and a final '$'). */
    BAD_PACKET_DATA("stf.bad-packet-data"),
    /** Packet data with an odd number of hex digits where whole bytes are needed. */
    ODD_PACKET_LENGTH("stf.odd-packet-length"),
    /** A '*' wildcard where none is allowed (range bounds, masks, prefix lengths, priorities). */
    MISPLACED_WILDCARD("stf.misplaced-wildcard");

    private final String key;

    StfErrorKind(String key) {
        this.key = key;
    }

    /** The stable key, e.g. {@code stf.bad-number}. */
    public String key() {
        return key;
    }
}
