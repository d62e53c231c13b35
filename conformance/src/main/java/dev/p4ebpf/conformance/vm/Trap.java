package dev.p4ebpf.conformance.vm;

/**
 * A fault raised while a program runs, before the interpreter knows which instruction to blame;
 * the interpreter turns it into a {@link VmException} with the instruction's index and span.
 * Carries no stack trace: faults are an expected outcome of running untrusted programs.
 */
final class Trap extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final VmFault fault;

    Trap(VmFault fault, String message) {
        super(message, null, false, false);
        this.fault = fault;
    }
}
