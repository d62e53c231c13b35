package dev.p4ebpf.driver.netns;

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
import java.time.Duration;
import java.util.Optional;

/**
 * A raw {@code AF_PACKET} socket bound to one interface: sends whole Ethernet frames and receives
 * the frames that arrive there (its own outgoing frames are ignored). Open it on a thread in the
 * interface's network namespace (see {@link NetnsExecutor}); it may be used from any thread after.
 */
public final class PacketSocket implements AutoCloseable {
    private static final int IOVEC_SIZE = 16, MSGHDR_SIZE = 56, MAX_FRAME = 1 << 16;

    private final Fd fd;
    private final int ifindex;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment address;

    private PacketSocket(Fd fd, int ifindex) {
        this.fd = fd;
        this.ifindex = ifindex;
        this.address = arena.allocate(Uapi.SOCKADDR_LL_SIZE, 4);
        address.set(JAVA_SHORT, 0, (short) Uapi.AF_PACKET);
        address.set(JAVA_SHORT, 2, Short.reverseBytes((short) Uapi.ETH_P_ALL));
        address.set(JAVA_INT, 4, ifindex);
    }

    /** Opens a socket on interface {@code ifindex} whose receive calls wait at most {@code timeout}. */
    public static PacketSocket open(int ifindex, Duration timeout) {
        int protocol = Short.toUnsignedInt(Short.reverseBytes((short) Uapi.ETH_P_ALL));
        Fd fd;
        try {
            fd = new Fd(Native.socket(Uapi.AF_PACKET, Uapi.SOCK_RAW | Uapi.SOCK_CLOEXEC, protocol),
                    "packet socket on ifindex " + ifindex);
        } catch (SyscallException e) {
            throw Failures.of("Opening an AF_PACKET socket", e);
        }
        PacketSocket socket = new PacketSocket(fd, ifindex);
        try (Arena a = Arena.ofConfined()) {
            Native.setsockopt(fd.value(), Uapi.SOL_PACKET, Uapi.PACKET_IGNORE_OUTGOING, a.allocateFrom(JAVA_INT, 1));
            MemorySegment tv = a.allocate(16, 8);
            tv.set(JAVA_LONG, 0, timeout.toSeconds());
            tv.set(JAVA_LONG, 8, timeout.toNanosPart() / 1000);
            Native.setsockopt(fd.value(), Uapi.SOL_SOCKET, Uapi.SO_RCVTIMEO, tv);
            Native.setsockopt(fd.value(), Uapi.SOL_SOCKET, Uapi.SO_RCVBUF, a.allocateFrom(JAVA_INT, 4 << 20));
            Native.bind(fd.value(), socket.address);
        } catch (SyscallException e) {
            socket.close();
            throw Failures.of("Setting up the AF_PACKET socket on ifindex " + ifindex, e);
        }
        return socket;
    }

    public int ifindex() {
        return ifindex;
    }

    /**
     * Transmits one frame out of the interface; false when the kernel dropped it on the way out
     * (ENOBUFS: a tc egress program or a full queue refused it).
     */
    public boolean send(byte[] frame) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment data = a.allocateFrom(JAVA_BYTE, frame);
            Native.sendmsg(fd.value(), msghdr(a, address, data), 0);
            return true;
        } catch (SyscallException e) {
            if (e.is(Errno.ENOBUFS)) {
                return false;
            }
            throw Failures.of("Sending a frame on ifindex " + ifindex, e);
        }
    }

    /** The next frame that arrives, or empty when none came within the timeout. */
    public Optional<byte[]> receive() {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment data = a.allocate(MAX_FRAME);
            MemorySegment from = a.allocate(Uapi.SOCKADDR_LL_SIZE, 4);
            long n = Native.recvmsg(fd.value(), msghdr(a, from, data), 0);
            return Optional.of(data.asSlice(0, n).toArray(JAVA_BYTE));
        } catch (SyscallException e) {
            if (e.is(Errno.EAGAIN) || e.is(Errno.EINTR)) {
                return Optional.empty();
            }
            throw Failures.of("Receiving a frame on ifindex " + ifindex, e);
        }
    }

    private static MemorySegment msghdr(Arena a, MemorySegment name, MemorySegment data) {
        MemorySegment iov = a.allocate(IOVEC_SIZE, 8);
        iov.set(JAVA_LONG, 0, data.address());
        iov.set(JAVA_LONG, 8, data.byteSize());
        MemorySegment msghdr = a.allocate(MSGHDR_SIZE, 8);
        msghdr.set(JAVA_LONG, 0, name.address());
        msghdr.set(JAVA_INT, 8, (int) name.byteSize());
        msghdr.set(JAVA_LONG, 16, iov.address());
        msghdr.set(JAVA_LONG, 24, 1);
        return msghdr;
    }

    @Override
    public void close() {
        fd.close();
        arena.close();
    }
}
