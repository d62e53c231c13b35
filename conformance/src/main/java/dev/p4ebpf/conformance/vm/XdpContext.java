package dev.p4ebpf.conformance.vm;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * {@code struct xdp_md} over a packet laid out as the kernel's XDP test run does: a 4096-byte frame
 * with 256 bytes of headroom ({@code XDP_PACKET_HEADROOM}) and the 320 bytes of
 * {@code skb_shared_info} reserved at its end, so packets of 14 to 3520 bytes fit and
 * {@code bpf_xdp_adjust_tail} can grow up to byte 3776 of the frame. Fields: data 0, data_end 4,
 * data_meta 8 (pointers), ingress_ifindex 12, rx_queue_index 16, egress_ifindex 20; all read-only,
 * all 4-byte loads.
 */
final class XdpContext implements VmContext {
    static final int FRAME = 4096;
    static final int HEADROOM = 256;
    static final int SHARED_INFO = 320;
    /** {@code sizeof(struct xdp_frame)}, kept free at the start of the headroom. */
    static final int XDP_FRAME = 40;
    static final int MAX_PACKET = FRAME - HEADROOM - SHARED_INFO;

    private final PacketBuffer packet;
    private final int ingressIfindex;
    private final int rxQueueIndex;

    XdpContext(PacketBuffer packet, int ingressIfindex, int rxQueueIndex) {
        this.packet = packet;
        this.ingressIfindex = ingressIfindex;
        this.rxQueueIndex = rxQueueIndex;
    }

    static XdpContext of(byte[] bytes, RunOptions opts, Addresses addresses) throws VmException {
        if (bytes.length < 14 || bytes.length > MAX_PACKET) {
            throw VmException.setup(VmFault.INVALID_SETUP, "an XDP test packet has 14 to " + MAX_PACKET
                    + " bytes (Ethernet header to one frame), not " + bytes.length);
        }
        return new XdpContext(new PacketBuffer(bytes, HEADROOM, FRAME, addresses),
                opts.ingressIfindex().orElse(1), opts.rxQueueIndex());
    }

    /** The last byte offset the data may reach ({@code xdp_data_hard_end}). */
    int hardEnd() {
        return FRAME - SHARED_INFO;
    }

    @Override
    public void load(Machine m, int dst, long off, int size, boolean signExtend) {
        if (size != 4 || signExtend) {
            throw VmContext.badField("xdp_md", off, size, "xdp_md fields are read with 4-byte loads");
        }
        switch ((int) off) {
            case 0 -> m.set(dst, packet.data, packet.packet());
            case 4 -> m.set(dst, packet.end, packet.endRegion());
            case 8 -> m.set(dst, packet.meta, packet.metaRegion());
            case 12 -> m.set(dst, ingressIfindex & 0xffffffffL, null);
            case 16 -> m.set(dst, rxQueueIndex & 0xffffffffL, null);
            case 20 -> m.set(dst, 0, null);
            default -> throw VmContext.badField("xdp_md", off, size, "no xdp_md field starts there");
        }
    }

    @Override
    public void store(long off, int size, long value) {
        throw VmContext.badField("xdp_md", off, size, "xdp_md is read-only");
    }

    @Override
    public PacketBuffer packet() {
        return packet;
    }

    @Override
    public byte[] outputPacket() {
        return packet.copy(packet.meta, packet.end);
    }

    @Override
    public byte[] contextOut() {
        ByteBuffer b = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0, packet.data - packet.meta);
        b.putInt(4, packet.end - packet.meta);
        b.putInt(12, ingressIfindex);
        b.putInt(16, rxQueueIndex);
        return b.array();
    }
}
