package dev.p4ebpf.ir.interp;

import dev.p4ebpf.ir.Type;
import dev.p4ebpf.ir.interp.value.BitsArith;
import dev.p4ebpf.ir.interp.value.BitsValue;
import dev.p4ebpf.ir.interp.value.BoolValue;
import dev.p4ebpf.ir.interp.value.FieldedValue;
import dev.p4ebpf.ir.interp.value.HeaderValue;
import dev.p4ebpf.ir.interp.value.IntValue;
import dev.p4ebpf.ir.interp.value.StructValue;
import dev.p4ebpf.ir.interp.value.TupleValue;
import dev.p4ebpf.ir.interp.value.Value;
import dev.p4ebpf.ir.interp.value.Values;
import java.math.BigInteger;
import java.util.List;

/**
 * Casts, explicit or inserted by the frontend for implicit conversions, between the
 * representations of {@link Value}: integers of any width and signedness, {@code int},
 * {@code bool} and {@code bit<1>}, serializable enums and their underlying type, new types and
 * theirs, and list or struct expressions into the struct, header or tuple type the context gives.
 */
final class Conversions {
    private Conversions() {}

    /** {@code (to) v}; {@code to} has no type variables. */
    static Value cast(Value v, Type to) {
        return switch (to) {
            case Type.Bits b -> toBits(v, b.width(), b.signed());
            case Type.SerEnum e -> toBits(v, e.underlying().width(), e.underlying().signed());
            case Type.NewType n -> cast(v, n.underlying());
            case Type.Bool b -> toBool(v);
            case Type.InfInt i -> new IntValue(Values.number(v));
            case Type.Struct s -> toFielded(v, s);
            case Type.Header h -> toFielded(v, h);
            case Type.Tuple t -> toTuple(v, t.elements());
            case Type.ListLiteral l -> toTuple(v, l.elements());
            default -> v;
        };
    }

    static BitsValue toBits(Value v, int width, boolean signed) {
        return switch (v) {
            case BitsValue b -> b.width() == width && b.signed() == signed ? b : BitsArith.cast(b, width, signed);
            case IntValue i -> BitsValue.of(width, signed, i.value());
            case BoolValue b -> BitsValue.of(width, signed, b.value() ? 1L : 0L);
            default -> throw new IllegalArgumentException("cannot convert " + v + " to bits");
        };
    }

    private static BoolValue toBool(Value v) {
        return switch (v) {
            case BoolValue b -> b;
            case BitsValue b -> BoolValue.of(!b.isZero());
            case IntValue i -> BoolValue.of(i.value().signum() != 0);
            default -> throw new IllegalArgumentException("cannot convert " + v + " to bool");
        };
    }

    private static Value toFielded(Value v, Type.Fielded type) {
        List<Type.Field> fields = type.fields();
        Value[] out = new Value[fields.size()];
        switch (v) {
            case TupleValue t -> {
                for (int i = 0; i < out.length; i++) {
                    out[i] = cast(t.get(i).copy(), fields.get(i).type());
                }
            }
            case FieldedValue f -> {
                if (f.type().name().equals(type.name())) {
                    return f.copy();
                }
                for (int i = 0; i < out.length; i++) {
                    out[i] = cast(f.get(i).copy(), fields.get(i).type());
                }
            }
            default -> {
                return v;
            }
        }
        return switch (type) {
            case Type.Header h -> new HeaderValue(h, out, true);
            case Type.Struct s -> new StructValue(s, out);
            case Type.HeaderUnion u -> v;
        };
    }

    private static Value toTuple(Value v, List<Type> elements) {
        if (v instanceof TupleValue t && t.size() == elements.size()) {
            Value[] out = new Value[elements.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = cast(t.get(i).copy(), elements.get(i));
            }
            return new TupleValue(out);
        }
        return v;
    }

    /** A value used as a number of bits, an index or a count; negative numbers give -1. */
    static long count(Value v) {
        return Values.count(v);
    }

    /** The shift amount of {@code a << b} / {@code a >> b}. */
    static BigInteger shiftAmount(Value v) {
        return switch (v) {
            case BitsValue b -> BitsArith.asCount(b);
            case IntValue i -> i.value();
            default -> throw new IllegalArgumentException("not a shift amount: " + v);
        };
    }
}
