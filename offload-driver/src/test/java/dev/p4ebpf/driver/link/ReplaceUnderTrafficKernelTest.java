package dev.p4ebpf.driver.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.p4ebpf.driver.map.BpfMap;
import dev.p4ebpf.driver.map.MapAttributes;
import dev.p4ebpf.driver.netns.PacketSocket;
import dev.p4ebpf.driver.prog.BpfProgram;
import dev.p4ebpf.driver.prog.ProgramAttributes;
import dev.p4ebpf.driver.sys.Uapi;
import dev.p4ebpf.driver.testutil.Frames;
import dev.p4ebpf.driver.testutil.Insns;
import dev.p4ebpf.driver.testutil.KernelFeatures;
import dev.p4ebpf.driver.testutil.TestNetwork;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Replaces the running program back and forth while 100,000 frames stream in, and checks that
 * every frame was seen by one of the two programs: each counts into its own map, and the two
 * counts must add up to the frames sent. The sender waits for the counts to catch up every few
 * hundred frames so that no frame is lost to a full queue before the hook. Needs root and
 * Linux 6.6 (tcx).
 */
class ReplaceUnderTrafficKernelTest {
    private static final int FRAMES = 100_000;
    private static final int WINDOW = 256;
    private static TestNetwork net;

    @BeforeAll
    static void network() {
        KernelFeatures.requireRootAndKernel(6, 6, "atomic program replacement (links, netlink, tcx)");
        net = TestNetwork.create();
    }

    @AfterAll
    static void removeNetwork() {
        if (net != null) {
            net.close();
        }
    }

    @Test
    void xdpLinkUpdate_noFrameWithoutProgram_kernel_6_6() {
        stream(AttachMode.XDP, Mechanism.BPF_LINK);
    }

    @Test
    void xdpNetlinkReplaceWithExpectedFd_noFrameWithoutProgram_kernel_6_6() {
        stream(AttachMode.XDP_GENERIC, Mechanism.NETLINK);
    }

    @Test
    void tcxLinkUpdate_noFrameWithoutProgram_kernel_6_6() {
        stream(AttachMode.TC_INGRESS, Mechanism.BPF_LINK);
    }

    @Test
    void clsBpfReplace_noFrameWithoutProgram_kernel_6_6() {
        stream(AttachMode.TC_INGRESS, Mechanism.NETLINK);
    }

    private void stream(AttachMode mode, Mechanism mechanism) {
        int verdict = mode.isXdp() ? Uapi.XDP_PASS : Uapi.TC_ACT_OK;
        Target p4a = net.target("p4a");
        Target p4b = net.target("p4b");
        try (BpfMap countA = counter("cnt_a"); BpfMap countB = counter("cnt_b");
                BpfProgram a = BpfProgram.load(ProgramAttributes.of("count_a", mode.programType(),
                        Insns.countingThenReturning(countA.fd().value(), verdict)));
                BpfProgram b = BpfProgram.load(ProgramAttributes.of("count_b", mode.programType(),
                        Insns.countingThenReturning(countB.fd().value(), verdict)));
                PacketSocket sender = net.ns().call(() -> PacketSocket.open(p4a.ifindex(), Duration.ofMillis(100)))) {
            Attachment attachment = net.ns().call(() -> Attacher.attach(a, p4b, mode, mechanism));
            AtomicBoolean sending = new AtomicBoolean(true);
            int[] replacements = {0};
            try {
                Thread replacer = Thread.ofPlatform().start(() -> net.ns().run(() -> {
                    while (sending.get()) {
                        attachment.replace(replacements[0] % 2 == 0 ? b : a);
                        replacements[0]++;
                    }
                }));
                int sent = send(sender, countA, countB);
                sending.set(false);
                join(replacer);
                long seen = read(countA) + read(countB);
                System.out.printf("%s via %s: %d frames sent, %d counted (a %d, b %d), %d replacements%n",
                        mode.word(), mechanism.word(), sent, seen, read(countA), read(countB), replacements[0]);
                assertEquals(FRAMES, sent);
                assertEquals(0, sent - seen, "frames that saw no program");
                assertTrue(replacements[0] >= 10, "only " + replacements[0] + " replacements happened");
                assertTrue(read(countA) > 0 && read(countB) > 0, "both programs must have run");
            } finally {
                net.ns().run(attachment::detach);
                attachment.close();
            }
        }
    }

    private static int send(PacketSocket sender, BpfMap countA, BpfMap countB) {
        byte[] dst = Frames.mac(TestNetwork.MAC_B);
        byte[] src = Frames.mac(TestNetwork.MAC_A);
        int sent = 0;
        while (sent < FRAMES) {
            if (sender.send(Frames.test(dst, src, sent))) {
                sent++;
            }
            if (sent % WINDOW == 0 && !caughtUp(sent, countA, countB)) {
                break;
            }
        }
        return sent;
    }

    /** Waits (at most 2 s) until the programs have counted {@code sent} frames. */
    private static boolean caughtUp(int sent, BpfMap countA, BpfMap countB) {
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (read(countA) + read(countB) < sent) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.onSpinWait();
        }
        return true;
    }

    private static BpfMap counter(String name) {
        return BpfMap.create(MapAttributes.of(name, Uapi.BPF_MAP_TYPE_ARRAY, 4, 8, 1, 0));
    }

    private static long read(BpfMap counter) {
        return ByteBuffer.wrap(counter.lookup(new byte[4]).orElseThrow()).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }

    private static void join(Thread t) {
        try {
            t.join(Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
