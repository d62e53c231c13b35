package dev.p4ebpf.ebpf.emit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.p4ebpf.ebpf.lirtest.ClangRouter;
import dev.p4ebpf.ebpf.lirtest.KernelRunner;
import dev.p4ebpf.ebpf.lirtest.Programs;
import dev.p4ebpf.ebpf.lirtest.RouterLir;
import dev.p4ebpf.ebpf.opt.Pipeline;
import dev.p4ebpf.ebpf.opt.Pipelines;
import dev.p4ebpf.ebpf.testutil.Golden;
import dev.p4ebpf.ebpf.testutil.Kernel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The LPM router in LIR ({@link RouterLir}), optimized or not, allocated and emitted, must pass the
 * verifier (Linux ≥ 6.6, root), forward with a header checksum that is still valid, drop misses and
 * short frames, pass what is not IPv4 — and do all of it exactly like router.c compiled by clang
 * (that comparison skips when Debian's clang-19 is absent).
 */
class RouterKernelTest {

    @Test
    void emittedRouterMatchesGolden() {
        Codegen cg = Codegen.compile(RouterLir.function(), Pipelines.standard());
        Golden.check("dev/p4ebpf/ebpf/emit/router.golden", cg.optimized() + "\n" + cg.allocation().listing() + "\n"
                + Programs.listing(cg.code()));
    }

    @Test
    void routerPassesTheVerifierAndForwardsOptimized() throws Exception {
        forwards(Pipelines.standard());
    }

    @Test
    void routerPassesTheVerifierAndForwardsUnoptimized() throws Exception {
        forwards(Pipeline.none());
    }

    @Test
    void routerBehavesLikeClangsOnHitsMissesAndShortFrames() throws Exception {
        Kernel.require(6, 6, "XDP test runs of LPM lookups");
        Codegen cg = Codegen.compile(RouterLir.function(), Pipelines.standard());
        byte[][] route = RouterLir.route();
        try (KernelRunner ours = KernelRunner.load(RouterLir.object(cg.code()));
             KernelRunner clang = KernelRunner.load(ClangRouter.compile())) {
            ours.update(RouterLir.MAP, route[0], route[1]);
            clang.update(RouterLir.MAP, route[0], route[1]);
            for (byte[] p : packets()) {
                KernelRunner.Run a = ours.run("router", p, 1);
                KernelRunner.Run b = clang.run("router", p, 1);
                assertEquals(b.retval(), a.retval(), "return value");
                assertArrayEquals(b.packet(), a.packet(), "output packet");
            }
        }
    }

    private void forwards(Pipeline pipeline) throws Exception {
        Kernel.require(6, 6, "XDP test runs of LPM lookups");
        Codegen cg = Codegen.compile(RouterLir.function(), pipeline);
        try (KernelRunner ours = KernelRunner.load(RouterLir.object(cg.code()))) {
            byte[][] route = RouterLir.route();
            ours.update(RouterLir.MAP, route[0], route[1]);
            KernelRunner.Run fwd = ours.run("router", RouterLir.packet(), 1);
            assertEquals(RouterLir.XDP_TX, fwd.retval());
            assertEquals(63, fwd.packet()[22], "TTL decremented");
            assertEquals(0xffff, headerSum(fwd.packet()), "IPv4 header checksum still valid");
            assertArrayEquals(java.util.Arrays.copyOfRange(route[1], 0, 12),
                    java.util.Arrays.copyOfRange(fwd.packet(), 0, 12), "MACs from the next hop");
            byte[] miss = RouterLir.packet();
            miss[30] = (byte) 203;
            assertEquals(RouterLir.XDP_DROP, ours.run("router", miss, 1).retval());
            byte[] arp = RouterLir.packet();
            arp[13] = 0x06;
            assertEquals(RouterLir.XDP_PASS, ours.run("router", arp, 1).retval());
            assertEquals(RouterLir.XDP_DROP, ours.run("router", java.util.Arrays.copyOf(RouterLir.packet(), 20), 1).retval(),
                    "an IPv4 frame too short for its header");
        }
    }

    /** A hit, a miss, a non-IPv4 frame, short frames, a checksum on the carry edge. */
    private static List<byte[]> packets() {
        List<byte[]> out = new ArrayList<>();
        byte[] hit = RouterLir.packet();
        out.add(hit);
        byte[] miss = hit.clone();
        miss[30] = (byte) 203;
        out.add(miss);
        byte[] arp = hit.clone();
        arp[13] = 0x06;
        out.add(arp);
        out.add(java.util.Arrays.copyOf(hit, 20));
        out.add(java.util.Arrays.copyOf(hit, 14));
        out.add(java.util.Arrays.copyOf(hit, 33));
        for (int c : new int[] {0xfffe, 0xffff, 0xfeff, 0x0000}) {
            byte[] edge = hit.clone();
            edge[24] = (byte) (c >>> 8);
            edge[25] = (byte) c;
            out.add(edge);
        }
        return out;
    }

    private static int headerSum(byte[] p) {
        int sum = 0;
        for (int i = 14; i < 34; i += 2) {
            sum += ((p[i] & 0xff) << 8) | (p[i + 1] & 0xff);
        }
        while (sum > 0xffff) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        return sum;
    }
}
