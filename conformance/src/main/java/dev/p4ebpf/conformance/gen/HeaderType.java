package dev.p4ebpf.conformance.gen;

import java.util.List;

/** A header type the program declares: its fields in wire order, a whole number of bytes in all. */
record HeaderType(String name, List<Field> fields) {
    /** One field of a header or structure. */
    record Field(String name, ScalarType type) {}

    HeaderType {
        fields = List.copyOf(fields);
    }

    int bits() {
        return fields.stream().mapToInt(f -> f.type().width()).sum();
    }

    int bytes() {
        return (bits() + 7) / 8;
    }

    /** Whether a field is too wide to compute with: such headers are only extracted, read and emitted. */
    boolean wide() {
        return fields.stream().anyMatch(f -> !f.type().computable());
    }
}
