package dev.p4ebpf.conformance.vm;

import dev.p4ebpf.ebpf.insn.Helper;
import dev.p4ebpf.ebpf.object.ProgramType;

/**
 * The helpers that read, write or reshape the packet, with the kernel's argument checks and errno
 * results ({@code net/core/filter.c}). Every helper the verifier marks as changing packet data
 * invalidates all packet pointers when it returns, whether or not it succeeded.
 */
final class PacketHelpers {
    private PacketHelpers() {
    }

    private static final int ETH_HLEN = 14;
    private static final int EACCES = 13;
    /** {@code type_max(skb_shared_info.meta_len)}: the most metadata XDP may carry. */
    static final int META_MAX = 255;
    /** {@code BPF_SKB_MAX_LEN} ({@code SKB_MAX_ALLOC}), the largest packet skb_adjust_room grows to. */
    private static final int SKB_MAX_ALLOC = 16384 - 320;
    private static final int IPV4 = 0x0008;
    private static final int IPV6 = 0xdd86;

    static long xdp(Machine m, Helper h) {
        Helpers.requireType(m, ProgramType.XDP, h.kernelName());
        Helpers.requireContext(m, h.kernelName());
        XdpContext x = (XdpContext) m.ctx;
        PacketBuffer p = x.packet();
        return switch (h) {
            case XDP_ADJUST_HEAD -> changed(p, adjustHead(p, (int) m.scalar(2, "the offset of bpf_xdp_adjust_head")));
            case XDP_ADJUST_META -> changed(p, adjustMeta(p, (int) m.scalar(2, "the offset of bpf_xdp_adjust_meta")));
            case XDP_ADJUST_TAIL -> changed(p, adjustTail(x, p, (int) m.scalar(2, "the offset of bpf_xdp_adjust_tail")));
            case XDP_GET_BUFF_LEN -> p.length();
            case XDP_LOAD_BYTES, XDP_STORE_BYTES -> xdpBytes(m, p, h == Helper.XDP_STORE_BYTES);
            default -> throw new IllegalStateException(h + " is not an XDP packet helper");
        };
    }

    private static long changed(PacketBuffer p, long rc) {
        p.changed();
        return rc;
    }

    private static long adjustHead(PacketBuffer p, int offset) {
        int metalen = p.data - p.meta;
        long data = (long) p.data + offset;
        if (data < XdpContext.XDP_FRAME + metalen || data > p.end - ETH_HLEN) {
            return -Errno.EINVAL;
        }
        if (metalen > 0) {
            System.arraycopy(p.buf, p.meta, p.buf, p.meta + offset, metalen);
        }
        p.meta += offset;
        p.data = (int) data;
        return 0;
    }

    private static long adjustMeta(PacketBuffer p, int offset) {
        long meta = (long) p.meta + offset;
        if (meta < XdpContext.XDP_FRAME || meta > p.data) {
            return -Errno.EINVAL;
        }
        long metalen = p.data - meta;
        if ((metalen & 3) != 0 || metalen > META_MAX) {
            return -EACCES;
        }
        p.meta = (int) meta;
        return 0;
    }

    private static long adjustTail(XdpContext x, PacketBuffer p, int offset) {
        long end = (long) p.end + offset;
        if (end > x.hardEnd() || end < p.data + ETH_HLEN) {
            return -Errno.EINVAL;
        }
        if (offset > 0) {
            java.util.Arrays.fill(p.buf, p.end, (int) end, (byte) 0);
        }
        p.end = (int) end;
        return 0;
    }

    private static long xdpBytes(Machine m, PacketBuffer p, boolean store) {
        String name = store ? "bpf_xdp_store_bytes" : "bpf_xdp_load_bytes";
        long off = m.scalar(2, "the offset of " + name) & 0xffff_ffffL;
        long len = m.scalar(4, "the length of " + name) & 0xffff_ffffL;
        if (off > 0xffff || len > 0xffff) {
            return -Errno.EFAULT;
        }
        if (off + len > p.length()) {
            return -Errno.EINVAL;
        }
        if (store) {
            byte[] from = Helpers.read(m, 3, len, "the data of " + name);
            System.arraycopy(from, 0, p.buf, p.data + (int) off, from.length);
        } else {
            Helpers.write(m, 3, p.copy(p.data + (int) off, p.data + (int) (off + len)), "the buffer of " + name);
        }
        return 0;
    }

