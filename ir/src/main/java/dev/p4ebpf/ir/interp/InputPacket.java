package dev.p4ebpf.ir.interp;

/** A packet arriving on {@code port}. */
public record InputPacket(long port, byte[] data) {
    public InputPacket {
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }
}
