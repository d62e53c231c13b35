package dev.p4ebpf.ir.diag;

/**
 * A failed internal invariant: a bug in p4ebpf, never the user's fault. The CLI prints it as
 * {@code internal compiler error:} with the location being compiled and exits 3. User errors are
 * {@link Diagnostic}s, not exceptions.
 */
public final class CompilerBug extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Span span;

    public CompilerBug(Span span, String message) {
        super(message);
        this.span = span;
    }

    public CompilerBug(Span span, String message, Throwable cause) {
        super(message, cause);
        this.span = span;
    }

    public CompilerBug(String message) {
        this(Span.NONE, message);
    }

    public Span span() {
        return span;
    }
}