    static long skb(Machine m, Helper h) {
        Helpers.requireType(m, ProgramType.SCHED_CLS, h.kernelName());
        Helpers.requireContext(m, h.kernelName());
        SkbContext s = (SkbContext) m.ctx;
        PacketBuffer p = s.packet();
        return switch (h) {
            case SKB_LOAD_BYTES -> loadBytes(m, p);
            case SKB_STORE_BYTES -> changed(p, storeBytes(m, p));
            case L3_CSUM_REPLACE -> changed(p, l3Csum(m, p));
            case L4_CSUM_REPLACE -> changed(p, l4Csum(m, p));
            case SKB_CHANGE_TAIL -> changed(p, changeTail(m, p));
            case SKB_CHANGE_HEAD -> changed(p, changeHead(m, p));
            case SKB_ADJUST_ROOM -> changed(p, SkbRoom.adjust(m, s, p));
            case SKB_PULL_DATA -> changed(p, (m.scalar(2, "the length of bpf_skb_pull_data") & 0xffff_ffffL) > p.length()
                    ? -Errno.ENOMEM : 0);
            default -> throw new IllegalStateException(h + " is not an skb helper");
        };
    }

    private static long loadBytes(Machine m, PacketBuffer p) {
        long off = m.scalar(2, "the offset of bpf_skb_load_bytes") & 0xffff_ffffL;
        long len = m.scalar(4, "the length of bpf_skb_load_bytes") & 0xffff_ffffL;
        Helpers.read(m, 3, len, "the buffer of bpf_skb_load_bytes");
        if (off > 0xffff || off + len > p.length()) {
            Helpers.write(m, 3, new byte[(int) len], "the buffer of bpf_skb_load_bytes");
            return -Errno.EFAULT;
        }
        Helpers.write(m, 3, p.copy(p.data + (int) off, p.data + (int) (off + len)), "the buffer of bpf_skb_load_bytes");
        return 0;
    }

    private static long storeBytes(Machine m, PacketBuffer p) {
        long off = m.scalar(2, "the offset of bpf_skb_store_bytes") & 0xffff_ffffL;
        long len = m.scalar(4, "the length of bpf_skb_store_bytes") & 0xffff_ffffL;
        byte[] from = Helpers.read(m, 3, len, "the data of bpf_skb_store_bytes");
        long flags = m.scalar(5, "the flags of bpf_skb_store_bytes");
        if ((flags & ~3L) != 0) {
            return -Errno.EINVAL;
        }
        if (off > 0xffff || off + len > p.length()) {
            return -Errno.EFAULT;
        }
        System.arraycopy(from, 0, p.buf, p.data + (int) off, from.length);
        return 0;
    }

    /** The checksum field at {@code off} if it may be rewritten, else a negative errno in the low bits. */
    private static long csumField(PacketBuffer p, long off) {
        if (off > 0xffff || (off & 1) != 0 || off + 2 > p.length()) {
            return -Errno.EFAULT;
        }
        int at = p.data + (int) off;
        return (p.buf[at] & 0xff) | (p.buf[at + 1] & 0xff) << 8;
    }

    private static void putCsum(PacketBuffer p, long off, int sum) {
        p.buf[p.data + (int) off] = (byte) sum;
        p.buf[p.data + (int) off + 1] = (byte) (sum >>> 8);
    }

    private static long l3Csum(Machine m, PacketBuffer p) {
        long off = m.scalar(2, "the offset of bpf_l3_csum_replace") & 0xffff_ffffL;
        long from = m.scalar(3, "the old value of bpf_l3_csum_replace");
        long to = m.scalar(4, "the new value of bpf_l3_csum_replace");
        long flags = m.scalar(5, "the flags of bpf_l3_csum_replace");
        if ((flags & ~0xfL) != 0) {
            return -Errno.EINVAL;
        }
        long field = csumField(p, off);
        if (field < 0) {
            return field;
        }
        int sum = (int) field;
        switch ((int) (flags & 0xf)) {
            case 0 -> {
                if (from != 0) {
                    return -Errno.EINVAL;
                }
                sum = Checksum.replaceByDiff(sum, (int) to);
            }
            case 2 -> sum = Checksum.replace2(sum, (int) from & 0xffff, (int) to & 0xffff);
            case 4 -> sum = Checksum.replace4(sum, (int) from, (int) to);
            default -> {
                return -Errno.EINVAL;
            }
        }
        putCsum(p, off, sum);
        return 0;
    }

