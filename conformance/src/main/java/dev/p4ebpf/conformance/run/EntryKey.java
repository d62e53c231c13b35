package dev.p4ebpf.conformance.run;

import java.math.BigInteger;

/**
 * What an entry matches for one key, resolved against the key's match kind and width. Values
 * are unsigned bit patterns of the key's width.
 */
public sealed interface EntryKey {

    /** {@code exact}, or {@code optional} with a value. */
    record Exact(BigInteger value) implements EntryKey {}

    /** {@code ternary}: the bits under {@code mask} equal those of {@code value}. */
    record Ternary(BigInteger value, BigInteger mask) implements EntryKey {}

    /** {@code lpm}: the first {@code length} bits equal those of {@code value}. */
    record Prefix(BigInteger value, int length) implements EntryKey {}

    /** {@code range}: low ≤ key ≤ high. */
    record Range(BigInteger low, BigInteger high) implements EntryKey {}

    /** Any value (an {@code optional} key given as a wildcard). */
    record Any() implements EntryKey {}
}
