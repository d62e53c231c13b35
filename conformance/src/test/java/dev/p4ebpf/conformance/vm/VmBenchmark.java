package dev.p4ebpf.conformance.vm;

import static dev.p4ebpf.conformance.vm.Packets.addr;
import static dev.p4ebpf.conformance.vm.Packets.le32;

import dev.p4ebpf.ebpf.object.BpfObject;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Instructions per second and packets per second of the VM on the clang-compiled XDP router
 * ({@code vm/xdp_router.c}, ISA v3) with a routed packet, after a warm-up. Measures and prints only.
 * Run with {@code mvn -Dbenchmarks -pl conformance -am test}.
 */
@Tag("benchmark")
class VmBenchmark {
    @TempDir
    Path dir;

    @Test
    void routerPacketsPerSecond() throws Exception {
        BpfObject obj = TestEnv.compile("xdp_router", "v3", dir);
        VmProgram vm = BpfVm.load(obj);
        byte[] key = new byte[8];
        System.arraycopy(le32(24), 0, key, 0, 4);
        Packets.put32(key, 4, addr(198, 51, 100, 0));
        byte[] hop = new byte[16];
        hop[0] = 1;
        vm.map("routes").update(key, hop, VmMap.BPF_ANY);
        vm.map("ports").update(le32(1), le32(1), VmMap.BPF_ANY);
        byte[] packet = Packets.udpFrame(addr(192, 0, 2, 1), addr(198, 51, 100, 7), 53, 64, 0, 1, new byte[18], true);
        for (int i = 0; i < 200_000; i++) {
            vm.run("xdp_router", packet);
        }
        int n = 1_000_000;
        long insns = 0;
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            insns += vm.run("xdp_router", packet).instructionsExecuted();
        }
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf("VmBenchmark xdp_router: %d packets in %.3f s = %.0f packets/s, %d instructions/packet,"
                + " %.1f M instructions/s%n", n, s, n / s, insns / n, insns / s / 1e6);
    }
}
