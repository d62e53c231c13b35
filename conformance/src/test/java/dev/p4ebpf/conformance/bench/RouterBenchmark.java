package dev.p4ebpf.conformance.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.p4ebpf.driver.load.LoadOptions;
import dev.p4ebpf.driver.load.LoadedObject;
import dev.p4ebpf.driver.load.ObjectLoader;
import dev.p4ebpf.driver.map.BpfMap;
import dev.p4ebpf.driver.prog.BpfProgram;
import dev.p4ebpf.driver.prog.TestRun;
import dev.p4ebpf.driver.table.EntrySpec;
import dev.p4ebpf.driver.table.Tables;
import dev.p4ebpf.ebpf.compile.EbpfCompiler;
import dev.p4ebpf.ebpf.lower.EbpfLowering;
import dev.p4ebpf.frontend.Frontend;
import dev.p4ebpf.frontend.FrontendOptions;
import dev.p4ebpf.ir.diag.Diagnostics;
import dev.p4ebpf.ir.midend.Midend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The XDP router of examples/xdp-router in P4, compiled by p4ebpf, against the same router written
 * by hand in C (src/test/resources/bench/router.c) and compiled by clang -O2: ns per packet with
 * BPF_PROG_TEST_RUN, measured side by side in alternating rounds (median over the rounds), and the
 * number of instructions after the verifier (xlated). Each run repeats a packet whose TTL starts at
 * 255 for 200 repetitions, so every repetition takes the forwarding path (the TTL stays above 1).
 * A benchmark: it prints its figures; it asserts only that both programs forward the packet alike.
 * Needs root and clang-19: {@code mvn -Dbenchmarks -pl conformance -am test -Dtest=RouterBenchmark}.
 */
@Tag("benchmark")
class RouterBenchmark {
    private static final int ROUNDS = 400;
    private static final int REPEAT = 200;
    private static final byte[] SRC = HexFormat.of().parseHex("020000000001");
    private static final byte[] DST = HexFormat.of().parseHex("020000000002");

    @TempDir
    Path dir;

    @Test
    void p4AgainstHandWrittenC() throws IOException, InterruptedException {
        assumeTrue("root".equals(System.getProperty("user.name")), "loading BPF programs needs root");
        Path c = compileC();
        var fr = Frontend.compile(Path.of("../examples/xdp-router/router.p4"), "router.p4", FrontendOptions.defaults());
        assertTrue(fr.ok(), fr.diagnostics()::toString);
        var diags = new Diagnostics();
        var midend = Midend.run(fr.program().get(), diags);
        var compiled = EbpfCompiler.compile(midend.program(), EbpfLowering.Hook.XDP, "router", s -> Optional.empty(), diags)
                .orElseThrow(() -> new AssertionError(diags.all().toString()));
        Path p4 = dir.resolve("router.o");
        Files.write(p4, compiled.elf());
        byte[] packet = HexFormat.of().parseHex("ffffffffffff0a00000000010800" + "450000140001000040110000c6336401c0000205"
                + "00".repeat(26));
        packet[22] = (byte) 255;
        fixChecksum(packet);
        try (LoadedObject po = ObjectLoader.load(p4, LoadOptions.DEFAULT);
             LoadedObject co = ObjectLoader.load(c, LoadOptions.DEFAULT);
             Tables tables = new Tables(compiled.controlPlane(), po)) {
            tables.add(new EntrySpec("RouterPipe.routes", Map.of("hd.ipv4.dstAddr", "192.0.2.0/24"), "forward",
                    Map.of("srcMac", "02:00:00:00:00:01", "dstMac", "02:00:00:00:00:02"), null));
            installC(co);
            BpfProgram pp = po.program(Optional.empty());
            BpfProgram cp = co.program(Optional.empty());
            TestRun.Result a = TestRun.run(pp, packet, 1);
            TestRun.Result b = TestRun.run(cp, packet, 1);
            assertEquals(3, a.retval(), "p4ebpf's router forwards (XDP_TX)");
            assertEquals(b.retval(), a.retval());
            assertEquals(HexFormat.of().formatHex(b.packet()), HexFormat.of().formatHex(a.packet()),
                    "both routers write the same packet");
            var p4ns = new ArrayList<Integer>();
            var cns = new ArrayList<Integer>();
            for (int i = 0; i < ROUNDS; i++) {
                p4ns.add(TestRun.run(pp, packet, REPEAT).nsPerRun());
                cns.add(TestRun.run(cp, packet, REPEAT).nsPerRun());
            }
            double mp = median(p4ns);
            double mc = median(cns);
            int ip = pp.info().translatedInstructions();
            int ic = cp.info().translatedInstructions();
            System.out.printf("router, BPF_PROG_TEST_RUN, %d rounds x %d repetitions, medians:%n", ROUNDS, REPEAT);
            System.out.printf("  p4ebpf: %.1f ns/packet, %d translated instructions, %d bytes jited%n", mp, ip,
                    pp.info().jitedBytes());
            System.out.printf("  clang -O2 (hand-written C): %.1f ns/packet, %d translated instructions, %d bytes jited%n",
                    mc, ic, cp.info().jitedBytes());
            System.out.printf("  ratio p4ebpf/clang: ns/packet %.3f, translated instructions %.3f%n", mp / mc,
                    (double) ip / ic);
        }
    }

    private static double median(List<Integer> xs) {
        int[] a = xs.stream().mapToInt(Integer::intValue).toArray();
        Arrays.sort(a);
        return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2.0;
    }

    /** The IPv4 header checksum of the packet (bytes 14..33) written in place. */
    private static void fixChecksum(byte[] p) {
        p[24] = 0;
        p[25] = 0;
        int sum = 0;
        for (int i = 14; i < 34; i += 2) {
            sum += ((p[i] & 0xff) << 8) | (p[i + 1] & 0xff);
        }
        sum = (sum & 0xffff) + (sum >> 16);
        sum = (sum & 0xffff) + (sum >> 16);
        int c = ~sum & 0xffff;
        p[24] = (byte) (c >> 8);
        p[25] = (byte) c;
    }

    private Path compileC() throws IOException, InterruptedException {
        Path src = Path.of("src/test/resources/bench/router.c");
        Path out = dir.resolve("router_c.o");
        Process p;
        try {
            p = new ProcessBuilder("clang-19", "-O2", "-g", "-target", "bpf", "-I/usr/include/x86_64-linux-gnu", "-c",
                    src.toString(), "-o", out.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeTrue(false, "clang-19 is not installed (apt-get install clang-19)");
            throw e;
        }
        String log = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), log);
        return out;
    }

    /** The C router's route: key {prefixlen 24, 192.0.2.0}, value {src MAC, dst MAC}. */
    private static void installC(LoadedObject co) {
        BpfMap routes = co.map("routes");
        byte[] key = {24, 0, 0, 0, (byte) 192, 0, 2, 0};
        byte[] value = new byte[12];
        System.arraycopy(SRC, 0, value, 0, 6);
        System.arraycopy(DST, 0, value, 6, 6);
        routes.update(key, value, 0);
    }
}
