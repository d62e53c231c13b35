package dev.p4ebpf.ir.interp.value;

import dev.p4ebpf.ir.Type;
import java.util.Arrays;

/** A struct: its fields in declaration order. */
public final class StructValue implements FieldedValue {
    private final Type.Struct type;
    private final Value[] fields;

    public StructValue(Type.Struct type, Value[] fields) {
        this.type = type;
        this.fields = fields;
    }

    @Override
    public Type.Struct type() {
        return type;
    }

    @Override
    public Value get(int index) {
        return fields[index];
    }

    @Override
    public void set(int index, Value value) {
        fields[index] = value;
    }

    @Override
    public int size() {
        return fields.length;
    }

    @Override
    public StructValue copy() {
        Value[] f = new Value[fields.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = fields[i].copy();
        }
        return new StructValue(type, f);
    }

    @Override
    public String toString() {
        return type.name() + Arrays.toString(fields);
    }
}
