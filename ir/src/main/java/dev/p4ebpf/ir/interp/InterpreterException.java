package dev.p4ebpf.ir.interp;

import dev.p4ebpf.ir.diag.Span;

/**
 * A program the interpreter cannot run, or a request it cannot carry out: an architecture or
 * extern it does not model, a control-plane operation on something that does not exist. The
 * message says what, and the span (when there is one) where in the P4 source.
 */
public final class InterpreterException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Span span;

    public InterpreterException(Span span, String message) {
        super(message);
        this.span = span;
    }

    public InterpreterException(String message) {
        this(Span.NONE, message);
    }

    public Span span() {
        return span;
    }

    /** {@code file:line:col: message}, or just the message when there is no span. */
    public String headline() {
        return span.isNone() ? getMessage() : span + ": " + getMessage();
    }
}
