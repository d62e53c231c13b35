package dev.p4ebpf.conformance.stf;

import dev.p4ebpf.ir.diag.Span;

/**
 * A name in an STF file: a table, key field, action, action parameter, counter, register or
 * meter, e.g. {@code pipe.Check_src_ip}, {@code hdr.ipv4.srcAddr}, {@code extra$0.h},
 * {@code stack[1].f}. Quoted names ({@code "hdr.h.a"}, as p4testgen writes them) are held
 * without their quotes. The text is what the file says; resolving it against a program (P4
 * names, p4c's eBPF names, {@code @name} names) is the runner's job.
 *
 * @param text the name as written, without quotes
 * @param span where it was written (not part of equality)
 */
public record StfName(String text, Span span) {

    public StfName {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("an STF name is never empty");
        }
        if (text.indexOf('"') >= 0 || text.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("an STF name has no quote or newline: " + text);
        }
    }

    /** A name with no place in a source. */
    public static StfName of(String text) {
        return new StfName(text, Span.NONE);
    }

    @Override
    public String toString() {
        return text;
    }
}
