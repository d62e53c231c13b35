package dev.p4ebpf.driver.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.p4ebpf.driver.netlink.NetlinkSocket;
import dev.p4ebpf.driver.netlink.Rtnl;
import dev.p4ebpf.driver.netns.PacketSocket;
import dev.p4ebpf.driver.prog.BpfProgram;
import dev.p4ebpf.driver.prog.ProgramAttributes;
import dev.p4ebpf.driver.sys.Uapi;
import dev.p4ebpf.driver.testutil.Bpftool;
import dev.p4ebpf.driver.testutil.Frames;
import dev.p4ebpf.driver.testutil.Insns;
import dev.p4ebpf.driver.testutil.KernelFeatures;
import dev.p4ebpf.driver.testutil.Leaks;
import dev.p4ebpf.driver.testutil.TestNetwork;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Attaches programs in every mode to veth interfaces in a private network namespace, sends real
 * ARP requests from the peer through AF_PACKET, and observes the verdict: PASS (the stack answers),
 * DROP (silence), TX (the request comes back) and REDIRECT (it leaves another veth). Needs root and
 * Linux 6.6 (tcx links).
 */
class AttachModesKernelTest {
    private static final Duration QUIET = Duration.ofSeconds(1);
    private static TestNetwork net;

    private enum Seen { REPLY, BOUNCED, REDIRECTED, NOTHING }

    @BeforeAll
    static void network() {
        KernelFeatures.requireRootAndKernel(6, 6, "XDP/tcx/cls_bpf attachment on veth in a netns");
        net = TestNetwork.create();
    }

    @AfterAll
    static void removeNetwork() {
        if (net != null) {
            net.close();
        }
    }

    // ------------------------------------------------------------ XDP

    @Test
    void xdpNativeLink_dropPassTxRedirect_kernel_6_6() {
        withNativePeers(() -> verdictMatrix(AttachMode.XDP, Mechanism.BPF_LINK));
    }

    @Test
    void xdpNativeNetlink_dropPassTxRedirect_kernel_6_6() {
        withNativePeers(() -> verdictMatrix(AttachMode.XDP, Mechanism.NETLINK));
    }

    @Test
    void xdpGenericLink_dropPassTxRedirect_kernel_6_6() {
        verdictMatrix(AttachMode.XDP_GENERIC, Mechanism.BPF_LINK);
    }

    @Test
    void xdpGenericNetlink_dropPassTxRedirect_kernel_6_6() {
        verdictMatrix(AttachMode.XDP_GENERIC, Mechanism.NETLINK);
    }

    // ------------------------------------------------------------ tc

    @Test
    void tcIngressTcx_dropPassTxRedirect_kernel_6_6() {
        verdictMatrix(AttachMode.TC_INGRESS, Mechanism.BPF_LINK);
    }

    @Test
    void tcIngressClsBpf_dropPassTxRedirect_kernel_6_6() {
        verdictMatrix(AttachMode.TC_INGRESS, Mechanism.NETLINK);
    }

    @Test
    void tcEgressTcx_dropPassRedirect_kernel_6_6() {
        egressMatrix(Mechanism.BPF_LINK);
    }

    @Test
    void tcEgressClsBpf_dropPassRedirect_kernel_6_6() {
        egressMatrix(Mechanism.NETLINK);
    }

    /** Ingress hook on p4b; frames come from p4a. */
    private void verdictMatrix(AttachMode mode, Mechanism mechanism) {
        Target p4b = net.target("p4b");
        Target p4c = net.target("p4c");
        int drop = mode.isXdp() ? Uapi.XDP_DROP : Uapi.TC_ACT_SHOT;
        int pass = mode.isXdp() ? Uapi.XDP_PASS : Uapi.TC_ACT_OK;
        check(mode, mechanism, p4b, Insns.returning(drop), Seen.NOTHING);
        check(mode, mechanism, p4b, Insns.returning(pass), Seen.REPLY);
        check(mode, mechanism, p4b, mode.isXdp() ? Insns.returning(Uapi.XDP_TX) : redirectTo(p4b.ifindex()),
                Seen.BOUNCED);
        check(mode, mechanism, p4b, redirectTo(p4c.ifindex()), Seen.REDIRECTED);
    }

    /** Egress hook on p4a, which sends the frames. */
    private void egressMatrix(Mechanism mechanism) {
        Target p4a = net.target("p4a");
        Target p4c = net.target("p4c");
        check(AttachMode.TC_EGRESS, mechanism, p4a, Insns.returning(Uapi.TC_ACT_SHOT), Seen.NOTHING);
        check(AttachMode.TC_EGRESS, mechanism, p4a, Insns.returning(Uapi.TC_ACT_OK), Seen.REPLY);
        check(AttachMode.TC_EGRESS, mechanism, p4a, redirectTo(p4c.ifindex()), Seen.REDIRECTED);
    }

