package dev.p4ebpf.ir.interp;

import dev.p4ebpf.ir.Method;

/**
 * Implementations of extern functions a program declares itself and a target supplies outside
 * P4 (p4c's eBPF back end links such functions in from C). Architecture models consult the
 * modules given in {@link InterpreterOptions} for extern functions they do not define.
 */
public interface ExternModule {

    /** A name for messages, e.g. {@code p4c-samples}. */
    String name();

    /** The implementation of {@code method}, or {@code null} when this module has none. */
    ExternFunction function(Method method);
}
