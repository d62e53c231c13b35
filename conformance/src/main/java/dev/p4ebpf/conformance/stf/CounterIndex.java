package dev.p4ebpf.conformance.stf;

/**
 * Which counter cell a {@code check_counter} reads: a number ({@code cnt(10)}) or the counter of
 * an entry named with {@code = ID} when it was added ({@code cnt($A)}).
 */
public sealed interface CounterIndex permits CounterIndex.AtIndex, CounterIndex.OfEntry {

    /** {@code cnt(10)}. */
    record AtIndex(StfNumber index) implements CounterIndex {}

    /**
     * {@code cnt($A)}: the name as written, {@code $A}; {@link #entryId()} is the id of the
     * {@code add ... = A} it refers to.
     */
    record OfEntry(StfName reference) implements CounterIndex {
        public String entryId() {
            String text = reference.text();
            return text.startsWith("$") ? text.substring(1) : text;
        }
    }
}
