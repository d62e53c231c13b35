package dev.p4ebpf.ir.interp;

import java.util.HexFormat;

/**
 * A packet the program sends out of {@code port}, with the spans of the header fields it was
 * built from (empty when unknown).
 */
public record OutputPacket(long port, byte[] data, java.util.List<FieldSpan> layout) {
    public OutputPacket {
        data = data.clone();
        layout = java.util.List.copyOf(layout);
    }

    public OutputPacket(long port, byte[] data) {
        this(port, data, java.util.List.of());
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public String toString() {
        return "port " + port + ": " + HexFormat.of().withUpperCase().formatHex(data);
    }
}
