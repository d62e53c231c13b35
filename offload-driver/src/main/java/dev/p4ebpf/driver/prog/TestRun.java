package dev.p4ebpf.driver.prog;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

import dev.p4ebpf.driver.DriverException;
import dev.p4ebpf.driver.DriverException.Kind;
import dev.p4ebpf.driver.Failures;
import dev.p4ebpf.driver.sys.Attr;
import dev.p4ebpf.driver.sys.Bpf;
import dev.p4ebpf.driver.sys.Errno;
import dev.p4ebpf.driver.sys.SyscallException;
import dev.p4ebpf.driver.sys.Uapi;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Optional;

/**
 * BPF_PROG_TEST_RUN: runs a loaded program on one packet in the kernel, without an interface.
 * Note that a repeated run does not restore the packet between repetitions (see KERNEL-ABI.md);
 * {@link #liveFrames} starts each repetition from a fresh copy but really transmits XDP_TX and
 * XDP_REDIRECT frames.
 */
public final class TestRun {
    private TestRun() {}

    /** Headroom for programs that grow the packet (bpf_xdp_adjust_head / _tail). */
    private static final int OUT_SLACK = 512;

    /**
     * @param retval the program's return value (r0)
     * @param packet the packet as the program left it (empty for live-frame runs)
     * @param nsPerRun the kernel's average duration of one repetition, in nanoseconds
     */
    public record Result(int retval, byte[] packet, int nsPerRun, Optional<byte[]> contextOut) {}

    /** Runs {@code program} {@code repeat} times on {@code packet} and returns the last run's outcome. */
    public static Result run(BpfProgram program, byte[] packet, int repeat) {
        return run(program, packet, repeat, null, 0);
    }

    /** Like {@link #run(BpfProgram, byte[], int)} with a context ({@code xdp_md}/{@code __sk_buff}) and flags. */
    public static Result run(BpfProgram program, byte[] packet, int repeat, byte[] context, int flags) {
        if (program.info().ifindex() != 0) {
            throw new DriverException(Kind.MODE_UNSUPPORTED, program + " is bound to a device for hardware offload,"
                    + " and the kernel cannot test-run offloaded programs. Load it without offload to test it.");
        }
        int outSize = packet.length + OUT_SLACK;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment in = arena.allocateFrom(JAVA_BYTE, packet);
            MemorySegment out = arena.allocate(outSize);
            boolean live = (flags & Uapi.BPF_F_TEST_XDP_LIVE_FRAMES) != 0;
            MemorySegment ctxIn = context == null ? MemorySegment.NULL : arena.allocateFrom(JAVA_BYTE, context);
            MemorySegment ctxOut = context == null || live ? MemorySegment.NULL : arena.allocate(context.length);
            Attr attr = new Attr(arena).u32(Uapi.TEST_PROG_FD, program.fd().value())
                    .u32(Uapi.TEST_DATA_SIZE_IN, packet.length).ptr(Uapi.TEST_DATA_IN, in)
                    .u32(Uapi.TEST_DATA_SIZE_OUT, live ? 0 : outSize).ptr(Uapi.TEST_DATA_OUT, live ? MemorySegment.NULL : out)
                    .u32(Uapi.TEST_REPEAT, Math.max(1, repeat))
                    .u32(Uapi.TEST_CTX_SIZE_IN, context == null ? 0 : context.length).ptr(Uapi.TEST_CTX_IN, ctxIn)
                    .u32(Uapi.TEST_CTX_SIZE_OUT, (int) ctxOut.byteSize()).ptr(Uapi.TEST_CTX_OUT, ctxOut)
                    .u32(Uapi.TEST_FLAGS, flags);
            Bpf.call(Uapi.BPF_PROG_TEST_RUN, attr);
            int outLen = live ? 0 : Math.min(attr.getU32(Uapi.TEST_DATA_SIZE_OUT), outSize);
            Optional<byte[]> ctx = ctxOut.byteSize() == 0 ? Optional.empty()
                    : Optional.of(ctxOut.asSlice(0, Math.min(attr.getU32(Uapi.TEST_CTX_SIZE_OUT),
                            (int) ctxOut.byteSize())).toArray(JAVA_BYTE));
            return new Result(attr.getU32(Uapi.TEST_RETVAL), out.asSlice(0, outLen).toArray(JAVA_BYTE),
                    attr.getU32(Uapi.TEST_DURATION), ctx);
        } catch (SyscallException e) {
            throw failure(program, packet, e);
        }
    }

    /**
     * XDP live-frame mode: each repetition starts from a fresh copy and XDP_TX/REDIRECT really
     * transmit (XDP_PASS hands the frame to the stack of {@code ingressIfindex}, which is looked up
     * in the calling thread's network namespace). The kernel reports no verdict and no packet in
     * this mode: {@code retval} is 0 and {@code packet} empty.
     */
    public static Result liveFrames(BpfProgram program, byte[] packet, int repeat, int ingressIfindex) {
        byte[] xdpMd = new byte[24];
        java.nio.ByteBuffer.wrap(xdpMd).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(4, packet.length)
                .putInt(12, ingressIfindex);
        return run(program, packet, repeat, xdpMd, Uapi.BPF_F_TEST_XDP_LIVE_FRAMES);
    }

    private static DriverException failure(BpfProgram program, byte[] packet, SyscallException e) {
        if (e.is(Errno.EINVAL) && packet.length < 14) {
            return Failures.of(Kind.BAD_INPUT, "Test-running " + program + " failed: the packet has " + packet.length
                    + " bytes, fewer than an Ethernet header (14). Give a whole frame.", e);
        }
        if (e.errno().isNotSupported()) {
            return Failures.of(Kind.MODE_UNSUPPORTED, "The kernel cannot test-run " + program + " ("
                    + e.errno().name() + "); BPF_PROG_TEST_RUN supports xdp and sched_cls programs.", e);
        }
        return Failures.of("Test-running " + program, e);
    }
}
