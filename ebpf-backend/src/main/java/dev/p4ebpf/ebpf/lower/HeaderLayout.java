package dev.p4ebpf.ebpf.lower;

import dev.p4ebpf.ir.Type;
import dev.p4ebpf.ir.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * Where each field of a header sits in its wire form: bit offset from the header's start (most
 * significant bit first, as the packet carries it) and width.
 */
record HeaderLayout(Type.Header type, List<FieldLayout> fields, int bits) {

    record FieldLayout(String name, Type type, int bitOffset, int width) {
        boolean byteAligned() {
            return bitOffset % 8 == 0 && width % 8 == 0;
        }
    }

    static HeaderLayout of(Type.Header h) {
        var fields = new ArrayList<FieldLayout>();
        int offset = 0;
        for (Type.Field f : h.fields()) {
            int w = Types.serializedMaxWidth(f.type());
            fields.add(new FieldLayout(f.name(), f.type(), offset, w));
            offset += w;
        }
        return new HeaderLayout(h, fields, offset);
    }

    /** The varbit field, when the header has one. */
    java.util.Optional<FieldLayout> varbit() {
        return fields.stream().filter(f -> Types.representation(f.type()) instanceof Type.Varbit).findFirst();
    }

    /** The bytes before the varbit field (all of them without one). */
    int fixedBytes() {
        return varbit().map(v -> v.bitOffset() / 8).orElse(bytes());
    }

    int bytes() {
        return (bits + 7) / 8;
    }

    FieldLayout field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(type.name() + " has no field " + name));
    }
}
