package dev.p4ebpf.ir.interp;

import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

/**
 * A packet the program sends out of {@code port}. {@link #layout()} names the header fields it
 * was built from (empty when unknown); it is worked out only when asked for, since only a
 * mismatch report needs it.
 */
public final class OutputPacket {
    private final long port;
    private final byte[] data;
    private final Supplier<List<FieldSpan>> layout;

    public OutputPacket(long port, byte[] data, Supplier<List<FieldSpan>> layout) {
        this.port = port;
        this.data = data.clone();
        this.layout = layout;
    }

    public OutputPacket(long port, byte[] data) {
        this(port, data, List::of);
    }

    public long port() {
        return port;
    }

    public byte[] data() {
        return data.clone();
    }

    /** Where each header field of the packet is. */
    public List<FieldSpan> layout() {
        return List.copyOf(layout.get());
    }

    @Override
    public String toString() {
        return "port " + port + ": " + HexFormat.of().withUpperCase().formatHex(data);
    }
}
