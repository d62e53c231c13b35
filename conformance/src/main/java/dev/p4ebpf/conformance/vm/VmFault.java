package dev.p4ebpf.conformance.vm;

/** What went wrong in a {@link VmException}: one kind per class of failure the VM reports. */
public enum VmFault {
    /** A load, store or helper argument outside the memory the pointer may reach. */
    OUT_OF_BOUNDS,
    /** A memory access through a scalar, a stale pointer (packet changed, frame returned) or a map pointer. */
    INVALID_POINTER,
    /** An operation the verifier forbids on pointers (32-bit or bitwise arithmetic, pointer + pointer). */
    POINTER_ARITHMETIC,
    /** A register read before anything was written to it (or after a call clobbered it). */
    UNINITIALIZED_REGISTER,
    /** A context field that does not exist, has another size, or may not be written. */
    INVALID_CONTEXT_ACCESS,
    /** A helper the VM does not implement, a kfunc, or a helper this program type may not call. */
    UNSUPPORTED_HELPER,
    /** A helper argument of the wrong kind (a scalar where a map is needed, a map of the wrong type …). */
    INVALID_HELPER_ARGUMENT,
    /** An instruction the VM cannot run: an unknown map reference, falling off the end, a write to r10. */
    INVALID_PROGRAM,
    /** The BPF-to-BPF call stack went deeper than the kernel's 8 frames. */
    CALL_STACK_OVERFLOW,
    /** The run executed more instructions than its budget allows (an endless loop, most likely). */
    INSTRUCTION_BUDGET_EXHAUSTED,
    /** The object or a run option cannot be set up (unknown program, map type, packet too large …). */
    INVALID_SETUP,
    /** A map operation from the test side failed (with the kernel's errno). */
    MAP_OPERATION,
    /** A bug in the VM itself: anything that is not one of the above. Please report it. */
    INTERNAL
}
