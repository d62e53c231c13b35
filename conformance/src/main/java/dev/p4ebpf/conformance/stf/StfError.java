package dev.p4ebpf.conformance.stf;

import dev.p4ebpf.ir.diag.Span;

/**
 * One problem found in an STF file: what kind, where, and a message that says what is wrong and
 * what would be right.
 */
public record StfError(StfErrorKind kind, Span span, String message) {

    /**
     * {@code file:line:col: error: message}, the form every tool prints; a problem with the whole
     * file (no line) prints as {@code file: error: message}.
     */
    public String headline() {
        String where = span.line() == 0 ? span.file() : span.toString();
        return where + ": error: " + message;
    }

    @Override
    public String toString() {
        return headline();
    }
}
