package dev.p4ebpf.ir.interp;

import dev.p4ebpf.ir.interp.value.ErrorValue;

/**
 * A parser stopping with an error ({@code PacketTooShort}, {@code NoMatch}, a failed
 * {@code verify} …): unwinds to the top-level parser, which ends in {@code reject} with
 * {@code parser_error} set. Thrown by extern implementations too; it carries no stack trace.
 */
public final class ParserError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient ErrorValue error;

    public ParserError(ErrorValue error) {
        super(error.member(), null, false, false);
        this.error = error;
    }

    public ErrorValue error() {
        return error;
    }
}