    private static byte[] redirectTo(int ifindex) {
        return Insns.program().movImm(Insns.R1, ifindex).movImm(Insns.R2, 0).call(23).exit().bytes();
    }

    private void check(AttachMode mode, Mechanism mechanism, Target where, byte[] code, Seen expected) {
        Set<String> fdsBefore = Leaks.bpfFds();
        Set<Integer> linksBefore = Bpftool.linkIds();
        int progId;
        try (BpfProgram prog = BpfProgram.load(ProgramAttributes.of("t_" + expected.name().toLowerCase(),
                mode.programType(), code))) {
            progId = prog.id();
            Attachment attachment = net.ns().call(() -> Attacher.attach(prog, where, mode, mechanism));
            try {
                assertEquals(prog.id(), attachment.programId());
                assertEquals(expected, sendArpAndObserve(), mode.word() + " via " + mechanism.word());
            } finally {
                net.ns().run(attachment::detach);
                attachment.close();
            }
        }
        assertNothingLeft(where, progId, linksBefore, fdsBefore);
    }

    private Seen sendArpAndObserve() {
        Target p4a = net.target("p4a");
        Target p4d = net.target("p4d");
        try (PacketSocket a = net.ns().call(() -> PacketSocket.open(p4a.ifindex(), QUIET));
                PacketSocket d = net.ns().call(() -> PacketSocket.open(p4d.ifindex(), QUIET))) {
            byte[] request = Frames.arpRequest(Frames.mac(TestNetwork.MAC_A), TestNetwork.IP_A, TestNetwork.IP_B);
            if (!a.send(request)) {
                return Seen.NOTHING;
            }
            Optional<byte[]> atA = firstMatching(a, f -> Frames.arpOpcode(f) > 0);
            if (atA.isPresent()) {
                return Frames.arpOpcode(atA.get()) == 2 ? Seen.REPLY : Seen.BOUNCED;
            }
            return firstMatching(d, f -> Frames.arpOpcode(f) == 1).isPresent() ? Seen.REDIRECTED : Seen.NOTHING;
        }
    }

    private static Optional<byte[]> firstMatching(PacketSocket socket, Predicate<byte[]> wanted) {
        for (int i = 0; i < 16; i++) {
            Optional<byte[]> frame = socket.receive();
            if (frame.isEmpty() || wanted.test(frame.get())) {
                return frame;
            }
        }
        return Optional.empty();
    }

    private void assertNothingLeft(Target where, int progId, Set<Integer> linksBefore, Set<String> fdsBefore) {
        net.ns().run(() -> {
            try (NetlinkSocket socket = NetlinkSocket.openRoute()) {
                Rtnl rtnl = new Rtnl(socket);
                assertFalse(rtnl.link(where.ifindex()).xdp().any(), "an XDP program is still on " + where);
                assertTrue(rtnl.bpfFilters(where.ifindex(), Uapi.TC_H_MIN_INGRESS).isEmpty());
                assertTrue(rtnl.bpfFilters(where.ifindex(), Uapi.TC_H_MIN_EGRESS).isEmpty());
            } catch (dev.p4ebpf.driver.netlink.NetlinkError e) {
                fail(e);
            }
        });
        assertFalse(net.exec("tc", "qdisc", "show", "dev", where.name()).contains("clsact"),
                "the clsact qdisc was left on " + where);
        assertEquals(linksBefore, Bpftool.linkIds(), "BPF links left behind");
        assertTrue(Bpftool.eventually(() -> !Bpftool.progIds().contains(progId)), "program " + progId
                + " is still loaded");
        assertEquals(fdsBefore, Leaks.bpfFds(), "descriptors left open");
    }

    /** Native XDP_TX/REDIRECT on veth needs the receiving peer to run XDP too: give p4a and p4d a pass program. */
    private void withNativePeers(Runnable body) {
        try (BpfProgram pass = BpfProgram.load(ProgramAttributes.of("peer_pass", Uapi.BPF_PROG_TYPE_XDP,
                Insns.returning(Uapi.XDP_PASS)))) {
            Target p4a = net.target("p4a");
            Target p4d = net.target("p4d");
            Attachment a = net.ns().call(() -> Attacher.attach(pass, p4a, AttachMode.XDP));
            Attachment d = net.ns().call(() -> Attacher.attach(pass, p4d, AttachMode.XDP));
            try {
                body.run();
            } finally {
                a.close();
                d.close();
            }
        }
    }
}
