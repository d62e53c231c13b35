package dev.p4ebpf.ir.diag;

import java.util.List;

/**
 * One message for the user: a catalog code, where, and the text made from the code's template and
 * its arguments. Notes attached to an error point at related places ("previously declared here").
 */
public record Diagnostic(Code code, Severity severity, Span span, String message, List<Diagnostic> notes) {

    public Diagnostic {
        notes = List.copyOf(notes);
    }

    public static Diagnostic of(Code code, Span span, Object... args) {
        return new Diagnostic(code, code.severity(), span, code.format(args), List.of());
    }

    public Diagnostic withNote(Span where, String text) {
        var all = new java.util.ArrayList<>(notes);
        all.add(new Diagnostic(Code.NOTE, Severity.NOTE, where, text, List.of()));
        return new Diagnostic(code, severity, span, message, all);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code file:line:col: error: message} — the form golden files and tests compare. */
    public String headline() {
        return span + ": " + severity.label() + ": " + message;
    }

    @Override
    public String toString() {
        return headline();
    }
}
