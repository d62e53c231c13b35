package dev.p4ebpf.conformance.vm;

import static dev.p4ebpf.conformance.vm.Packets.addr;
import static dev.p4ebpf.conformance.vm.Packets.le32;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.p4ebpf.ebpf.object.BpfObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hand-written C programs compiled with clang (ISA v3 and v4) run on the same packets in the VM and
 * in the kernel with BPF_PROG_TEST_RUN (Linux ≥ 6.6, root): same return value, same output packet,
 * same ctx_out, same map contents. Needs Debian's clang-19.
 */
class KernelDifferentialTest {
    private static final int R1 = addr(198, 51, 100, 0);
    private static final int R2 = addr(203, 0, 113, 128);
    private static final int R3 = addr(203, 0, 113, 0);
    private static int packets;
    private static long instructions;

    @TempDir
    Path dir;

    @AfterAll
    static void report() {
        System.out.println("KernelDifferentialTest: compared " + packets + " packets (" + instructions
                + " VM instructions) between the VM and BPF_PROG_TEST_RUN");
    }

    private Differential load(String name, String cpu) throws Exception {
        TestEnv.requireKernel(6, 6, "BPF_PROG_TEST_RUN of XDP and sched_cls programs");
        BpfObject obj = TestEnv.compile(name, cpu, dir);
        return Differential.load(obj);
    }

    private static void done(Differential d) throws Exception {
        d.assertMapsEqual();
        packets += d.packets;
        instructions += d.instructions;
    }

    private static byte[] routeKey(int prefix, int address) {
        byte[] k = new byte[8];
        System.arraycopy(le32(prefix), 0, k, 0, 4);
        Packets.put32(k, 4, address);
        return k;
    }

    private static byte[] hop(int port, int seed) {
        byte[] v = new byte[16];
        System.arraycopy(le32(port), 0, v, 0, 4);
        for (int i = 4; i < 16; i++) {
            v[i] = (byte) (seed + i);
        }
        return v;
    }

    @ParameterizedTest
    @ValueSource(strings = {"v3", "v4"})
    void routerRoutesRewritesAndRedirects(String cpu) throws Exception {
        try (Differential d = load("xdp_router", cpu)) {
            d.update("routes", routeKey(24, R1), hop(1, 0x10));
            d.update("routes", routeKey(25, R2), hop(2, 0x20));
            d.update("routes", routeKey(24, R3), hop(3, 0x30));
            d.update("ports", le32(1), le32(1));
            d.update("ports", le32(2), le32(1));
            int src = addr(192, 0, 2, 1);
            byte[] payload = Packets.bytes(18, 3);
            for (int dst : new int[] {R1 + 7, R2 + 1, R3 + 5, R3 + 200, addr(192, 0, 2, 99)}) {
                for (int ttl : new int[] {64, 2, 1, 0, 255}) {
                    d.run("xdp_router", Packets.udpFrame(src, dst, 53, ttl, 0, 1, payload, true));
                }
            }
            d.run("xdp_router", Packets.eth(Packets.MAC_A, Packets.MAC_B, 0x0806, Packets.bytes(28, 1)));
            d.run("xdp_router", Packets.eth(Packets.MAC_A, Packets.MAC_B, 0x86dd, Packets.bytes(60, 2)));
            d.run("xdp_router", Packets.eth(Packets.MAC_A, Packets.MAC_B, 0x0800, Packets.bytes(10, 2)));
            byte[] options = Packets.udpFrame(src, R1 + 1, 53, 9, 0, 1, payload, true);
            options[14] = 0x46;
            d.run("xdp_router", options);
            done(d);
        }
    }

    private static byte[] command(int cmd, int amount, int length) {
        byte[] payload = Packets.bytes(length - 14, cmd * 13 + amount);
        payload[0] = (byte) cmd;
        payload[1] = (byte) amount;
        return Packets.eth(Packets.MAC_A, Packets.MAC_B, 0x88b5, payload);
    }

    @ParameterizedTest
    @ValueSource(strings = {"v3", "v4"})
    void xdpAdjustHeadTailAndMetaAtTheirLimits(String cpu) throws Exception {
        try (Differential d = load("xdp_adjust", cpu)) {
            int[] heads = {-54, -55, -10, -1, 0, 1, 4, 12, 13, 127, -128};
            int[] tails = {-1, -12, -13, -100, 1, 30, 31, 50, 127};
            int[] metas = {-1, -2, -8, -9, -63, -64, -54, -55, 1, 0};
            for (int len : new int[] {64, 3400, 3520}) {
                for (int h : heads) {
                    d.run("xdp_adjust", command(0, h, len));
                }
                for (int t : tails) {
                    d.run("xdp_adjust", command(1, t, len));
                }
                for (int m : metas) {
                    d.run("xdp_adjust", command(2, m, len));
                }
            }
            d.run("xdp_adjust", Packets.eth(Packets.MAC_A, Packets.MAC_B, 0x0800, Packets.bytes(40, 1)));
            done(d);
        }
    }