    private static long l4Csum(Machine m, PacketBuffer p) {
        long off = m.scalar(2, "the offset of bpf_l4_csum_replace") & 0xffff_ffffL;
        long from = m.scalar(3, "the old value of bpf_l4_csum_replace");
        long to = m.scalar(4, "the new value of bpf_l4_csum_replace");
        long flags = m.scalar(5, "the flags of bpf_l4_csum_replace");
        boolean mangledZero = (flags & 0x20) != 0;
        boolean force = (flags & 0x40) != 0;
        if ((flags & ~(0x10L | 0x20 | 0x40 | 0x80 | 0xf)) != 0) {
            return -Errno.EINVAL;
        }
        long field = csumField(p, off);
        if (field < 0) {
            return field;
        }
        int sum = (int) field;
        if (mangledZero && !force && sum == 0) {
            return 0;
        }
        switch ((int) (flags & 0xf)) {
            case 0 -> {
                if (from != 0) {
                    return -Errno.EINVAL;
                }
                sum = Checksum.replaceByDiff(sum, (int) to);
            }
            case 2 -> sum = Checksum.replace4(sum, (int) from & 0xffff, (int) to & 0xffff);
            case 4 -> sum = Checksum.replace4(sum, (int) from, (int) to);
            default -> {
                return -Errno.EINVAL;
            }
        }
        if (mangledZero && sum == 0) {
            sum = 0xffff;
        }
        putCsum(p, off, sum);
        return 0;
    }

    private static long changeTail(Machine m, PacketBuffer p) {
        long len = m.scalar(2, "the length of bpf_skb_change_tail") & 0xffff_ffffL;
        long flags = m.scalar(3, "the flags of bpf_skb_change_tail");
        if (flags != 0 || len > SkbContext.MAX_LEN || len < ETH_HLEN) {
            return -Errno.EINVAL;
        }
        int newEnd = p.data + (int) len;
        if (newEnd > p.end) {
            p.reserveHeadroom(0, newEnd - p.end);
            newEnd = p.data + (int) len;
            java.util.Arrays.fill(p.buf, p.end, newEnd, (byte) 0);
        }
        p.end = newEnd;
        return 0;
    }

    private static long changeHead(Machine m, PacketBuffer p) {
        long room = m.scalar(2, "the head room of bpf_skb_change_head") & 0xffff_ffffL;
        long flags = m.scalar(3, "the flags of bpf_skb_change_head");
        long newLen = (p.length() + room) & 0xffff_ffffL;
        if (flags != 0 || newLen > SkbContext.MAX_LEN || newLen < p.length()) {
            return -Errno.EINVAL;
        }
        p.reserveHeadroom((int) room + (p.data - p.meta), 0);
        p.data -= (int) room;
        java.util.Arrays.fill(p.buf, p.data, p.data + (int) room, (byte) 0);
        p.meta = p.data;
        return 0;
    }

    static long csumDiff(Machine m) {
        long fromSize = m.scalar(2, "the from size of bpf_csum_diff") & 0xffff_ffffL;
        long toSize = m.scalar(4, "the to size of bpf_csum_diff") & 0xffff_ffffL;
        int seed = (int) m.scalar(5, "the seed of bpf_csum_diff");
        byte[] from = fromSize == 0 && m.type[1] == null ? new byte[0] : Helpers.read(m, 1, fromSize, "bpf_csum_diff's from");
        byte[] to = toSize == 0 && m.type[3] == null ? new byte[0] : Helpers.read(m, 3, toSize, "bpf_csum_diff's to");
        if (((fromSize | toSize) & 3) != 0 || fromSize + toSize > 512) {
            return -Errno.EINVAL;
        }
        int sum;
        if (from.length > 0 && to.length > 0) {
            sum = Checksum.sub(Checksum.partial(to, seed), Checksum.partial(from, 0));
        } else if (to.length > 0) {
            sum = Checksum.partial(to, seed);
        } else if (from.length > 0) {
            sum = ~Checksum.partial(from, ~seed);
        } else {
            sum = seed;
        }
        return Checksum.from32to16(sum);
    }

    static boolean isIp(int protocol) {
        return protocol == IPV4 || protocol == IPV6;
    }

    static int netBaseLen(int protocol) {
        return protocol == IPV4 ? 20 : 40;
    }

    static int maxAlloc() {
        return SKB_MAX_ALLOC;
    }
}
