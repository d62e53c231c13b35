package dev.p4ebpf.conformance.run.kernel;

import dev.p4ebpf.conformance.run.TargetException;
import dev.p4ebpf.conformance.run.TargetSession;
import dev.p4ebpf.driver.DriverException;
import dev.p4ebpf.driver.prog.BpfProgram;
import dev.p4ebpf.driver.prog.TestRun;
import dev.p4ebpf.driver.sys.Errno;
import dev.p4ebpf.driver.sys.Uapi;
import java.util.List;

/**
 * One packet through {@code BPF_PROG_TEST_RUN} (one repetition: a repeated run would see the
 * packet as the previous repetition left it), and the program's verdict turned into outputs the
 * way the interpreter's architecture models report them:
 * <table>
 *   <caption>verdicts</caption>
 *   <tr><th>program</th><th>verdict</th><th>output</th></tr>
 *   <tr><td>tc (ebpfFilter)</td><td>TC_ACT_OK (accept)</td><td>the packet out on the port it came in on</td></tr>
 *   <tr><td>tc (ebpfFilter)</td><td>TC_ACT_SHOT (reject, parser error)</td><td>none (dropped)</td></tr>
 *   <tr><td>XDP</td><td>XDP_PASS, XDP_TX</td><td>the packet out on the port it came in on</td></tr>
 *   <tr><td>XDP</td><td>XDP_DROP, XDP_ABORTED</td><td>none (dropped)</td></tr>
 *   <tr><td>XDP</td><td>XDP_REDIRECT</td><td>a failure of this packet: the test run does not tell the
 *     redirect's port</td></tr>
 * </table>
 * The packet out is the kernel's {@code data_out}: what the program left in the buffer. The test
 * run gives no context, so an XDP program sees the loopback device's ifindex as
 * {@code input_port}, whatever port the test sends on; the port is only used to report the output.
 * Any other verdict, and a packet the kernel refuses to run (see {@link #refused}), is a
 * {@link TargetException} for this packet alone.
 */
final class PacketRun {
    private final BpfProgram program;
    private final boolean xdp;

    PacketRun(BpfProgram program) {
        this.program = program;
        this.xdp = program.info().type() == Uapi.BPF_PROG_TYPE_XDP;
    }

    TargetSession.SendResult send(long port, byte[] packet) throws TargetException {
        TestRun.Result r;
        try {
            r = TestRun.run(program, packet, 1);
        } catch (DriverException e) {
            throw refused(packet, e);
        }
        int v = r.retval();
        String name = verdictName(v);
        String trace = "BPF_PROG_TEST_RUN returned " + name + " (" + v + ")";
        boolean out = xdp ? v == Uapi.XDP_PASS || v == Uapi.XDP_TX : v == Uapi.TC_ACT_OK;
        boolean dropped = xdp ? v == Uapi.XDP_DROP || v == Uapi.XDP_ABORTED : v == Uapi.TC_ACT_SHOT;
        if (out) {
            return new TargetSession.SendResult(List.of(new TargetSession.Output(port, r.packet(), List::of)),
                    List.of(trace + ": out on port " + port));
        }
        if (dropped) {
            return new TargetSession.SendResult(List.of(), List.of(trace + ": dropped"));
        }
        if (xdp && v == Uapi.XDP_REDIRECT) {
            throw new TargetException("the program returned XDP_REDIRECT, and BPF_PROG_TEST_RUN does not say to"
                    + " which port (the redirect target stays in the kernel), so the kernel target cannot report"
                    + " where this packet went; run it on a target with real interfaces");
        }
        throw new TargetException(trace + ", which the " + (xdp ? "xdp" : "ebpfFilter") + " model does not"
                + " define: the program's verdict is wrong (a backend bug)");
    }

    private String verdictName(int v) {
        if (xdp) {
            return switch (v) {
                case Uapi.XDP_ABORTED -> "XDP_ABORTED";
                case Uapi.XDP_DROP -> "XDP_DROP";
                case Uapi.XDP_PASS -> "XDP_PASS";
                case Uapi.XDP_TX -> "XDP_TX";
                case Uapi.XDP_REDIRECT -> "XDP_REDIRECT";
                default -> "XDP action " + v;
            };
        }
        return switch (v) {
            case Uapi.TC_ACT_OK -> "TC_ACT_OK";
            case Uapi.TC_ACT_SHOT -> "TC_ACT_SHOT";
            case Uapi.TC_ACT_UNSPEC -> "TC_ACT_UNSPEC";
            case Uapi.TC_ACT_REDIRECT -> "TC_ACT_REDIRECT";
            default -> "tc action " + v;
        };
    }

    /**
     * Why the kernel would not run this packet. BPF_PROG_TEST_RUN refuses with EINVAL a frame
     * shorter than an Ethernet header, and, for tc programs, an IPv4 frame (EtherType 0x0800)
     * shorter than 34 bytes or an IPv6 one (0x86DD) shorter than 54, because it reads the network
     * header while building the socket buffer. The interpreter runs such packets; the kernel
     * target reports them as failures of that packet, saying so.
     */
    private TargetException refused(byte[] packet, DriverException e) {
        boolean einval = e.errno().map(x -> x.is(Errno.EINVAL)).orElse(false)
                || e.kind() == DriverException.Kind.BAD_INPUT;
        if (!einval) {
            return new TargetException("BPF_PROG_TEST_RUN failed: " + e.getMessage(), e);
        }
        int type = packet.length >= 14 ? (packet[12] & 0xff) << 8 | (packet[13] & 0xff) : -1;
        String why;
        if (packet.length < 14) {
            why = "it has " + packet.length + " bytes, and the kernel test-runs only frames of at least an Ethernet"
                    + " header (14 bytes)";
        } else if (!xdp && type == 0x0800 && packet.length < 34) {
            why = "it is an IPv4 frame (EtherType 0x0800) of " + packet.length + " bytes, and the kernel test-runs"
                    + " tc programs only on IPv4 frames of at least 34 bytes (Ethernet + IPv4 header)";
        } else if (!xdp && type == 0x86dd && packet.length < 54) {
            why = "it is an IPv6 frame (EtherType 0x86DD) of " + packet.length + " bytes, and the kernel test-runs"
                    + " tc programs only on IPv6 frames of at least 54 bytes (Ethernet + IPv6 header)";
        } else {
            why = e.getMessage();
        }
        return new TargetException("the kernel refuses to test-run this packet (EINVAL): " + why
                + "; the kernel target cannot tell what this packet gives", e);
    }
}
