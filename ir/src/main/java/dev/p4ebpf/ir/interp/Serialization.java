package dev.p4ebpf.ir.interp;

import dev.p4ebpf.ir.Type;
import dev.p4ebpf.ir.interp.value.BitsValue;
import dev.p4ebpf.ir.interp.value.BoolValue;
import dev.p4ebpf.ir.interp.value.FieldedValue;
import dev.p4ebpf.ir.interp.value.HeaderValue;
import dev.p4ebpf.ir.interp.value.StackValue;
import dev.p4ebpf.ir.interp.value.StructValue;
import dev.p4ebpf.ir.interp.value.TupleValue;
import dev.p4ebpf.ir.interp.value.UnionValue;
import dev.p4ebpf.ir.interp.value.Value;
import dev.p4ebpf.ir.interp.value.VarbitValue;
import java.util.List;

/**
 * The wire layout of headers and of the other types that can be extracted, looked ahead at or
 * emitted: fields in declaration order, each most significant bit first, with no padding.
 * {@code bool} is one bit, a serializable enum or a new type is its underlying type.
 */
public final class Serialization {
    private Serialization() {}

    /** The number of bits a value of {@code type} occupies (varbit fields: {@code varbitBits}). */
    public static int width(Type type, int varbitBits) {
        return switch (type) {
            case Type.Bits b -> b.width();
            case Type.Bool b -> 1;
            case Type.SerEnum e -> e.underlying().width();
            case Type.NewType n -> width(n.underlying(), varbitBits);
            case Type.Varbit v -> varbitBits;
            case Type.Fielded f -> {
                int sum = 0;
                for (Type.Field x : f.fields()) {
                    sum += width(x.type(), varbitBits);
                }
                yield sum;
            }
            default -> throw new InterpreterException("a value of type " + type + " cannot be serialized");
        };
    }

    /**
     * Reads a value of {@code type} at {@code bitOffset}; the caller checked the bits are there.
     * A header read this way is valid; its varbit field (if any) gets {@code varbitBits} bits.
     */
    public static Value read(Type type, byte[] data, long bitOffset, int varbitBits) {
        return switch (type) {
            case Type.Bits b -> BitReader.read(data, bitOffset, b.width(), b.signed());
            case Type.Bool b -> BoolValue.of(BitReader.readLong(data, bitOffset, 1) != 0);
            case Type.SerEnum e -> BitReader.read(data, bitOffset, e.underlying().width(), e.underlying().signed());
            case Type.NewType n -> read(n.underlying(), data, bitOffset, varbitBits);
            case Type.Varbit v -> new VarbitValue(v.maxWidth(), varbitBits,
                    BitReader.read(data, bitOffset, varbitBits, false).unsignedValue());
            case Type.Header h -> new HeaderValue(h, readFields(h.fields(), data, bitOffset, varbitBits), true);
            case Type.Struct s -> new StructValue(s, readFields(s.fields(), data, bitOffset, varbitBits));
            default -> throw new InterpreterException("a value of type " + type + " cannot be extracted");
        };
    }

    /** Reads a header of {@code type} at {@code bitOffset} into {@code h}, which becomes valid. */
    static void readInto(HeaderValue h, Type.Header type, byte[] data, long bitOffset) {
        long at = bitOffset;
        List<Type.Field> fields = type.fields();
        for (int i = 0; i < fields.size(); i++) {
            Type t = fields.get(i).type();
            if (t instanceof Type.Bits b) {
                h.set(i, BitReader.read(data, at, b.width(), b.signed()));
                at += b.width();
                continue;
            }
            h.set(i, read(t, data, at, 0));
            at += width(t, 0);
        }
        h.setValid(true);
    }

    private static Value[] readFields(List<Type.Field> fields, byte[] data, long bitOffset, int varbitBits) {
        Value[] out = new Value[fields.size()];
        long at = bitOffset;
        for (int i = 0; i < out.length; i++) {
            Type t = fields.get(i).type();
            out[i] = read(t, data, at, varbitBits);
            at += width(t, varbitBits);
        }
        return out;
    }

    /**
     * Appends {@code v} as {@code emit} does: a header only when valid, a struct, tuple, stack or
     * union by its parts in order, a scalar by its bits.
     */
    public static void emit(Value v, BitWriter out) {
        switch (v) {
            case HeaderValue h -> {
                if (h.isValid()) {
                    for (int i = 0; i < h.size(); i++) {
                        emit(h.get(i), out);
                    }
                }
            }
            case StructValue s -> {
                for (int i = 0; i < s.size(); i++) {
                    emit(s.get(i), out);
                }
            }
            case UnionValue u -> {
                for (int i = 0; i < u.size(); i++) {
                    emit(u.member(i), out);
                }
            }
            case StackValue s -> {
                for (int i = 0; i < s.size(); i++) {
                    emit(s.element(i), out);
                }
            }
            case TupleValue t -> {
                for (int i = 0; i < t.size(); i++) {
                    emit(t.get(i), out);
                }
            }
            case BitsValue b -> out.write(b);
            case BoolValue b -> out.write(b.value() ? 1 : 0, 1);
            case VarbitValue vb -> out.write(vb.bits(), vb.width());
            default -> throw new InterpreterException("cannot emit " + v);
        }
    }

    /**
     * The spans of the scalars {@link #emit} writes for {@code v} from bit {@code offset}, named
     * {@code name} and their field paths; returns the offset after them.
     */
    public static long layout(Value v, long offset, String name, java.util.List<FieldSpan> spans) {
        long at = offset;
        switch (v) {
            case HeaderValue h -> {
                if (h.isValid()) {
                    at = fields(h, at, name, spans);
                }
            }
            case StructValue s -> at = fields(s, at, name, spans);
            case UnionValue u -> {
                for (int i = 0; i < u.size(); i++) {
                    at = layout(u.member(i), at, name + "." + u.type().fields().get(i).name(), spans);
                }
            }
            case StackValue s -> {
                for (int i = 0; i < s.size(); i++) {
                    at = layout(s.element(i), at, name + "[" + i + "]", spans);
                }
            }
            case TupleValue t -> {
                for (int i = 0; i < t.size(); i++) {
                    at = layout(t.get(i), at, name + "[" + i + "]", spans);
                }
            }
            case BitsValue b -> at = span(spans, name, at, b.width());
            case BoolValue b -> at = span(spans, name, at, 1);
            case VarbitValue vb -> at = span(spans, name, at, vb.width());
            default -> { }
        }
        return at;
    }

    private static long span(java.util.List<FieldSpan> spans, String name, long at, int width) {
        spans.add(new FieldSpan(name, at, width));
        return at + width;
    }

    private static long fields(FieldedValue f, long at, String name, java.util.List<FieldSpan> spans) {
        long pos = at;
        for (int i = 0; i < f.size(); i++) {
            pos = layout(f.get(i), pos, name + "." + f.type().fields().get(i).name(), spans);
        }
        return pos;
    }

    /** The spans of the scalar fields of a value of {@code type} read at {@code bitOffset}. */
    public static void spans(Type type, long bitOffset, int varbitBits, String name, java.util.List<FieldSpan> out) {
        if (type instanceof Type.Fielded f) {
            long at = bitOffset;
            for (Type.Field x : f.fields()) {
                spans(x.type(), at, varbitBits, name + "." + x.name(), out);
                at += width(x.type(), varbitBits);
            }
            return;
        }
        out.add(new FieldSpan(name, bitOffset, width(type, varbitBits)));
    }
}
