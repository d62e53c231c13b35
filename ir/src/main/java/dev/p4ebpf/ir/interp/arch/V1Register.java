package dev.p4ebpf.ir.interp.arch;

import dev.p4ebpf.ir.Type;
import dev.p4ebpf.ir.interp.ExternCall;
import dev.p4ebpf.ir.interp.ExternObject;
import dev.p4ebpf.ir.interp.InterpreterException;
import dev.p4ebpf.ir.interp.RegisterAccess;
import dev.p4ebpf.ir.interp.value.Value;
import dev.p4ebpf.ir.interp.value.Values;

/**
 * v1model's {@code register<T, I>(size)}: {@code read(out result, index)} and
 * {@code write(index, value)}. Cells start at zero. An index outside 0..size-1 reads as zero and
 * is not written (BMv2 reports an error there; the interpreter defines it this way).
 */
final class V1Register implements ExternObject, RegisterAccess {
    private final Type element;
    private final Value[] cells;

    V1Register(Type element, long size) {
        this.element = element;
        this.cells = new Value[(int) Math.min(size, 1 << 24)];
        reset();
    }

    @Override
    public String externName() {
        return "register";
    }

    @Override
    public Value call(ExternCall call) {
        switch (call.method()) {
            case "read" -> call.set(0, read(Values.count(call.arg(1))));
            case "write" -> write(Values.count(call.arg(0)), call.arg(1));
            default -> throw new InterpreterException(call.span(), "register has no method " + call.method());
        }
        return null;
    }

    @Override
    public long size() {
        return cells.length;
    }

    @Override
    public Type elementType() {
        return element;
    }

    @Override
    public Value read(long index) {
        return index >= 0 && index < cells.length ? cells[(int) index].copy() : Values.initial(element);
    }

    @Override
    public void write(long index, Value value) {
        if (index >= 0 && index < cells.length) {
            cells[(int) index] = value.copy();
        }
    }

    @Override
    public void reset() {
        for (int i = 0; i < cells.length; i++) {
            cells[i] = Values.initial(element);
        }
    }
}