    private static byte[] nat(int address, int port) {
        byte[] v = new byte[8];
        System.arraycopy(le32(Integer.reverseBytes(address)), 0, v, 0, 4);
        v[4] = (byte) (port >>> 8);
        v[5] = (byte) port;
        return v;
    }

    @ParameterizedTest
    @ValueSource(strings = {"v3", "v4"})
    void tcNatWithChecksumHelpers(String cpu) throws Exception {
        try (Differential d = load("tc_nat", cpu)) {
            int vip = addr(192, 0, 2, 1);
            d.update("nat", le32(Integer.reverseBytes(vip)), nat(addr(198, 51, 100, 7), 8080));
            d.update("nat", le32(Integer.reverseBytes(addr(192, 0, 2, 2))), nat(addr(203, 0, 113, 255), 0));
            int src = addr(203, 0, 113, 9);
            for (boolean sum : new boolean[] {true, false}) {
                for (int n : new int[] {0, 1, 17, 200}) {
                    d.run("tc_nat", Packets.udpFrame(src, vip, 53, 64, 0, n, Packets.bytes(n, n), sum));
                    d.run("tc_nat", Packets.udpFrame(src, addr(192, 0, 2, 2), 80, 64, 0, n, Packets.bytes(n, 3), sum));
                }
            }
            d.run("tc_nat", Packets.udpFrame(src, addr(192, 0, 2, 3), 53, 64, 0, 1, Packets.bytes(4, 1), true));
            d.run("tc_nat", Packets.eth(new byte[] {-1, -1, -1, -1, -1, -1}, Packets.MAC_B, 0x0806, Packets.bytes(28, 1)));
            d.run("tc_nat", Packets.eth(new byte[] {1, 0, 0x5e, 0, 0, 1}, Packets.MAC_B, 0x0800, Packets.bytes(28, 1)));
            d.run("tc_nat", Packets.eth(new byte[6], Packets.MAC_B, 0x0800, Packets.bytes(28, 1)));
            d.run("tc_nat", Packets.eth(Packets.MAC_A, Packets.MAC_B, 0x0100, Packets.bytes(28, 1)));
            done(d);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"v3", "v4"})
    void tcAdjustRoomChangeTailAndHead(String cpu) throws Exception {
        try (Differential d = load("tc_room", cpu)) {
            int src = addr(192, 0, 2, 1);
            int dst = addr(198, 51, 100, 2);
            int[][] cases = {{0, 8}, {0, -8}, {0, 100}, {0, -100}, {0, -60}, {1, 14}, {1, -4}, {1, -20}, {2, 10},
                {2, -10}, {2, -120}, {2, 127}, {3, 8}, {3, 100}, {4, 4}, {5, 4}};
            for (int[] c : cases) {
                for (int len : new int[] {40, 120}) {
                    d.run("tc_room", Packets.udpFrame(src, dst, 53, 64, c[0], c[1] & 0xff, Packets.bytes(len, c[1]), true));
                }
            }
            d.run("tc_room", Packets.eth(Packets.MAC_A, Packets.MAC_B, 0x86dd, Packets.bytes(60, 2)));
            done(d);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"v3", "v4"})
    void callsLoopsHashFlagsAndAtomics(String cpu) throws Exception {
        try (Differential d = load("xdp_calls", cpu)) {
            List<byte[]> frames = new ArrayList<>();
            java.util.Random rnd = new java.util.Random(7);
            for (int i = 0; i < 40; i++) {
                byte[] f = new byte[16 + rnd.nextInt(200)];
                rnd.nextBytes(f);
                frames.add(f);
            }
            for (byte[] f : frames) {
                d.run("xdp_calls", f);
            }
            done(d);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"v3", "v4"})
    void tailCallsAndRedirect(String cpu) throws Exception {
        try (Differential d = load("xdp_tail", cpu)) {
            d.setProgram("jumps", 0, "xdp_second");
            d.setProgram("jumps", 1, "xdp_second");
            d.setProgram("jumps", 2, "xdp_third");
            for (int slot = 0; slot < 8; slot++) {
                byte[] f = Packets.eth(Packets.MAC_A, Packets.MAC_B, 0x0800, Packets.bytes(30, slot));
                f[14] = (byte) (slot | 0x50);
                VmResult r = d.run("xdp_entry", f);
                if ((slot & 3) != 3) {
                    assertEquals(XdpAction.REDIRECT, r.xdpAction(), "slot " + slot + " ends in xdp_second's redirect");
                    assertEquals(~(slot | 0x50) & 0xf, r.redirect().orElseThrow().ifindex());
                }
            }
            done(d);
        }
    }
}
