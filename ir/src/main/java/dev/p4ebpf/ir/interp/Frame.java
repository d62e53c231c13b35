package dev.p4ebpf.ir.interp;

import dev.p4ebpf.ir.interp.value.Value;

/**
 * The storage code runs against: the block instance it belongs to, the container slots (that
 * block's parameters, constructor values and locals for this invocation) and, inside an action
 * or function, its own slots. The compiler ({@link Scope}) gives every variable its slot; names
 * are unique in each of the two frames (see {@link dev.p4ebpf.ir.Expr.Frame}).
 */
final class Frame {
    final BlockInstance block;
    final Value[] locals;
    final Value[] call;
    /** A function's {@code return} value, once executed. */
    Value returnValue;

    Frame(BlockInstance block, Value[] locals, Value[] call) {
        this.block = block;
        this.locals = locals;
        this.call = call;
    }
}
