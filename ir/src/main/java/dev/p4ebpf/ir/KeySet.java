package dev.p4ebpf.ir;

import dev.p4ebpf.ir.diag.Span;
import java.util.List;

/**
 * What a select case or a table entry matches: a value, a masked value, a range, everything, a
 * value set, or a tuple of these (one per key).
 */
public sealed interface KeySet permits KeySet.Value, KeySet.Mask, KeySet.Range, KeySet.Default, KeySet.ValueSetRef,
        KeySet.Tuple {

    Span span();

    record Value(Expr value, Span span) implements KeySet {}

    /** {@code value &&& mask}. */
    record Mask(Expr value, Expr mask, Span span) implements KeySet {}

    /** {@code lo .. hi}, both ends included. */
    record Range(Expr lo, Expr hi, Span span) implements KeySet {}

    /** {@code default} or {@code _}. */
    record Default(Span span) implements KeySet {}

    /** A value set declared in the enclosing parser. */
    record ValueSetRef(String name, Span span) implements KeySet {}

    record Tuple(List<KeySet> elements, Span span) implements KeySet {
        public Tuple {
            elements = List.copyOf(elements);
        }
    }
}
