package dev.p4ebpf.conformance.vm;

/**
 * The packet a program runs on, laid out as the kernel's test run lays it out: headroom, optional
 * metadata right before the data, the data, and tailroom. {@code meta <= data <= end} are offsets
 * into {@link #buf}. The regions handed to the program — metadata, data and the {@code data_end}
 * marker — are made anew by {@link #changed()} whenever a helper changes the packet, which
 * invalidates every pointer into the old ones, as the verifier does.
 */
final class PacketBuffer {
    private final Addresses addresses;
    byte[] buf;
    int meta;
    int data;
    int end;
    private long base;
    private Region packet;
    private Region metaRegion;
    private Region endRegion;

    PacketBuffer(byte[] bytes, int headroom, int capacity, Addresses addresses) {
        this.addresses = addresses;
        this.buf = new byte[Math.max(capacity, headroom + bytes.length)];
        System.arraycopy(bytes, 0, buf, headroom, bytes.length);
        this.meta = headroom;
        this.data = headroom;
        this.end = headroom + bytes.length;
        this.base = addresses.next();
        changed();
    }

    int length() {
        return end - data;
    }

    /** Invalidates the current packet regions and makes new ones for the current layout. */
    void changed() {
        if (packet != null) {
            packet.valid = false;
            metaRegion.valid = false;
            endRegion.valid = false;
        }
        packet = Region.memory(Region.Kind.PACKET, "the packet", buf, data, end, true, base);
        metaRegion = Region.memory(Region.Kind.PACKET_META, "the packet metadata", buf, meta, data, true, base);
        endRegion = Region.memory(Region.Kind.PACKET_END, "data_end", null, end, end, false, base);
    }

    Region packet() {
        return packet;
    }

    Region metaRegion() {
        return metaRegion;
    }

    Region endRegion() {
        return endRegion;
    }

    /** Moves the contents to a larger buffer with at least {@code headroom} bytes before the metadata. */
    void reserveHeadroom(int headroom, int tailroom) {
        if (meta >= headroom && buf.length - end >= tailroom) {
            return;
        }
        int newMeta = Math.max(meta, headroom);
        int shift = newMeta - meta;
        byte[] bigger = new byte[Math.max(newMeta + (end - meta) + tailroom, buf.length)];
        System.arraycopy(buf, meta, bigger, newMeta, end - meta);
        buf = bigger;
        meta += shift;
        data += shift;
        end += shift;
        base = addresses.next();
    }

    /** A copy of {@code [from, to)} of the buffer. */
    byte[] copy(int from, int to) {
        byte[] out = new byte[to - from];
        System.arraycopy(buf, from, out, 0, to - from);
        return out;
    }
}
