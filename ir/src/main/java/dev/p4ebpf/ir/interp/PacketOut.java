package dev.p4ebpf.ir.interp;

import dev.p4ebpf.ir.interp.value.Value;

/** {@code packet_out}: the headers a deparser emits, in order; only valid headers are written. */
public final class PacketOut implements ExternObject {
    private final BitWriter out = new BitWriter();
    /** What was emitted where, to name the fields of the packet when asked. */
    private record Emitted(dev.p4ebpf.ir.Expr arg, Value value, long offset) {}

    private final java.util.List<Emitted> emitted = new java.util.ArrayList<>();

    @Override
    public String externName() {
        return "packet_out";
    }

    @Override
    public Value call(ExternCall call) {
        if (!call.method().equals("emit")) {
            throw new InterpreterException(call.span(), "packet_out has no method " + call.method());
        }
        emitted.add(new Emitted(call.argExpr(0), call.arg(0), out.bitLength()));
        Serialization.emit(call.arg(0), out);
        return null;
    }

    /** The emitted headers followed by {@code payload}. */
    public byte[] packet(byte[] payload) {
        BitWriter w = new BitWriter();
        byte[] headers = out.toByteArray();
        w.writeBytes(headers, 0, headers.length);
        w.writeBytes(payload, 0, payload.length);
        return w.toByteArray();
    }

    /** Where each emitted field is in the packet. */
    public java.util.List<FieldSpan> spans() {
        java.util.List<FieldSpan> spans = new java.util.ArrayList<>();
        for (Emitted e : emitted) {
            Serialization.layout(e.value(), e.offset(), dev.p4ebpf.ir.print.ExprPrinter.expr(e.arg()), spans);
        }
        return spans;
    }

    /** The emitted bits so far. */
    public byte[] headers() {
        return out.toByteArray();
    }
}
