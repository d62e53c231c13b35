package dev.p4ebpf.ir.interp.arch;

import dev.p4ebpf.ir.interp.ExternCall;
import dev.p4ebpf.ir.interp.ExternObject;
import dev.p4ebpf.ir.interp.InterpreterException;
import dev.p4ebpf.ir.interp.value.BitsValue;
import dev.p4ebpf.ir.interp.value.Value;

/** v1model's deprecated {@code Checksum16}: {@code get(data)} is the Internet checksum of the field list. */
final class Checksum16 implements ExternObject {
    @Override
    public String externName() {
        return "Checksum16";
    }

    @Override
    public Value call(ExternCall call) {
        if (!call.method().equals("get")) {
            throw new InterpreterException(call.span(), "Checksum16 has no method " + call.method());
        }
        return BitsValue.of(16, false, OnesComplement.checksum(V1Functions.bytes(call.fieldList(0))));
    }
}
