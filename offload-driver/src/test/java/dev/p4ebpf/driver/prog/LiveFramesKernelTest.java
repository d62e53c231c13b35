package dev.p4ebpf.driver.prog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.p4ebpf.driver.link.Target;
import dev.p4ebpf.driver.netns.PacketSocket;
import dev.p4ebpf.driver.sys.Uapi;
import dev.p4ebpf.driver.testutil.Frames;
import dev.p4ebpf.driver.testutil.Insns;
import dev.p4ebpf.driver.testutil.KernelFeatures;
import dev.p4ebpf.driver.testutil.TestNetwork;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** BPF_PROG_TEST_RUN with BPF_F_TEST_XDP_LIVE_FRAMES: passed frames really enter the stack. Linux 5.18. */
class LiveFramesKernelTest {
    @Test
    void livePassedFramesReachTheInterface_kernel_5_18() {
        KernelFeatures.requireRootAndKernel(5, 18, "BPF_PROG_TEST_RUN with live frames");
        try (TestNetwork net = TestNetwork.create();
                BpfProgram pass = BpfProgram.load(ProgramAttributes.of("live_pass", Uapi.BPF_PROG_TYPE_XDP,
                        Insns.returning(Uapi.XDP_PASS)))) {
            Target p4b = net.target("p4b");
            try (PacketSocket socket = net.ns().call(() -> PacketSocket.open(p4b.ifindex(), Duration.ofMillis(300)))) {
                byte[] frame = Frames.test(Frames.mac(TestNetwork.MAC_B), Frames.mac(TestNetwork.MAC_A), 7);
                net.ns().call(() -> TestRun.liveFrames(pass, frame, 5, p4b.ifindex()));
                int seen = 0;
                while (socket.receive().filter(f -> Frames.testSeq(f) == 7).isPresent()) {
                    seen++;
                }
                assertEquals(5, seen, "each repetition is a fresh frame passed to the stack");
            }
        }
    }
}
