package dev.p4ebpf.conformance.vm;

/**
 * {@code bpf_skb_adjust_room}: room inserted or removed after the MAC header ({@code BPF_ADJ_ROOM_MAC})
 * or after the fixed IPv4/IPv6 header ({@code BPF_ADJ_ROOM_NET}) of an IP packet, with the kernel's
 * checks. The flags that only change skb metadata ({@code FIXED_GSO}, {@code NO_CSUM_RESET}) are
 * accepted; the encapsulation and decapsulation flags are refused as unsupported by the VM.
 */
final class SkbRoom {
    private SkbRoom() {
    }

    private static final long FIXED_GSO = 1;
    private static final long NO_CSUM_RESET = 32;
    /** {@code BPF_F_ADJ_ROOM_MASK | BPF_F_ADJ_ROOM_NO_CSUM_RESET}: every flag the kernel knows. */
    private static final long KNOWN = 0x1ffL | (0xffL << 56);
    private static final int ETH_HLEN = 14;

    static long adjust(Machine m, SkbContext s, PacketBuffer p) {
        int diff = (int) m.scalar(2, "the length difference of bpf_skb_adjust_room");
        long mode = m.scalar(3, "the mode of bpf_skb_adjust_room") & 0xffff_ffffL;
        long flags = m.scalar(4, "the flags of bpf_skb_adjust_room");
        if ((flags & ~KNOWN) != 0) {
            return -Errno.EINVAL;
        }
        long abs = Math.abs((long) diff);
        if (abs > 0xfff) {
            return -Errno.EFAULT;
        }
        if (!PacketHelpers.isIp(s.protocol)) {
            return -Errno.ENOTSUPP;
        }
        if (mode > 1) {
            return -Errno.ENOTSUPP;
        }
        if ((flags & ~(FIXED_GSO | NO_CSUM_RESET)) != 0) {
            throw new Trap(VmFault.UNSUPPORTED_HELPER, "bpf_skb_adjust_room with encapsulation or decapsulation flags 0x"
                    + Long.toHexString(flags) + " is not supported by the VM (only BPF_F_ADJ_ROOM_FIXED_GSO and"
                    + " BPF_F_ADJ_ROOM_NO_CSUM_RESET)");
        }
        int baseLen = PacketHelpers.netBaseLen(s.protocol);
        int off = ETH_HLEN + (mode == 0 ? baseLen : 0);
        long cur = p.length() - ETH_HLEN;
        boolean shrink = diff < 0;
        if (shrink && (abs >= cur || cur - abs < baseLen)) {
            return -Errno.ENOTSUPP;
        }
        if (!shrink && p.length() + abs > PacketHelpers.maxAlloc()) {
            return -Errno.ENOTSUPP;
        }
        if (shrink) {
            if (off + abs > p.length()) {
                return -Errno.EFAULT;
            }
            System.arraycopy(p.buf, p.data, p.buf, p.data + (int) abs, off);
            p.data += (int) abs;
        } else {
            p.reserveHeadroom((int) abs + (p.data - p.meta), 0);
            System.arraycopy(p.buf, p.data, p.buf, p.data - (int) abs, off);
            p.data -= (int) abs;
            java.util.Arrays.fill(p.buf, p.data + off, p.data + off + (int) abs, (byte) 0);
        }
        p.meta = p.data;
        return 0;
    }
}
