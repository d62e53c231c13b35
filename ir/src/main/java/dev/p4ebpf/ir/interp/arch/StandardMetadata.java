package dev.p4ebpf.ir.interp.arch;

import dev.p4ebpf.ir.Type;
import dev.p4ebpf.ir.interp.value.BitsValue;
import dev.p4ebpf.ir.interp.value.FieldedValue;
import dev.p4ebpf.ir.interp.value.Value;
import dev.p4ebpf.ir.interp.value.Values;

/**
 * v1model's {@code standard_metadata_t} as the switch reads and writes it: the fields it knows,
 * found once in the program's declaration of the struct (fields the program's version lacks are
 * skipped), and a zero-filled value to copy for each packet.
 */
final class StandardMetadata {
    /** The fields simple_switch sets or reads. */
    enum Field {
        INGRESS_PORT("ingress_port"), EGRESS_SPEC("egress_spec"), EGRESS_PORT("egress_port"),
        INSTANCE_TYPE("instance_type"), PACKET_LENGTH("packet_length"),
        INGRESS_GLOBAL_TIMESTAMP("ingress_global_timestamp"), EGRESS_GLOBAL_TIMESTAMP("egress_global_timestamp"),
        MCAST_GRP("mcast_grp"), EGRESS_RID("egress_rid"), CHECKSUM_ERROR("checksum_error"),
        PARSER_ERROR("parser_error");

        final String name;

        Field(String name) {
            this.name = name;
        }
    }

    private final int[] index = new int[Field.values().length];
    private final Type[] types = new Type[Field.values().length];
    private final Value prototype;

    StandardMetadata(Type type) {
        Type.Fielded f = (Type.Fielded) type;
        for (Field x : Field.values()) {
            index[x.ordinal()] = f.fieldIndex(x.name);
            types[x.ordinal()] = index[x.ordinal()] < 0 ? null : f.fields().get(index[x.ordinal()]).type();
        }
        this.prototype = Values.initial(type);
    }

    /** A fresh standard_metadata: every field zero. */
    Value fresh() {
        return prototype.copy();
    }

    /** Sets a bit-string field to {@code v} (wrapped to its width); a field the struct lacks is skipped. */
    void set(Value sm, Field field, long v) {
        int i = index[field.ordinal()];
        if (i >= 0 && types[field.ordinal()] instanceof Type.Bits b) {
            ((FieldedValue) sm).set(i, BitsValue.of(b.width(), b.signed(), v));
        }
    }

    /** Sets a field to a value of its type (parser_error). */
    void setValue(Value sm, Field field, Value v) {
        int i = index[field.ordinal()];
        if (i >= 0) {
            ((FieldedValue) sm).set(i, v);
        }
    }

    /** A bit-string field's value; 0 when the struct lacks it. */
    long get(Value sm, Field field) {
        int i = index[field.ordinal()];
        return i < 0 ? 0 : ((BitsValue) ((FieldedValue) sm).get(i)).low64();
    }
}
