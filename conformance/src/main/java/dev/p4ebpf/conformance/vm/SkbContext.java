package dev.p4ebpf.conformance.vm;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * {@code struct __sk_buff} (192 bytes) of a {@code sched_cls} program over a packet laid out as the
 * kernel's skb test run does: 64 bytes of headroom ({@code NET_SKB_PAD}), the frame from its Ethernet
 * header on, {@code protocol} and {@code pkt_type} as {@code eth_type_trans} sets them on the loopback
 * device. The buffer grows when a helper needs more room, as the kernel reallocates.
 *
 * <p>Readable: len, pkt_type, mark, queue_mapping, protocol, vlan_present, vlan_tci, vlan_proto,
 * priority, ingress_ifindex, ifindex, tc_index, cb[5], hash, tc_classid, data, data_end (pointers),
 * napi_id, data_meta (pointer), tstamp, wire_len, gso_segs, gso_size, tstamp_type, hwtstamp; 4-byte
 * fields also with 1- and 2-byte loads of their low part. Writable: mark, queue_mapping, priority,
 * tc_index, cb, tc_classid, tstamp. The socket fields and {@code flow_keys}/{@code sk} are not
 * available to {@code sched_cls}.
 */
final class SkbContext implements VmContext {
    static final int HEADROOM = 64;
    static final int SHARED_INFO = 320;
    static final int MAX_PACKET = 4096 - HEADROOM - SHARED_INFO;
    /** {@code __bpf_skb_max_len} on loopback: MTU 65536 plus the Ethernet header. */
    static final int MAX_LEN = 65536 + 14;
    static final int SIZE = 192;

    private final PacketBuffer packet;
    int protocol;
    int pktType;
    int mark;
    int queueMapping;
    int priority;
    int ingressIfindex;
    int ifindex;
    int tcIndex;
    final int[] cb = new int[5];
    int tcClassid;
    long tstamp;
    int vlanPresent;
    int vlanTci;
    int vlanProto;
    /** {@code qdisc_skb_cb.pkt_len}: the length the packet came in with, which helpers do not update. */
    int wireLen;

    private SkbContext(PacketBuffer packet) {
        this.packet = packet;
    }

    static SkbContext of(byte[] bytes, RunOptions opts, Addresses addresses) throws VmException {
        if (bytes.length < 14 || bytes.length > MAX_PACKET) {
            throw VmException.setup(VmFault.INVALID_SETUP, "an skb test packet has 14 to " + MAX_PACKET
                    + " bytes, not " + bytes.length);
        }
        SkbContext c = new SkbContext(new PacketBuffer(bytes, HEADROOM, HEADROOM + bytes.length + SHARED_INFO, addresses));
        c.protocol = ethProtocol(bytes);
        c.pktType = packetType(bytes);
        c.wireLen = bytes.length;
        c.mark = opts.mark();
        c.priority = opts.priority();
        c.ingressIfindex = opts.ingressIfindex().orElse(0);
        c.ifindex = opts.ifindex();
        for (int i = 0; i < 5; i++) {
            c.cb[i] = opts.cb().get(i);
        }
        return c;
    }

    /** {@code eth_type_trans}: the EtherType as the 16 bits lie in memory, or 802.3/802.2 for length fields. */
    private static int ethProtocol(byte[] p) {
        int type = (p[12] & 0xff) << 8 | (p[13] & 0xff);
        if (type >= 0x0600) {
            return Short.reverseBytes((short) type) & 0xffff;
        }
        boolean raw8023 = p.length >= 16 && (p[14] & 0xff) == 0xff && (p[15] & 0xff) == 0xff;
        return raw8023 ? 0x0100 : 0x0400;
    }

    /** {@code eth_type_trans}'s packet type against the loopback device's all-zero address. */
    private static int packetType(byte[] p) {
        if ((p[0] & 1) != 0) {
            boolean broadcast = true;
            for (int i = 0; i < 6; i++) {
                broadcast &= (p[i] & 0xff) == 0xff;
            }
            return broadcast ? 1 : 2;
        }
        for (int i = 0; i < 6; i++) {
            if (p[i] != 0) {
                return 3;
            }
        }
        return 0;
    }

