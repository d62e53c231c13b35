package dev.p4ebpf.driver.netlink;

import dev.p4ebpf.driver.sys.Uapi;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Builds one netlink request: the 16-byte {@code nlmsghdr}, a fixed family header
 * ({@code ifinfomsg}, {@code tcmsg}) and attributes, nested ones included. Integers are in host
 * (little-endian) order as netlink wants; every attribute is padded to 4 bytes.
 */
public final class NlMessage {
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private final Deque<Integer> nests = new ArrayDeque<>();
    private final int type;
    private final int flags;
    private byte[] patchable;

    public NlMessage(int type, int flags) {
        this.type = type;
        this.flags = flags;
    }

    public int type() {
        return type;
    }

    /** Appends raw bytes of the family header. */
    public NlMessage header(byte[] familyHeader) {
        body.writeBytes(familyHeader);
        return this;
    }

    /** {@code struct ifinfomsg} for interface {@code ifindex}. */
    public NlMessage ifinfomsg(int ifindex) {
        return header(ByteBuffer.allocate(Uapi.IFINFOMSG_SIZE).order(ByteOrder.LITTLE_ENDIAN)
                .put((byte) Uapi.AF_UNSPEC).put((byte) 0).putShort((short) 0).putInt(ifindex).putInt(0).putInt(0)
                .array());
    }

    /** {@code struct tcmsg}. */
    public NlMessage tcmsg(int ifindex, int handle, int parent, int info) {
        return header(ByteBuffer.allocate(Uapi.TCMSG_SIZE).order(ByteOrder.LITTLE_ENDIAN)
                .put((byte) Uapi.AF_UNSPEC).put((byte) 0).putShort((short) 0).putInt(ifindex).putInt(handle)
                .putInt(parent).putInt(info).array());
    }

    public NlMessage u32(int attrType, int value) {
        return attr(attrType, ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array());
    }

    public NlMessage string(int attrType, String value) {
        byte[] text = value.getBytes(StandardCharsets.UTF_8);
        byte[] withNul = new byte[text.length + 1];
        System.arraycopy(text, 0, withNul, 0, text.length);
        return attr(attrType, withNul);
    }

    public NlMessage attr(int attrType, byte[] payload) {
        writeAttrHeader(Uapi.NLA_HDRLEN + payload.length, attrType);
        body.writeBytes(payload);
        pad();
        return this;
    }

    /** Opens a nested attribute; close it with {@link #end()}. */
    public NlMessage begin(int attrType) {
        nests.push(body.size());
        writeAttrHeader(0, attrType | Uapi.NLA_F_NESTED);
        return this;
    }

    public NlMessage end() {
        int start = nests.pop();
        patchable = body.toByteArray();
        int length = patchable.length - start;
        ByteBuffer.wrap(patchable, start, 2).order(ByteOrder.LITTLE_ENDIAN).putShort((short) length);
        body.reset();
        body.writeBytes(patchable);
        return this;
    }

    private int wireFlags() {
        int dump = (flags & Uapi.NLM_F_DUMP) == Uapi.NLM_F_DUMP && isGet() ? 0 : Uapi.NLM_F_ACK;
        return flags | Uapi.NLM_F_REQUEST | dump;
    }

    /** RTM_GET* requests are the ones where 0x300 means a dump rather than CREATE/EXCL/REPLACE bits. */
    private boolean isGet() {
        return type == Uapi.RTM_GETLINK || type == Uapi.RTM_GETQDISC || type == Uapi.RTM_GETTFILTER;
    }

    private void writeAttrHeader(int length, int attrType) {
        body.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putShort((short) length)
                .putShort((short) attrType).array());
    }

    private void pad() {
        while (body.size() % 4 != 0) {
            body.write(0);
        }
    }

    /**
     * The whole message with its header, numbered {@code seq}; NLM_F_REQUEST is always set, and
     * NLM_F_ACK on everything but dumps (whose end is NLMSG_DONE).
     */
    public byte[] encode(int seq) {
        if (!nests.isEmpty()) {
            throw new IllegalStateException("netlink message has " + nests.size() + " unclosed nested attributes");
        }
        byte[] payload = body.toByteArray();
        return ByteBuffer.allocate(Uapi.NLMSG_HDRLEN + payload.length).order(ByteOrder.LITTLE_ENDIAN)
                .putInt(Uapi.NLMSG_HDRLEN + payload.length).putShort((short) type).putShort((short) wireFlags())
                .putInt(seq).putInt(0).put(payload).array();
    }
}
