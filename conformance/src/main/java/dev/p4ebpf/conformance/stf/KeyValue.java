package dev.p4ebpf.conformance.stf;

/**
 * What an {@code add} command gives for one key field. Which match kind the field has is known
 * only to the program, so the parser records the form as written and the runner interprets it
 * for the field's kind (a {@link Value} with {@code *} digits is a ternary pattern on a ternary
 * key and a prefix on an lpm key, see {@link StfNumber#careMask} and
 * {@link StfNumber#writtenPrefixLength}).
 */
public sealed interface KeyValue permits KeyValue.Value, KeyValue.Prefix, KeyValue.Masked, KeyValue.Range {

    /** {@code 0x0a000001}, {@code 42}, or with wildcards {@code 0x****0101}. */
    record Value(StfNumber number) implements KeyValue {}

    /** {@code value/length}, an lpm prefix. */
    record Prefix(StfNumber value, StfNumber length) implements KeyValue {}

    /** {@code value&&&mask}, a ternary value with an explicit mask. */
    record Masked(StfNumber value, StfNumber mask) implements KeyValue {}

    /** {@code low..high}, a range, both ends included. */
    record Range(StfNumber low, StfNumber high) implements KeyValue {}
}