    @Override
    public void load(Machine m, int dst, long off, int size, boolean signExtend) {
        if (signExtend) {
            throw VmContext.badField("__sk_buff", off, size, "context fields are not read with sign-extending loads");
        }
        switch ((int) off) {
            case 76 -> m.set(dst, packet.data, pointerField(off, size, packet.packet()));
            case 80 -> m.set(dst, packet.end, pointerField(off, size, packet.endRegion()));
            case 140 -> m.set(dst, packet.meta, pointerField(off, size, packet.metaRegion()));
            case 152, 184 -> {
                if (size != 8) {
                    throw VmContext.badField("__sk_buff", off, size, "64-bit fields are read with 8-byte loads");
                }
                m.set(dst, off == 152 ? tstamp : 0, null);
            }
            default -> m.set(dst, narrow(off, size), null);
        }
    }

    private static Region pointerField(long off, int size, Region r) {
        if (size != 4) {
            throw VmContext.badField("__sk_buff", off, size, "data, data_end and data_meta are read with 4-byte loads");
        }
        return r;
    }

    private long narrow(long off, int size) {
        long word = off & ~3L;
        if (size == 8 || (off & (size - 1)) != 0) {
            throw VmContext.badField("__sk_buff", off, size, "a 32-bit field is read with a 1-, 2- or 4-byte aligned load");
        }
        long v = word32((int) word, off, size) & 0xffffffffL;
        long shift = (off - word) * 8;
        return size == 4 ? v : (v >>> shift) & ((1L << (size * 8)) - 1);
    }

    private int word32(int word, long off, int size) {
        return switch (word) {
            case 0 -> packet.length();
            case 4 -> pktType;
            case 8 -> mark;
            case 12 -> queueMapping;
            case 16 -> protocol;
            case 20 -> vlanPresent;
            case 24 -> vlanTci;
            case 28 -> vlanProto;
            case 32 -> priority;
            case 36 -> ingressIfindex;
            case 40 -> ifindex;
            case 44 -> tcIndex;
            case 48, 52, 56, 60, 64 -> cb[(word - 48) / 4];
            case 68, 84, 164 -> 0;
            case 72 -> tcClassid;
            case 160 -> wireLen;
            case 176 -> 0;
            case 180 -> 0;
            default -> throw VmContext.badField("__sk_buff", off, size, word >= SIZE || word < 0
                    ? "past the end of __sk_buff" : "that field is not available to sched_cls programs");
        };
    }

    @Override
    public void store(long off, int size, long value) {
        int v = (int) value;
        int word = (int) (off & ~3L);
        if (word == 152) {
            if (size != 8 || off != 152) {
                throw VmContext.badField("__sk_buff", off, size, "tstamp is written with an 8-byte store");
            }
            tstamp = value;
            return;
        }
        if (size != 4 || off != word) {
            throw VmContext.badField("__sk_buff", off, size, "writable fields are written with aligned 4-byte stores");
        }
        switch (word) {
            case 8 -> mark = v;
            case 12 -> queueMapping = v;
            case 32 -> priority = v;
            case 44 -> tcIndex = v;
            case 48, 52, 56, 60, 64 -> cb[(word - 48) / 4] = v;
            case 72 -> tcClassid = v;
            default -> throw VmContext.badField("__sk_buff", off, size, "that field is read-only for sched_cls programs");
        }
    }

    @Override
    public PacketBuffer packet() {
        return packet;
    }

    @Override
    public byte[] outputPacket() {
        return packet.copy(packet.data, packet.end);
    }

    @Override
    public byte[] contextOut() {
        ByteBuffer b = ByteBuffer.allocate(SIZE).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(8, mark);
        b.putInt(32, priority);
        b.putInt(36, ingressIfindex);
        b.putInt(40, ifindex);
        for (int i = 0; i < 5; i++) {
            b.putInt(48 + 4 * i, cb[i]);
        }
        b.putLong(152, tstamp);
        b.putInt(160, wireLen);
        return b.array();
    }
}
