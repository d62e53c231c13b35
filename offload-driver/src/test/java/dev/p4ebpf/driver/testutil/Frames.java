package dev.p4ebpf.driver.testutil;

import java.nio.ByteBuffer;
import java.util.HexFormat;

/** Ethernet frames for the kernel tests. */
public final class Frames {
    private Frames() {}

    public static final int ETHERTYPE_TEST = 0x88B5;

    public static byte[] mac(String text) {
        return HexFormat.ofDelimiter(":").parseHex(text);
    }

    /** A 64-byte frame of the local experimental ethertype 0x88B5 carrying {@code seq}. */
    public static byte[] test(byte[] dst, byte[] src, int seq) {
        ByteBuffer b = ByteBuffer.allocate(64);
        b.put(dst).put(src).putShort((short) ETHERTYPE_TEST).putInt(seq);
        return b.array();
    }

    /** An ARP request "who has {@code targetIp}? tell {@code senderIp}" from {@code src}. */
    public static byte[] arpRequest(byte[] src, byte[] senderIp, byte[] targetIp) {
        ByteBuffer b = ByteBuffer.allocate(60);
        b.put(mac("ff:ff:ff:ff:ff:ff")).put(src).putShort((short) 0x0806);
        b.putShort((short) 1).putShort((short) 0x0800).put((byte) 6).put((byte) 4).putShort((short) 1);
        b.put(src).put(senderIp).put(new byte[6]).put(targetIp);
        return b.array();
    }

    public static int ethertype(byte[] frame) {
        return frame.length < 14 ? -1 : ((frame[12] & 0xff) << 8) | (frame[13] & 0xff);
    }

    /** 1 for an ARP request, 2 for a reply, -1 for anything else. */
    public static int arpOpcode(byte[] frame) {
        return ethertype(frame) == 0x0806 && frame.length >= 22 ? ((frame[20] & 0xff) << 8) | (frame[21] & 0xff) : -1;
    }

    public static int testSeq(byte[] frame) {
        return ethertype(frame) == ETHERTYPE_TEST ? ByteBuffer.wrap(frame, 14, 4).getInt() : -1;
    }
}
