package dev.p4ebpf.ebpf.lower;

/**
 * Thrown inside the lowering when the program uses a construct the eBPF backend cannot compile;
 * caught at the top and reported as an {@code unsupported} diagnostic naming the construct, where it
 * is in the P4 source ({@code span}) and, in {@code reason}, why and what to do instead. Code that
 * knows no better span than its caller's leaves {@code Span.NONE}; {@link #at} fills it in on the
 * way out of the statement or declaration being lowered.
 */
final class Unsupported extends Exception {
    private static final long serialVersionUID = 1L;

    private final String construct;
    private final String reason;
    private final transient dev.p4ebpf.ir.diag.Span span;

    Unsupported(String construct, String reason, dev.p4ebpf.ir.diag.Span span) {
        super(construct + ": " + reason, null, false, false);
        this.construct = construct;
        this.reason = reason;
        this.span = span;
    }

    String construct() {
        return construct;
    }

    String reason() {
        return reason;
    }

    dev.p4ebpf.ir.diag.Span span() {
        return span;
    }

    Unsupported at(dev.p4ebpf.ir.diag.Span where) {
        return span.isNone() ? new Unsupported(construct, reason, where) : this;
    }
}
