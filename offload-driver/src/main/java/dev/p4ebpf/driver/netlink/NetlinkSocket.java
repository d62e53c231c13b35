package dev.p4ebpf.driver.netlink;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import dev.p4ebpf.driver.Failures;
import dev.p4ebpf.driver.sys.Errno;
import dev.p4ebpf.driver.sys.Fd;
import dev.p4ebpf.driver.sys.Native;
import dev.p4ebpf.driver.sys.SyscallException;
import dev.p4ebpf.driver.sys.Uapi;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code NETLINK_ROUTE} socket, opened through FFM ({@code socket}, {@code bind},
 * {@code sendmsg}, {@code recvmsg}) with extended acks on, so that errors carry the kernel's text.
 * The socket belongs to the network namespace of the thread that opened it. One request at a time.
 */
public final class NetlinkSocket implements AutoCloseable {
    private static final int RECV_BUFFER = 1 << 16;
    private static final int SOCKADDR_NL_SIZE = 12;
    private static final int MSGHDR_SIZE = 56;
    private static final int IOVEC_SIZE = 16;

    /** One message of a reply: its type, flags and the bytes after the 16-byte header. */
    public record Reply(int type, int flags, byte[] payload) {}

    private final Fd fd;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment recvBuffer;
    private int seq = (int) (System.nanoTime() & 0x7fffffff);

    private NetlinkSocket(Fd fd) {
        this.fd = fd;
        this.recvBuffer = arena.allocate(RECV_BUFFER, 8);
    }

    /** Opens a route socket in the calling thread's network namespace. */
    public static NetlinkSocket openRoute() {
        Fd fd;
        try {
            fd = new Fd(Native.socket(Uapi.AF_NETLINK, Uapi.SOCK_RAW | Uapi.SOCK_CLOEXEC, Uapi.NETLINK_ROUTE),
                    "rtnetlink socket");
        } catch (SyscallException e) {
            throw Failures.of("Opening a netlink socket", e);
        }
        try {
            NetlinkSocket socket = new NetlinkSocket(fd);
            socket.configure();
            return socket;
        } catch (RuntimeException e) {
            fd.close();
            throw e;
        }
    }

    private void configure() {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment one = a.allocateFrom(JAVA_INT, 1);
            Native.setsockopt(fd.value(), Uapi.SOL_NETLINK, Uapi.NETLINK_EXT_ACK, one);
            Native.setsockopt(fd.value(), Uapi.SOL_NETLINK, Uapi.NETLINK_CAP_ACK, one);
            MemorySegment address = a.allocate(SOCKADDR_NL_SIZE, 4);
            address.set(JAVA_SHORT, 0, (short) Uapi.AF_NETLINK);
            Native.bind(fd.value(), address);
        } catch (SyscallException e) {
            throw Failures.of("Setting up the netlink socket", e);
        }
    }

    /**
     * Sends {@code message} (with NLM_F_REQUEST and NLM_F_ACK added) and collects the replies up to
     * the ack or, for dumps, NLMSG_DONE.
     */
    public List<Reply> request(NlMessage message) throws NetlinkError {
        int mySeq = ++seq;
        byte[] bytes = message.encode(mySeq);
        try (Arena a = Arena.ofConfined()) {
            send(a, bytes);
            return receiveUntilDone(a, mySeq);
        } catch (SyscallException e) {
            throw new NetlinkError(e.errno(), null);
        }
    }

    private void send(Arena a, byte[] bytes) throws SyscallException {
        MemorySegment data = a.allocateFrom(JAVA_BYTE, bytes);
        MemorySegment address = a.allocate(SOCKADDR_NL_SIZE, 4);
        address.set(JAVA_SHORT, 0, (short) Uapi.AF_NETLINK);
        MemorySegment msghdr = msghdr(a, address, data);
        Native.sendmsg(fd.value(), msghdr, 0);
    }

    private static MemorySegment msghdr(Arena a, MemorySegment address, MemorySegment data) {
        MemorySegment iov = a.allocate(IOVEC_SIZE, 8);
        iov.set(JAVA_LONG, 0, data.address());
        iov.set(JAVA_LONG, 8, data.byteSize());
        MemorySegment msghdr = a.allocate(MSGHDR_SIZE, 8);
        msghdr.set(JAVA_LONG, 0, address.address());
        msghdr.set(JAVA_INT, 8, (int) address.byteSize());
        msghdr.set(JAVA_LONG, 16, iov.address());
        msghdr.set(JAVA_LONG, 24, 1);
        return msghdr;
    }

    private List<Reply> receiveUntilDone(Arena a, int mySeq) throws SyscallException, NetlinkError {
        List<Reply> replies = new ArrayList<>();
        MemorySegment address = a.allocate(SOCKADDR_NL_SIZE, 4);
        while (true) {
            long n = Native.recvmsg(fd.value(), msghdr(a, address, recvBuffer), 0);
            byte[] data = recvBuffer.asSlice(0, n).toArray(JAVA_BYTE);
            ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
            int pos = 0;
            while (pos + Uapi.NLMSG_HDRLEN <= data.length) {
                int len = b.getInt(pos);
                int type = Short.toUnsignedInt(b.getShort(pos + 4));
                int flags = Short.toUnsignedInt(b.getShort(pos + 6));
                int msgSeq = b.getInt(pos + 8);
                if (len < Uapi.NLMSG_HDRLEN || pos + len > data.length) {
                    throw new NetlinkError(new Errno(Errno.EBADMSG), "truncated netlink reply");
                }
                if (msgSeq == mySeq) {
                    if (type == Uapi.NLMSG_ERROR) {
                        checkError(data, pos, len, flags);
                        return replies;
                    }
                    if (type == Uapi.NLMSG_DONE) {
                        return replies;
                    }
                    byte[] payload = new byte[len - Uapi.NLMSG_HDRLEN];
                    System.arraycopy(data, pos + Uapi.NLMSG_HDRLEN, payload, 0, payload.length);
                    replies.add(new Reply(type, flags, payload));
                }
                pos += (len + 3) & ~3;
            }
        }
    }

    /** NLMSG_ERROR: {@code int error; struct nlmsghdr msg;} then, with NLM_F_ACK_TLVS, the extack attributes. */
    private static void checkError(byte[] data, int pos, int len, int flags) throws NetlinkError {
        ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        int error = b.getInt(pos + Uapi.NLMSG_HDRLEN);
        if (error == 0) {
            return;
        }
        String extack = null;
        int attrs = pos + Uapi.NLMSG_HDRLEN + 4 + Uapi.NLMSG_HDRLEN;
        if ((flags & Uapi.NLM_F_ACK_TLVS) != 0 && attrs < pos + len) {
            extack = NlAttrs.parse(data, attrs, pos + len - attrs).string(Uapi.NLMSGERR_ATTR_MSG).orElse(null);
        }
        throw new NetlinkError(new Errno(-error), extack);
    }

    @Override
    public void close() {
        fd.close();
        arena.close();
    }
}
