package dev.p4ebpf.ir.interp.arch;

import dev.p4ebpf.ir.interp.ExternCall;
import dev.p4ebpf.ir.interp.ExternObject;
import dev.p4ebpf.ir.interp.InterpreterException;
import dev.p4ebpf.ir.interp.value.Value;

/**
 * A table's {@code implementation} property ({@code hash_table}, {@code array_table},
 * {@code action_profile} …): how a target stores the table. It has no methods, and the
 * interpreter computes the same lookups whatever it is.
 */
record TableImplementation(String externName) implements ExternObject {
    @Override
    public Value call(ExternCall call) {
        throw new InterpreterException(call.span(), externName + " has no methods");
    }
}
