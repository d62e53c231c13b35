package dev.p4ebpf.conformance.vm;

import dev.p4ebpf.ir.diag.Span;
import java.util.OptionalInt;

/**
 * A failure of the Java eBPF VM: loading an object, running a program on a packet, or a map
 * operation from the test side. It names the {@link VmFault kind}, and for a failure while running
 * the program, the instruction index (the kernel's instruction index in the linked program), its
 * text and the source {@link Span} it came from (P4, or C line info), so that the message says what
 * failed and where. The VM never throws anything else.
 */
public final class VmException extends Exception {
    private static final long serialVersionUID = 1L;

    private final VmFault fault;
    private final String program;
    private final int insnIndex;
    private final transient Span span;

    VmException(VmFault fault, String program, int insnIndex, Span span, String message) {
        super(message);
        this.fault = fault;
        this.program = program;
        this.insnIndex = insnIndex;
        this.span = span;
    }

    /** A failure that is not tied to an instruction. */
    static VmException setup(VmFault fault, String message) {
        return new VmException(fault, "", -1, Span.NONE, message);
    }

    public VmFault fault() {
        return fault;
    }

    /** The program that was running, empty if none was. */
    public String program() {
        return program;
    }

    /** The index of the failing instruction in its linked program, if the failure is one. */
    public OptionalInt insnIndex() {
        return insnIndex < 0 ? OptionalInt.empty() : OptionalInt.of(insnIndex);
    }

    /** Where the failing instruction came from, {@link Span#NONE} if unknown. */
    public Span span() {
        return span == null ? Span.NONE : span;
    }
}
