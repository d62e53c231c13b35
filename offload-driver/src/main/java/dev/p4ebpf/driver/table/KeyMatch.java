package dev.p4ebpf.driver.table;

import java.math.BigInteger;

/**
 * How one key field of an entry matches, already checked against the field's width: the closed
 * set of P4 match forms. {@code optional} fields become {@link Exact} or a zero-mask
 * {@link Masked}.
 */
public sealed interface KeyMatch {
    /** Matches exactly {@code value}. */
    record Exact(BigInteger value) implements KeyMatch {}

    /** Matches the first {@code prefixLength} bits of {@code value} (lpm). */
    record Prefix(BigInteger value, int prefixLength) implements KeyMatch {}

    /** Matches where {@code key & mask == value} (ternary; mask 0 is a wildcard). */
    record Masked(BigInteger value, BigInteger mask) implements KeyMatch {}

    /** Matches {@code low <= key <= high} (range). */
    record Range(BigInteger low, BigInteger high) implements KeyMatch {}
}
