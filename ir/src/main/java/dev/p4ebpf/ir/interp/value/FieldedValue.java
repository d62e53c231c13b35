package dev.p4ebpf.ir.interp.value;

import dev.p4ebpf.ir.Type;

/**
 * A value with named fields in declaration order: a header or a struct. Fields are read and
 * written by index ({@link Type.Fielded#fieldIndex}).
 */
public sealed interface FieldedValue extends Value permits HeaderValue, StructValue {

    Type.Fielded type();

    Value get(int index);

    void set(int index, Value value);

    int size();

    default Value get(String field) {
        int i = type().fieldIndex(field);
        if (i < 0) {
            throw new IllegalArgumentException(type().name() + " has no field " + field);
        }
        return get(i);
    }
}
