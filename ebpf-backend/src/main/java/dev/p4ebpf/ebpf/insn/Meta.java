package dev.p4ebpf.ebpf.insn;

import dev.p4ebpf.ir.diag.Span;

/**
 * Source metadata riding on an instruction: the P4 source it was compiled from and an optional
 * comment. Metadata never takes part in equality: every {@code Meta} equals every other and all
 * share one hash code, so two instruction lists that differ only in metadata are equal.
 *
 * @param span    where in the P4 source the instruction comes from, {@link Span#NONE} if nowhere
 * @param comment a free-form note for disassembly listings, empty if none
 */
public record Meta(Span span, String comment) {

    /** No source, no comment. */
    public static final Meta NONE = new Meta(Span.NONE, "");

    public Meta {
        if (span == null || comment == null) {
            throw new IllegalArgumentException("span and comment must not be null (use Span.NONE / \"\")");
        }
    }

    public static Meta of(Span span) {
        return new Meta(span, "");
    }

    public Meta withComment(String text) {
        return new Meta(span, text);
    }

    public Meta withSpan(Span where) {
        return new Meta(where, comment);
    }

    /** Always true for another {@code Meta}: see the class comment. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Meta;
    }

    @Override
    public int hashCode() {
        return 0;
    }
}
