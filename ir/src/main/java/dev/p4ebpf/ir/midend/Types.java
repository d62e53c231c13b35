package dev.p4ebpf.ir.midend;

import dev.p4ebpf.ir.Type;

/** Type facts for the midend. */
final class Types {
    private Types() {}

    /** The representation of a type: {@code type} declarations stripped. */
    static Type rep(Type t) {
        return dev.p4ebpf.ir.Types.representation(t);
    }
}
