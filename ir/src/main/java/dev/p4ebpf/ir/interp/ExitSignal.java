package dev.p4ebpf.ir.interp;

/**
 * {@code exit}: unwinds every action and control being executed up to the architecture's
 * top-level block. Each call it passes through still copies its {@code out} and {@code inout}
 * arguments back, as the P4 specification asks. One shared instance without a stack trace.
 */
final class ExitSignal extends RuntimeException {
    private static final long serialVersionUID = 1L;

    static final ExitSignal INSTANCE = new ExitSignal();

    private ExitSignal() {
        super("exit", null, false, false);
    }
}
