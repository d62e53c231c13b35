package dev.p4ebpf.ir.interp;

import dev.p4ebpf.ir.Type;
import dev.p4ebpf.ir.interp.value.BitsValue;
import dev.p4ebpf.ir.interp.value.ErrorValue;
import dev.p4ebpf.ir.interp.value.Value;
import java.util.Arrays;

/**
 * {@code packet_in}: the packet being parsed and the parser's position in it, in bits.
 *
 * <p>Errors, as core.p4 defines them: {@code extract}, {@code lookahead} and {@code advance}
 * past the end give {@code PacketTooShort}; a varbit extraction of more bits than the field's
 * maximum gives {@code HeaderTooShort}, and of a size that is not a whole number of bytes
 * {@code ParserInvalidArgument} (as BMv2 does). A failed extraction leaves the header as it was.
 */
public final class PacketIn implements ExternObject {
    private final byte[] data;
    private long offset;
    /** What was extracted where, to name the fields of the packet when asked. */
    private record Extracted(dev.p4ebpf.ir.Expr arg, Type type, long offset, int varbits) {}

    private final java.util.List<Extracted> extracted = new java.util.ArrayList<>();

    public PacketIn(byte[] data) {
        this.data = data.clone();
    }

    @Override
    public String externName() {
        return "packet_in";
    }

    /** Bits consumed so far. */
    public long bitOffset() {
        return offset;
    }

    public int length() {
        return data.length;
    }

    /** The bytes after the position reached (the payload a deparser appends). */
    public byte[] remaining() {
        int from = (int) Math.min(data.length, (offset + 7) >>> 3);
        return Arrays.copyOfRange(data, from, data.length);
    }

    /** Where each extracted field was in the packet. */
    public java.util.List<FieldSpan> spans() {
        java.util.List<FieldSpan> spans = new java.util.ArrayList<>();
        for (Extracted e : extracted) {
            Serialization.spans(e.type(), e.offset(), e.varbits(), dev.p4ebpf.ir.print.ExprPrinter.expr(e.arg()), spans);
        }
        return spans;
    }

    /** The whole packet as it came in. */
    public byte[] bytes() {
        return data.clone();
    }

    @Override
    public Value call(ExternCall call) {
        return switch (call.method()) {
            case "extract" -> {
                extract(call);
                yield null;
            }
            case "lookahead" -> {
                Type t = call.typeArgs().getFirst();
                need(Serialization.width(t, 0));
                yield Serialization.read(t, data, offset, 0);
            }
            case "advance" -> {
                long n = Conversions.count(call.arg(0));
                need(n);
                offset += n;
                yield null;
            }
            case "length" -> BitsValue.of(32, false, data.length);
            default -> throw new InterpreterException(call.span(), "packet_in has no method " + call.method());
        };
    }

    private void extract(ExternCall call) {
        Type t = call.paramType(0);
        int varbits = 0;
        if (call.argCount() == 2) {
            long size = Conversions.count(call.arg(1));
            int max = maxVarbit(t);
            if (size < 0 || size > max) {
                throw new ParserError(ErrorValue.HEADER_TOO_SHORT);
            }
            if (size % 8 != 0) {
                throw new ParserError(ErrorValue.PARSER_INVALID_ARGUMENT);
            }
            varbits = (int) size;
        }
        int width = Serialization.width(t, varbits);
        need(width);
        call.set(0, Serialization.read(t, data, offset, varbits));
        extracted.add(new Extracted(call.argExpr(0), t, offset, varbits));
        offset += width;
    }

    /**
     * {@code extract(hdr)} of a fixed-size header into {@code target}, without copying: when the
     * location holds a plain header (not a stack's next element, not a union member, whose writes
     * do more) the fields are read straight into it. Same errors and effects as {@link #call}.
     */
    void extractInto(Location target, Type.Header type, dev.p4ebpf.ir.Expr arg) {
        int width = Serialization.width(type, 0);
        need(width);
        if (target instanceof Location.Field && target.read() instanceof dev.p4ebpf.ir.interp.value.HeaderValue h
                && h.size() == type.fields().size()) {
            Serialization.readInto(h, type, data, offset);
        } else {
            target.write(Serialization.read(type, data, offset, 0));
        }
        extracted.add(new Extracted(arg, type, offset, 0));
        offset += width;
    }

    private static int maxVarbit(Type t) {
        if (t instanceof Type.Fielded f) {
            for (Type.Field x : f.fields()) {
                if (x.type() instanceof Type.Varbit v) {
                    return v.maxWidth();
                }
            }
        }
        return 0;
    }

    private void need(long bits) {
        if (bits < 0 || offset + bits > 8L * data.length) {
            throw new ParserError(ErrorValue.PACKET_TOO_SHORT);
        }
    }
}
