package dev.p4ebpf.conformance.run;

import dev.p4ebpf.ir.diag.Span;

/**
 * An STF test that does not fit the program it runs against: a table, key, action or counter
 * the program does not have, a value wider than its key, a missing action argument. The
 * message is {@code file:line:col: error: …}.
 */
public final class StfInputException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Span span;

    public StfInputException(Span span, String message) {
        super(message);
        this.span = span;
    }

    public Span span() {
        return span;
    }

    /** {@code file:line:col: error: message}. */
    public String headline() {
        return (span.isNone() ? "" : span + ": ") + "error: " + getMessage();
    }
}
