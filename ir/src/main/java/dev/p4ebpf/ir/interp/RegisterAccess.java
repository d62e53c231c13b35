package dev.p4ebpf.ir.interp;

import dev.p4ebpf.ir.Type;
import dev.p4ebpf.ir.interp.value.Value;

/** A register extern the control plane can read and write cell by cell. */
public interface RegisterAccess {

    long size();

    /** The type of a cell. */
    Type elementType();

    Value read(long index);

    void write(long index, Value value);

    /** Sets every cell to its type's initial value (zero). */
    void reset();
}
