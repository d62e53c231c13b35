package dev.p4ebpf.ir.diag;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * Collects diagnostics during a phase. Diagnostics are collected, never thrown; a phase that
 * reported errors lets the driver stop at the next phase boundary. Not thread-safe: one per
 * compilation.
 */
public final class Diagnostics {
    /** Past this many errors a compilation stops reporting more: the rest are almost always cascades. */
    public static final int MAX_ERRORS = 100;

    private final List<Diagnostic> all = new ArrayList<>();
    private int errors;

    public void report(Diagnostic d) {
        if (d.isError()) {
            if (errors >= MAX_ERRORS) {
                return;
            }
            errors++;
        }
        all.add(d);
    }

    public void report(Code code, Span span, Object... args) {
        report(Diagnostic.of(code, span, args));
    }

    public boolean hasErrors() {
        return errors > 0;
    }

    public int errorCount() {
        return errors;
    }

    public boolean limitReached() {
        return errors >= MAX_ERRORS;
    }

    /** All diagnostics so far, in the order reported. */
    public List<Diagnostic> all() {
        return Collections.unmodifiableList(all);
    }

    /** All diagnostics sorted by location (stable for equal locations). */
    public List<Diagnostic> sorted() {
        var copy = new ArrayList<>(all);
        copy.sort(Comparator.comparing(Diagnostic::span));
        return copy;
    }

    public void addAll(Diagnostics other) {
        other.all.forEach(this::report);
    }
}
