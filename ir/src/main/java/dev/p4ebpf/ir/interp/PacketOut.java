package dev.p4ebpf.ir.interp;

import dev.p4ebpf.ir.interp.value.Value;

/** {@code packet_out}: the headers a deparser emits, in order; only valid headers are written. */
public final class PacketOut implements ExternObject {
    private final BitWriter out = new BitWriter();
    private final java.util.List<FieldSpan> spans = new java.util.ArrayList<>();

    @Override
    public String externName() {
        return "packet_out";
    }

    @Override
    public Value call(ExternCall call) {
        if (!call.method().equals("emit")) {
            throw new InterpreterException(call.span(), "packet_out has no method " + call.method());
        }
        Serialization.emit(call.arg(0), out, dev.p4ebpf.ir.print.ExprPrinter.expr(call.argExpr(0)), spans);
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
        return java.util.List.copyOf(spans);
    }

    /** The emitted bits so far. */
    public byte[] headers() {
        return out.toByteArray();
    }
}
